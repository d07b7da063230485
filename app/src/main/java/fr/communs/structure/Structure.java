package fr.communs.structure;

import java.util.Set;

/**
 * A structure (association, SCOP, SCIC, mutuelle…): identity, declared ESS status (derived from its legal form
 * and agréments), commune from the official list, and whether an agent has verified status and location.
 */
public record Structure(long id, String nom, String siret, String rna, FormeJuridique formeJuridique,
                        boolean agrementEsus, SiaeType siaeType, boolean entrepriseAdaptee, boolean ess,
                        String communeInsee, String commune, String codeDepartement, String adresse,
                        Double latitude, Double longitude, Set<Domaine> domaines, String description,
                        String siteWeb, String contactPublic, StatutVerification verification, String motifRefus,
                        int version) {

    /** Short form used by tests and simple lists. */
    public Structure(long id, String nom, FormeJuridique formeJuridique, boolean ess, String commune,
                     String codeDepartement, String description) {
        this(id, nom, null, null, formeJuridique, false, null, false, ess, null, commune, codeDepartement, null, null,
                null, Set.of(), description, null, null, StatutVerification.A_VERIFIER, null, 0);
    }

    /** ESS and located in the given territory (département code), as declared: the groupement's 2/3 rule. */
    public boolean essEtImplantee(String territoireCode) {
        return ess && territoireCode.equals(codeDepartement);
    }

    /** Whether an agent has verified the declared ESS status and location. */
    public boolean verifiee() {
        return verification == StatutVerification.VERIFIEE;
    }

    public String essExplication() {
        return EssRule.explain(formeJuridique, agrementEsus, siaeType, entrepriseAdaptee);
    }

    /** The same structure without what only its administrators and the agents may see. */
    public Structure publique() {
        return new Structure(id, nom, siret, rna, formeJuridique, agrementEsus, siaeType, entrepriseAdaptee, ess,
                communeInsee, commune, codeDepartement, adresse, latitude, longitude, domaines, description, siteWeb,
                contactPublic, verification, null, version);
    }
}
