package fr.communs.dossier;

import fr.communs.base.CommunStatut;
import java.util.EnumSet;
import java.util.Set;

/**
 * Filters of the agents' "Dossiers" list.
 *
 * @param statuts      states shown; null or empty: the files transmitted to the Département ({@link #TRANSMIS})
 * @param defiId       only the files answering this défi (null: all)
 * @param instructeur  whose files: everybody's, mine, nobody's yet, or one agent's ({@code instructeurId})
 * @param etiquette    only the files bearing this label (null: all)
 * @param texte        words searched in the title and the porteur's name, without regard to accents or case
 * @param enRetard     only the files whose open step is past its due date
 */
public record DossierFiltre(Set<CommunStatut> statuts, Long defiId, Instructeur instructeur, Long instructeurId,
                            String etiquette, String texte, boolean enRetard) {

    /** Longest searched text (longer ones are cut). */
    public static final int TEXTE_MAX = 100;

    /** The states of a file transmitted to the Département: the list's default. */
    public static final Set<CommunStatut> TRANSMIS = Set.copyOf(EnumSet.of(CommunStatut.EN_INSTRUCTION,
            CommunStatut.COMPLEMENTS_DEMANDES, CommunStatut.NON_RECEVABLE, CommunStatut.AU_COMITE,
            CommunStatut.A_L_ASSEMBLEE, CommunStatut.REJETE, CommunStatut.LAUREAT, CommunStatut.LIVRABLE_DEPOSE));

    /** Every state a published file can be in (drafts are never listed). */
    public static final Set<CommunStatut> PUBLIES = Set.copyOf(EnumSet.complementOf(EnumSet.of(CommunStatut.BROUILLON)));

    /** Whose files. */
    public enum Instructeur {
        TOUS, MOI, PERSONNE, AGENT
    }

    public DossierFiltre {
        statuts = statuts == null ? Set.of() : Set.copyOf(statuts);
        instructeur = instructeur == null ? Instructeur.TOUS : instructeur;
    }

    /** The default list: transmitted files, every instructeur, no other filter. */
    public static DossierFiltre transmis() {
        return new DossierFiltre(Set.of(), null, Instructeur.TOUS, null, null, null, false);
    }

    /** The states really shown: the given ones without drafts, or {@link #TRANSMIS} when none is given. */
    public Set<CommunStatut> statutsEffectifs() {
        EnumSet<CommunStatut> s = statuts.isEmpty() ? EnumSet.copyOf(TRANSMIS) : EnumSet.copyOf(statuts);
        s.remove(CommunStatut.BROUILLON);
        return s;
    }

    public DossierFiltre withStatuts(Set<CommunStatut> value) {
        return new DossierFiltre(value, defiId, instructeur, instructeurId, etiquette, texte, enRetard);
    }

    public DossierFiltre withInstructeur(Instructeur value, Long agentId) {
        return new DossierFiltre(statuts, defiId, value, agentId, etiquette, texte, enRetard);
    }
}
