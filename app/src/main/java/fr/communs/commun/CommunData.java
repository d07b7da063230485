package fr.communs.commun;

import java.util.Set;

/**
 * What a structure fills in to deposit an idea of commun. In a draft every field may still be empty; publishing
 * checks them all.
 *
 * @param communes codes INSEE of the communes concerned
 * @param productions expected outputs and how they stay accessible and appropriable by all
 */
public record CommunData(String titre, String resume, String besoin, String interetGeneral, String gouvernance,
                         Set<Long> defiIds, Set<Enjeu> enjeux, Echelle echelle, boolean zoneRurale, boolean zoneQpv,
                         Set<String> communes, String productions) {

    public CommunData {
        defiIds = defiIds == null ? Set.of() : Set.copyOf(defiIds);
        enjeux = enjeux == null ? Set.of() : Set.copyOf(enjeux);
        communes = communes == null ? Set.of() : Set.copyOf(communes);
    }

    /** The texts and défis only (no enjeu, scale, zone, commune or production). */
    public CommunData(String titre, String resume, String besoin, String interetGeneral, String gouvernance,
                      Set<Long> defiIds) {
        this(titre, resume, besoin, interetGeneral, gouvernance, defiIds, Set.of(), null, false, false, Set.of(), null);
    }
}
