package fr.communs.budget;

import java.math.BigDecimal;

/** One line of a budget prévisionnel: what it is and its amount in euros (strictly positive, to the cent). */
public record LigneBudget(String libelle, BigDecimal montant) {
}
