package fr.communs.comite.pv;

import java.time.LocalDate;

/** A non-financial contribution the comité proposed to a file, as printed: who gives, what, for when, its state. */
public record ContributionProposee(String contributeurNom, String type, String description, LocalDate datePrevue,
                                   String statut) {
}
