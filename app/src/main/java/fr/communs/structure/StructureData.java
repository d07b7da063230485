package fr.communs.structure;

import java.util.Set;

/** What a structure's administrator fills in. ESS status is derived, never typed. */
public record StructureData(String nom, String siret, String rna, FormeJuridique formeJuridique, boolean agrementEsus,
                            SiaeType siaeType, boolean entrepriseAdaptee, String communeInsee, String adresse,
                            Double latitude, Double longitude, Set<Domaine> domaines, String description,
                            String siteWeb, String contactPublic) {
}
