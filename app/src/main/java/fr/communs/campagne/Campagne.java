package fr.communs.campagne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A collectivité's appel à communs: its territory (the Gard = département 30), its deposit deadline and
 * its défis are settings, so another collectivité can run its own appel.
 */
public record Campagne(long id, String nom, String collectivite, String territoireNom, String territoireCode,
                       OffsetDateTime dateLimiteDepot, LocalDate dateComite, List<Defi> defis) {

    private static final java.time.format.DateTimeFormatter DATE_FR =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    public boolean depotOuvert(OffsetDateTime now) {
        return now.isBefore(dateLimiteDepot);
    }

    /** The deadline as people read it, in Paris time: "16/05/2025 à 23h59". */
    public String dateLimiteTexte() {
        return texte(dateLimiteDepot);
    }

    /** A date and time as people read it, in Paris time: "16/05/2025 à 23h59". */
    public static String texte(OffsetDateTime date) {
        return date.atZoneSameInstant(fr.communs.base.Dates.ZONE).format(DATE_FR);
    }

    /**
     * When the comité's members must have noted the auditions: the end of the comité's day (23h59, Paris time), if a
     * comité date is set. "Enregistrer l'avis du comité" is due a week later.
     */
    public java.util.Optional<OffsetDateTime> echeanceAudition() {
        return java.util.Optional.ofNullable(dateComite)
                .map(d -> d.atTime(23, 59).atZone(fr.communs.base.Dates.ZONE).toOffsetDateTime());
    }

    /** "La date limite de dépôt (…) est passée : {consequence}." */
    public String depotClos(String consequence) {
        return "La date limite de dépôt (" + dateLimiteTexte() + ") est passée : " + consequence + ".";
    }
}
