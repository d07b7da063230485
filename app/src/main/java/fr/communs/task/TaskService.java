package fr.communs.task;

import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.task.internal.JooqCommunTitles;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Mes tâches": the Camunda user tasks of the current user (assigned to them, or offered to one of their
 * groups and not yet taken), claim / unclaim, and the checks every task screen's service relies on.
 */
@Service("userTaskService")
public class TaskService {
    /** Tasks given to one person by the process (no group to give them back to): they cannot be released. */
    private static final Set<String> PERSONAL = Set.of(CycleCommunProcess.TASK_NOTER_AUDITION,
            CycleCommunProcess.TASK_NOTER_SEANCE,
            fr.communs.processes.AvisReferentProcess.TASK_DONNER_AVIS);
    private final org.camunda.bpm.engine.TaskService tasks;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final JooqCommunTitles titles;
    private final org.springframework.context.ApplicationEventPublisher events;

    TaskService(org.camunda.bpm.engine.TaskService tasks, RuntimeService runtime, CurrentUser currentUser,
                JooqCommunTitles titles, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tasks = tasks;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.titles = titles;
    }

    /** Open tasks of the current user, the most urgent first. */
    @Transactional(readOnly = true)
    public List<OpenTask> myTasks() {
        AppUser user = currentUser.require();
        Map<String, Task> found = new LinkedHashMap<>();
        tasks.createTaskQuery().active().taskAssignee(user.camundaId()).list().forEach(t -> found.put(t.getId(), t));
        List<String> groups = CurrentUser.groupsOf(user);
        if (!groups.isEmpty()) {
            tasks.createTaskQuery().active().taskCandidateGroupIn(groups).taskUnassigned().list()
                    .forEach(t -> found.putIfAbsent(t.getId(), t));
        }
        return toOpenTasks(new ArrayList<>(found.values()), user).stream()
                .sorted(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(OpenTask::created))
                .toList();
    }

    /** The task if the current user may work on it now (assigned to them, or unassigned and offered to them). */
    @Transactional(readOnly = true)
    public Optional<OpenTask> findOpen(String taskId, String taskDefinitionKey) {
        Optional<AppUser> user = currentUser.get();
        if (user.isEmpty() || taskId == null) {
            return Optional.empty();
        }
        return findActionable(taskId, taskDefinitionKey, user.get())
                .map(t -> toOpenTasks(List.of(t), user.get()).get(0));
    }

    /**
     * Why the current user cannot open this task (in French): it is done or gone, a colleague of the same group has
     * taken it (named), or it was never for them (nobody named: the caller has no business knowing who has it).
     */
    @Transactional(readOnly = true)
    public String whyNotOpen(String taskId, String taskDefinitionKey) {
        Optional<AppUser> user = currentUser.get();
        if (user.isEmpty()) {
            return TaskNotAvailableException.NOT_FOR_YOU;
        }
        return whyNotOpen(taskId, taskDefinitionKey, user.get());
    }

    private String whyNotOpen(String taskId, String key, AppUser user) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(key).singleResult();
        if (task == null) {
            return TaskNotAvailableException.DONE;
        }
        if (task.isSuspended()) {
            return "Cette tâche est suspendue pour l'instant : le dossier n'attend rien de vous à cette étape.";
        }
        List<String> groups = CurrentUser.groupsOf(user);
        boolean offeredToMe = !groups.isEmpty() && tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(groups)
                .includeAssignedTasks().count() > 0;
        if (offeredToMe && task.getAssignee() != null && !task.getAssignee().equals(user.camundaId())) {
            return TaskNotAvailableException.takenBy(titles.personName(task.getAssignee()).orElse(null));
        }
        return TaskNotAvailableException.NOT_FOR_YOU;
    }

    /** The first open task of this commun the current user may work on, if any. */
    @Transactional(readOnly = true)
    public Optional<OpenTask> findOpenForCommun(long communId) {
        Optional<AppUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String key = CycleCommunProcess.businessKey(communId);
        List<Task> found = new ArrayList<>(tasks.createTaskQuery().active().processInstanceBusinessKey(key)
                .taskAssignee(user.get().camundaId()).list());
        List<String> groups = CurrentUser.groupsOf(user.get());
        if (!groups.isEmpty()) {
            found.addAll(tasks.createTaskQuery().active().processInstanceBusinessKey(key)
                    .taskCandidateGroupIn(groups).taskUnassigned().list());
        }
        return toOpenTasks(found, user.get()).stream().findFirst();
    }

    /**
     * Checks the current user may complete this task now, takes it if it was only offered to their group, and
     * returns the commun it belongs to. Feature services call this first, inside their transaction.
     */
    @Transactional
    public long requireOpen(String taskId, String taskDefinitionKey) {
        AppUser user = currentUser.require();
        Task task = findActionable(taskId, taskDefinitionKey, user)
                .orElseThrow(() -> new TaskNotAvailableException(whyNotOpen(taskId, taskDefinitionKey, user)));
        if (task.getAssignee() == null) {
            claimOrFail(taskId, user);
        }
        return communIdOf(task);
    }

    /** Completes a task checked with {@link #requireOpen}; joins the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void complete(String taskId, Map<String, Object> variables) {
        AppUser user = currentUser.require();
        if (tasks.createTaskQuery().taskId(taskId).taskAssignee(user.camundaId()).count() == 0) {
            throw new TaskNotAvailableException();
        }
        try {
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw new TaskNotAvailableException("Quelqu'un vient d'agir sur ce dossier au même moment : "
                    + "votre saisie est conservée, réessayez dans un instant.");
        }
    }

    /**
     * The porteur administratif of a commun changed: its open tasks are offered to the new porteur's structure (and
     * released if someone of the former one had taken them), and the process variable follows. Joins the caller's
     * transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void changePorteurGroup(long communId, String oldGroup, String newGroup) {
        String key = CycleCommunProcess.businessKey(communId);
        for (Task task : tasks.createTaskQuery().active().processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(key).taskCandidateGroup(oldGroup)
                .includeAssignedTasks().list()) {
            tasks.deleteCandidateGroup(task.getId(), oldGroup);
            tasks.addCandidateGroup(task.getId(), newGroup);
            if (task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
            }
        }
        runtime.createProcessInstanceQuery().processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(key).active().list()
                .forEach(pi -> runtime.setVariable(pi.getId(), CycleCommunProcess.VAR_PORTEUR_GROUP, newGroup));
    }

    /** The commun of an open task, whoever may act on it (inside a service's transaction, for a logged-in user). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<Long> communOfTask(String taskId) {
        currentUser.require();
        if (taskId == null) {
            return Optional.empty();
        }
        Task task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
        return Optional.ofNullable(task).map(this::communIdOf);
    }

    /**
     * Checks the current user has taken this task (assigned to them, not merely offered to their group) and
     * returns its commun; otherwise a French message says who has it or that it is gone.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public long requireAssigned(String taskId, String taskDefinitionKey, String notTakenMessage) {
        AppUser user = currentUser.require();
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(taskDefinitionKey)
                .active().singleResult();
        if (task == null) {
            throw new TaskNotAvailableException("Ce dossier vient d'être traité par une autre personne : "
                    + "votre décision n'a pas été enregistrée. Rechargez la page pour voir où il en est.");
        }
        if (!user.camundaId().equals(task.getAssignee())) {
            throw new TaskNotAvailableException(notTakenMessage);
        }
        return communIdOf(task);
    }

    /** The open task of this step of the cycle for a commun, if any. */
    @Transactional(readOnly = true)
    public Optional<OpenTaskRef> openTask(long communId, String taskDefinitionKey) {
        currentUser.requireRole(fr.communs.security.Roles.AGENT);
        return tasks.createTaskQuery().active().processDefinitionKey(CycleCommunProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId)).taskDefinitionKey(taskDefinitionKey)
                .list().stream().findFirst()
                .map(t -> new OpenTaskRef(t.getId(), t.getAssignee(), toLocal(t.getDueDate())));
    }

    /** An open task: its id, who has taken it (Camunda user id, or null) and its due date. */
    public record OpenTaskRef(String taskId, String assignee, LocalDateTime due) {
    }

    /**
     * Gives the open task of this step of the cycle to a user (null: back to the group) and sets a variable of the
     * cycle's process instance. Joins the caller's transaction; the caller has checked who may do it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void assignCycleTask(long communId, String taskDefinitionKey, String camundaUserId, String variable) {
        String key = CycleCommunProcess.businessKey(communId);
        for (Task task : tasks.createTaskQuery().active().processDefinitionKey(CycleCommunProcess.KEY)
                .processInstanceBusinessKey(key).taskDefinitionKey(taskDefinitionKey).list()) {
            try {
                tasks.setAssignee(task.getId(), camundaUserId);
            } catch (OptimisticLockingException e) {
                throw new TaskNotAvailableException("Quelqu'un vient d'agir sur ce dossier au même moment : réessayez.");
            }
        }
        if (variable != null) {
            runtime.createProcessInstanceQuery().processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(key)
                    .active().list().forEach(pi -> runtime.setVariable(pi.getId(), variable, camundaUserId));
        }
    }

    @Transactional
    public void claim(String taskId) {
        AppUser user = currentUser.require();
        List<String> groups = CurrentUser.groupsOf(user);
        Task task = groups.isEmpty() ? null : tasks.createTaskQuery().taskId(taskId).active()
                .taskCandidateGroupIn(groups).includeAssignedTasks().singleResult();
        if (task == null) {
            throw new TaskNotAvailableException();
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.camundaId())) {
            throw new TaskNotAvailableException(TaskNotAvailableException.takenBy(titles.personName(task.getAssignee()).orElse(null)));
        }
        claimOrFail(taskId, user);
        events.publishEvent(new TaskTaken(task.getTaskDefinitionKey(), communIdOf(task), user.id()));
    }

    /**
     * A person took ({@code userId}) or released ({@code userId} null) a task from "Mes tâches"; published inside the
     * transaction so features can record who handles the file.
     */
    public record TaskTaken(String taskDefinitionKey, long communId, Long userId) {
    }

    @Transactional
    public void unclaim(String taskId) {
        AppUser user = currentUser.require();
        Task task = tasks.createTaskQuery().taskId(taskId).taskAssignee(user.camundaId()).singleResult();
        if (task == null) {
            throw new TaskNotAvailableException();
        }
        if (PERSONAL.contains(task.getTaskDefinitionKey())) {
            throw new TaskNotAvailableException("Cette tâche vous est personnellement attribuée : elle ne peut pas être libérée.");
        }
        tasks.setAssignee(taskId, null);
        events.publishEvent(new TaskTaken(task.getTaskDefinitionKey(), communIdOf(task), null));
    }

    private void claimOrFail(String taskId, AppUser user) {
        try {
            tasks.claim(taskId, user.camundaId());
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw new TaskNotAvailableException("Cette tâche a déjà été prise par une autre personne.");
        }
    }

    private Optional<Task> findActionable(String taskId, String key, AppUser user) {
        Task mine = tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(key).active()
                .taskAssignee(user.camundaId()).singleResult();
        if (mine != null) {
            return Optional.of(mine);
        }
        List<String> groups = CurrentUser.groupsOf(user);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        TaskQuery offered = tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(key).active()
                .taskCandidateGroupIn(groups).taskUnassigned();
        return Optional.ofNullable(offered.singleResult());
    }

    private long communIdOf(Task task) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        if (pi == null) {
            throw new TaskNotAvailableException();     // the process ended meanwhile
        }
        return CycleCommunProcess.communIdFromBusinessKey(pi.getBusinessKey());
    }

    private List<OpenTask> toOpenTasks(List<Task> all, AppUser user) {
        // Only the cycle's tasks with a screen (the séance's own tasks are done from the séance's page).
        List<Task> list = all.stream().filter(t -> TaskScreens.hasScreen(t.getTaskDefinitionKey())).toList();
        if (list.isEmpty()) {
            return List.of();
        }
        Set<String> pids = list.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, Long> communByPid = runtime.createProcessInstanceQuery().processInstanceIds(pids).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId,
                        pi -> CycleCommunProcess.communIdFromBusinessKey(pi.getBusinessKey())));
        Map<Long, String> titleById = titles.titles(communByPid.values());
        Map<Long, String> porteurById = titles.porteurs(communByPid.values());
        return list.stream().filter(t -> TaskScreens.hasScreen(t.getTaskDefinitionKey())).map(t -> {
            long communId = communByPid.get(t.getProcessInstanceId());
            return new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), communId,
                    titleById.getOrDefault(communId, "Commun n° " + communId), porteurById.getOrDefault(communId, ""),
                    t.getAssignee(),
                    user.camundaId().equals(t.getAssignee()),
                    PERSONAL.contains(t.getTaskDefinitionKey()),
                    toLocal(t.getCreateTime()), toLocal(t.getDueDate()));
        }).toList();
    }

    private static LocalDateTime toLocal(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), fr.communs.base.Dates.ZONE);
    }
}
