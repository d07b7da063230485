package fr.communs.comite.seance.internal;

import fr.communs.comite.seance.SeanceService;
import fr.communs.processes.SeanceActions;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** What the séance's process asks of the application: the séance service does it, in the engine's transaction. */
@Component
class SeanceProcessAdapter implements SeanceActions {
    private final SeanceService seances;

    SeanceProcessAdapter(@Lazy SeanceService seances) {
        this.seances = seances;
    }

    @Override
    public void openAuditions(long seanceId) {
        seances.openAuditions(seanceId);
    }

    @Override
    public void closeAuditions(long seanceId) {
        seances.closeAuditions(seanceId);
    }

    @Override
    public void remindDayBefore(long seanceId) {
        seances.remindDayBefore(seanceId);
    }
}
