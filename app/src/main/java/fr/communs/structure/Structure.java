package fr.communs.structure;

/** A structure (association, SCOP, SCIC, mutuelle…) as the platform knows it. */
public record Structure(long id, String nom, FormeJuridique formeJuridique, boolean ess, String commune,
                        String codeDepartement, String description) {

    /** ESS and located in the given territory (département code): the groupement's 2/3 rule. */
    public boolean essEtImplantee(String territoireCode) {
        return ess && territoireCode.equals(codeDepartement);
    }
}
