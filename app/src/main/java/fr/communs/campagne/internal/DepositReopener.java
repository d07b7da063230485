package fr.communs.campagne.internal;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.DEPOT_EVENEMENT;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;

import fr.communs.processes.CycleCommunProcess;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reopens the deposit of the files of a campagne closed by the deadline (statut {@code DEPOT_CLOS}, set only by the
 * deadline's "Clore le dépôt"; files ended otherwise — not receivable, rejected… — are left alone): each comes back
 * in constitution with a new cycle instance waiting at "Constituer le groupement et transmettre le dossier" (see
 * {@link CycleCommunProcess#reopenDeposit}), and the reopening is recorded with who did it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class DepositReopener {
    private static final String CLOS = fr.communs.base.CommunStatut.DEPOT_CLOS.name();
    private static final String EN_CONSTITUTION = fr.communs.base.CommunStatut.EN_CONSTITUTION.name();

    private final DSLContext dsl;
    private final RuntimeService runtime;

    DepositReopener(DSLContext dsl, RuntimeService runtime) {
        this.dsl = dsl;
        this.runtime = runtime;
    }

    /** A file brought back in constitution: its id, title and the structures of its groupement. */
    public record Rouvert(long communId, String titre, List<Long> structureIds) {
    }

    /** How many files of the campagne are closed by the deadline (what a reopening would bring back). */
    public int closedByDeadline(long campagneId) {
        return dsl.fetchCount(COMMUN, COMMUN.CAMPAGNE_ID.eq(campagneId).and(COMMUN.STATUT.eq(CLOS)));
    }

    /**
     * Brings every file of the campagne closed by the deadline back in constitution, due {@code deadline}, and records
     * that {@code adminId} reopened it. Each file is locked and changed only if it is still closed, so two
     * administrators reopening at the same time never start two cycles for one file.
     */
    public List<Rouvert> reopen(long campagneId, OffsetDateTime deadline, long adminId) {
        Date due = Date.from(deadline.toInstant());
        List<Rouvert> rouverts = new ArrayList<>();
        var closed = dsl.select(COMMUN.COMMUN_ID, COMMUN.PORTEUR_STRUCTURE_ID, COMMUN.TITRE).from(COMMUN)
                .where(COMMUN.CAMPAGNE_ID.eq(campagneId).and(COMMUN.STATUT.eq(CLOS)))
                .orderBy(COMMUN.COMMUN_ID).forUpdate().fetch();
        for (var r : closed) {
            long communId = r.value1();
            if (dsl.update(COMMUN).set(COMMUN.STATUT, EN_CONSTITUTION).set(COMMUN.VERSION, COMMUN.VERSION.plus(1))
                    .set(COMMUN.UPDATED_AT, OffsetDateTime.now())
                    .where(COMMUN.COMMUN_ID.eq(communId).and(COMMUN.STATUT.eq(CLOS))).execute() != 1) {
                continue;
            }
            String pid = CycleCommunProcess.reopenDeposit(runtime, communId, r.value2(), due).getId();
            dsl.update(COMMUN).set(COMMUN.PROCESS_INSTANCE_ID, pid).where(COMMUN.COMMUN_ID.eq(communId)).execute();
            dsl.insertInto(DEPOT_EVENEMENT).set(DEPOT_EVENEMENT.COMMUN_ID, communId)
                    .set(DEPOT_EVENEMENT.NATURE, "ROUVERT").set(DEPOT_EVENEMENT.DATE_LIMITE, deadline)
                    .set(DEPOT_EVENEMENT.PAR_ID, adminId).execute();
            rouverts.add(new Rouvert(communId, r.value3(), dsl.select(GROUPEMENT_MEMBRE.STRUCTURE_ID)
                    .from(GROUPEMENT_MEMBRE).where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId))
                    .fetch(GROUPEMENT_MEMBRE.STRUCTURE_ID)));
        }
        return rouverts;
    }
}
