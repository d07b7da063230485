package fr.communs.comite.notation;

import java.time.LocalDateTime;
import java.util.List;

/** One member's scores for one file at one séance (submitted once, corrigible until the séance closes). */
public record Notation(long seanceId, long communId, long membreId, String membreNom, LocalDateTime soumiseLe,
                       LocalDateTime modifieeLe, List<NoteCritere> notes, int version) {

    public NoteCritere note(long critereId) {
        return notes.stream().filter(n -> n.critereId() == critereId).findFirst().orElse(null);
    }
}
