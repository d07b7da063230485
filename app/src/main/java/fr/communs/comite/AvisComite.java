package fr.communs.comite;

import java.math.BigDecimal;

/** The comité's avis, the subsidy it proposes to the Assemblée and the non-financial contributions it offers. */
public record AvisComite(Avis avis, BigDecimal subventionProposee, String contributions) {
    public enum Avis {
        FAVORABLE("Favorable"), RESERVE("Réservé"), DEFAVORABLE("Défavorable");

        private final String libelle;

        Avis(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }
}
