package fr.communs.comite.seance;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A file declared recevable that waits for a séance (not on any séance's agenda). */
public record DossierEnAttente(long communId, String titre, String porteurNom, BigDecimal montantDemande,
                               LocalDateTime depuis) {
}
