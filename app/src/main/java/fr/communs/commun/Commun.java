package fr.communs.commun;

import fr.communs.base.CommunStatut;
import fr.communs.campagne.Defi;
import fr.communs.commune.Commune;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A commun's file as it is now (a draft, published, transmitted and possibly completed during instruction). What
 * was transmitted is kept apart, see {@link DossierVersion}.
 *
 * @param publieLe when the idea was published, {@code null} for a draft
 * @param version  optimistic-locking version of the file
 */
public record Commun(long id, long campagneId, String titre, String resume, String besoin, String interetGeneral,
                     String gouvernance, long porteurStructureId, String porteurNom, CommunStatut statut,
                     OffsetDateTime dateTransmission, OffsetDateTime createdAt, List<Defi> defis, Set<Enjeu> enjeux,
                     Echelle echelle, boolean zoneRurale, boolean zoneQpv, List<Commune> communes, String productions,
                     boolean cherchePartenaires, OffsetDateTime publieLe, int version) {

    public boolean brouillon() {
        return statut == CommunStatut.BROUILLON;
    }

    /** Before transmission: the file and the groupement may still change. */
    public boolean modifiable() {
        return statut == CommunStatut.BROUILLON || statut == CommunStatut.EN_CONSTITUTION;
    }

    /** The content as the {@link CommunData} of the form. */
    public CommunData data() {
        return new CommunData(titre, resume, besoin, interetGeneral, gouvernance,
                defis.stream().map(Defi::id).collect(java.util.stream.Collectors.toSet()), enjeux, echelle, zoneRurale,
                zoneQpv, communes.stream().map(Commune::codeInsee).collect(java.util.stream.Collectors.toSet()), productions);
    }
}
