package fr.communs.comite.deliberation;

import java.math.BigDecimal;

/**
 * The comité's avis on a file at a séance: its kind, motivation, réserves (for {@link Type#RESERVE}) and the subsidy
 * it proposes to the Assemblée (none for {@link Type#DEFAVORABLE} and {@link Type#AJOURNE}).
 */
public record AvisSeance(Type type, String motivation, String reserves, BigDecimal subvention) {
    public enum Type {
        FAVORABLE("Favorable"), RESERVE("Favorable avec réserves"), DEFAVORABLE("Défavorable"), AJOURNE("Ajourné");

        private final String libelle;

        Type(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }

        public boolean proposeUneSubvention() {
            return this == FAVORABLE || this == RESERVE;
        }
    }
}
