package fr.communs.campagne.internal;

import static fr.communs.db.Tables.COMMUN;

import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.Rappel;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an administrator moves the deposit deadline, the running files of the campagne follow: the deadline
 * timer, the {@code dateLimiteDepot} variable, the due date of the porteur's task, and the reminders still to come
 * (7 and 2 days before the deadline: their timers and date variables). When the comité date moves, the open
 * comité tasks follow.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class DeadlineRescheduler {
    private final DSLContext dsl;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    DeadlineRescheduler(DSLContext dsl, RuntimeService runtime, ManagementService management, TaskService tasks) {
        this.dsl = dsl;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    /**
     * How many files of the campagne wait for the deposit deadline (not transmitted, deadline timer pending): those a
     * deadline already past would close at once.
     */
    public int formingFiles(long campagneId) {
        int count = 0;
        for (String pid : processInstanceIds(campagneId)) {
            if (management.createJobQuery().processInstanceId(pid).activityId(CycleCommunProcess.TIMER_FIN_DEPOT)
                    .timers().count() > 0) {
                count++;
            }
        }
        return count;
    }

    private List<String> processInstanceIds(long campagneId) {
        return dsl.select(COMMUN.PROCESS_INSTANCE_ID).from(COMMUN)
                .where(COMMUN.CAMPAGNE_ID.eq(campagneId).and(COMMUN.PROCESS_INSTANCE_ID.isNotNull()))
                .fetch(COMMUN.PROCESS_INSTANCE_ID);
    }

    /**
     * The comité date moved: the open "Noter l'audition" tasks of the campagne's files are due at the new
     * {@code dateAudition}, open "Enregistrer l'avis du comité" tasks shortly after
     * ({@link CycleCommunProcess#avisComiteDate}), and the variables follow so the avis task still to be created
     * gets the new date. Returns how many files were concerned.
     */
    public int rescheduleComite(long campagneId, OffsetDateTime dateAudition) {
        Date audition = Date.from(dateAudition.toInstant());
        Date avis = CycleCommunProcess.avisComiteDate(audition);
        int count = 0;
        for (String pid : processInstanceIds(campagneId)) {
            List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery().processInstanceId(pid)
                    .taskDefinitionKeyIn(CycleCommunProcess.TASK_NOTER_AUDITION, CycleCommunProcess.TASK_AVIS_COMITE).list();
            if (open.isEmpty()) {
                continue;
            }
            for (org.camunda.bpm.engine.task.Task t : open) {
                t.setDueDate(CycleCommunProcess.TASK_NOTER_AUDITION.equals(t.getTaskDefinitionKey()) ? audition : avis);
                tasks.saveTask(t);
            }
            runtime.setVariable(pid, CycleCommunProcess.VAR_DATE_AUDITION, audition);
            runtime.setVariable(pid, CycleCommunProcess.VAR_DATE_AVIS_COMITE, avis);
            count++;
        }
        return count;
    }

    /** Returns how many files were rescheduled. */
    public int reschedule(long campagneId, OffsetDateTime deadline) {
        Date due = Date.from(deadline.toInstant());
        List<String> pids = processInstanceIds(campagneId);
        int count = 0;
        for (String pid : pids) {
            Job timer = management.createJobQuery().processInstanceId(pid).activityId(CycleCommunProcess.TIMER_FIN_DEPOT)
                    .timers().singleResult();
            ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
            if (timer == null || pi == null) {
                continue;
            }
            management.setJobDuedate(timer.getId(), due);
            runtime.setVariable(pid, CycleCommunProcess.VAR_DATE_LIMITE_DEPOT, due);
            runtime.setVariables(pid, CycleCommunProcess.reminderDates(due));
            for (Rappel rappel : Rappel.values()) {
                // Only a reminder still to come is moved. One whose timer already fired is not created again, even
                // if the deadline moves later: its members were reminded once; the later reminders still come.
                // A new date already past fires at once, and the reminder task skips it if it no longer makes sense.
                Job reminder = management.createJobQuery().processInstanceId(pid).activityId(rappel.timerId())
                        .timers().singleResult();
                if (reminder != null) {
                    management.setJobDuedate(reminder.getId(), CycleCommunProcess.reminderDate(due, rappel.joursAvant()));
                }
            }
            tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT)
                    .list().forEach(t -> {
                        t.setDueDate(due);
                        tasks.saveTask(t);
                    });
            count++;
        }
        return count;
    }
}
