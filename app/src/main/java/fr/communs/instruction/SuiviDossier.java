package fr.communs.instruction;

import java.time.OffsetDateTime;

/** Who instructs a file (nobody yet: {@code instructeurId} null). */
public record SuiviDossier(long communId, Long instructeurId, String instructeurNom, OffsetDateTime attribueLe) {

    public static SuiviDossier none(long communId) {
        return new SuiviDossier(communId, null, null, null);
    }
}
