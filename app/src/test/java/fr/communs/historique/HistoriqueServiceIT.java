package fr.communs.historique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.avis.AvisService;
import fr.communs.avis.SensAvis;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.messagerie.MessageService;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The agents' timeline of a file, from our tables and the engine's history, on embedded PostgreSQL and Camunda. */
@SpringBootTest
@ActiveProfiles("test")
class HistoriqueServiceIT {
    private static final String MOTIF = "Précisez comment les décisions sont prises entre les membres.";

    @Autowired Fixtures fx;
    @Autowired HistoriqueService historique;
    @Autowired InstructionService instructions;
    @Autowired MessageService messages;
    @Autowired CommunService communs;
    @Autowired AvisService avis;
    @Autowired org.camunda.bpm.engine.TaskService engineTasks;

    Fixtures.Transmis dossier;
    String agentEmail;
    AppUser agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        dossier = fx.transmis();
        agentEmail = fx.account(Roles.AGENT);
        agent = fx.as(agentEmail);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static List<AppreciationCritere> criteres() {
        return Arrays.stream(Critere.values())
                .map(c -> new AppreciationCritere(c, Appreciation.RESERVE, "Commentaire interne sur " + c.name()))
                .toList();
    }

    /** The agent takes the file and asks for compléments on the gouvernance. */
    private void askComplements() {
        fx.as(agentEmail);
        instructions.take(dossier.communId());
        instructions.decide(fx.task(dossier.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.complements(criteres(), MOTIF, Set.of(PartieDossier.GOUVERNANCE),
                        Dates.today().plusDays(10)));
    }

    private static Optional<Evenement> find(List<Evenement> events, String titre) {
        return events.stream().filter(e -> e.titre().equals(titre)).findFirst();
    }

    private String nameOf(String email) {
        return fx.as(email).nomComplet();
    }

    @Test
    void the_timeline_shows_transmission_attribution_decision_and_the_engine_tasks_with_who_and_when() {
        String porteurName = nameOf(dossier.porteurEmail());
        askComplements();

        List<Evenement> events = historique.evenements(dossier.communId());

        assertThat(find(events, "Idée publiée")).isPresent();
        assertThat(find(events, "Dossier transmis (version 1)")).get()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(Evenement.Type.DOSSIER);
                    assertThat(e.acteur()).isEqualTo(porteurName);
                });
        assertThat(find(events, "Dossier pris en charge par " + agent.nomComplet())).get()
                .satisfies(e -> assertThat(e.acteur()).isEqualTo(agent.nomComplet()));
        assertThat(find(events, "Décision : compléments demandés")).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Evenement.Type.DECISION);
            assertThat(e.acteur()).isEqualTo(agent.nomComplet());
            assertThat(e.detail()).contains(MOTIF).contains("Gouvernance")
                    .contains("Avant le " + Dates.today().plusDays(10)
                            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        });
        // From the engine's history.
        assertThat(find(events, "Tâche « Constituer le groupement et transmettre le dossier » terminée par " + porteurName))
                .get().satisfies(e -> assertThat(e.type()).isEqualTo(Evenement.Type.TACHE));
        assertThat(find(events, "Tâche « Instruire le dossier » créée")).isPresent();
        assertThat(find(events, "Tâche « Instruire le dossier » prise en charge par " + agent.nomComplet())).isPresent();
        assertThat(find(events, "Tâche « Instruire le dossier » terminée par " + agent.nomComplet()))
                .get().satisfies(e -> assertThat(e.acteur()).isEqualTo(agent.nomComplet()));
        assertThat(find(events, "Tâche « Compléter le dossier » créée")).get()
                .satisfies(e -> assertThat(e.detail()).startsWith("Échéance : "));

        assertThat(events).extracting(e -> e.date().toInstant())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(events.get(events.size() - 1).titre()).isIn("Idée publiée",
                "Tâche « Constituer le groupement et transmettre le dossier » créée");
    }

    @Test
    void the_answer_to_the_complements_the_messages_and_private_notes_appear_without_the_notes_text() {
        askComplements();
        instructions.annotate(dossier.communId(), "Texte confidentiel de la note interne");
        fx.as(dossier.porteurEmail());
        String message = "Bonjour, ".repeat(20) + "fin du message.";
        messages.post(dossier.communId(), null, message);
        instructions.completeFile(fx.task(dossier.communId(), CycleCommunProcess.TASK_COMPLETER_DOSSIER).getId(),
                new ComplementData(Map.of(PartieDossier.GOUVERNANCE, "Décisions au consentement, chaque mois."),
                        "Voici la gouvernance précisée."));
        String porteurName = fx.as(dossier.porteurEmail()).nomComplet();

        fx.as(agentEmail);
        List<Evenement> events = historique.evenements(dossier.communId());

        assertThat(find(events, "Compléments envoyés (version 2)")).get().satisfies(e -> {
            assertThat(e.acteur()).isEqualTo(porteurName);
            assertThat(e.detail()).contains("Voici la gouvernance précisée.");
        });
        assertThat(find(events, "Note interne ajoutée")).get().satisfies(e -> {
            assertThat(e.acteur()).isEqualTo(agent.nomComplet());
            assertThat(e.detail()).isNull();
        });
        assertThat(events).noneMatch(e -> e.detail() != null && e.detail().contains("Texte confidentiel"));
        assertThat(find(events, "Message du groupement")).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Evenement.Type.MESSAGE);
            assertThat(e.acteur()).startsWith(porteurName);
            assertThat(e.detail()).startsWith("Bonjour, Bonjour,").endsWith("…").hasSizeLessThanOrEqualTo(101);
        });
        assertThat(find(events, "Tâche « Compléter le dossier » terminée par " + porteurName)).isPresent();
        // The file returns to its instructeur: the engine assigns the new task as it creates it.
        assertThat(events).filteredOn(e -> e.titre().startsWith("Tâche « Instruire le dossier » "))
                .extracting(Evenement::titre).containsExactly(
                        "Tâche « Instruire le dossier » créée et attribuée à " + agent.nomComplet(),
                        "Tâche « Instruire le dossier » terminée par " + agent.nomComplet(),
                        "Tâche « Instruire le dossier » prise en charge par " + agent.nomComplet(),
                        "Tâche « Instruire le dossier » créée");
        assertThat(events).allMatch(e -> e.date().getOffset().equals(
                e.date().atZoneSameInstant(Dates.ZONE).getOffset()));
    }

    @Test
    void each_filter_keeps_only_its_kind_of_events() {
        askComplements();
        fx.as(agentEmail);
        messages.post(dossier.communId(), null, "Merci de compléter votre dossier.");

        List<Evenement> all = historique.evenements(dossier.communId(), Evenement.Filtre.TOUT);
        List<Evenement> decisions = historique.evenements(dossier.communId(), Evenement.Filtre.DECISIONS);
        List<Evenement> messagesOnly = historique.evenements(dossier.communId(), Evenement.Filtre.MESSAGES);
        List<Evenement> taches = historique.evenements(dossier.communId(), Evenement.Filtre.TACHES);

        assertThat(decisions).extracting(Evenement::titre).containsExactly("Décision : compléments demandés");
        assertThat(messagesOnly).singleElement().satisfies(e -> {
            assertThat(e.titre()).isEqualTo("Message du Département");
            assertThat(e.detail()).isEqualTo("Merci de compléter votre dossier.");
        });
        assertThat(taches).isNotEmpty().allMatch(e -> e.type() == Evenement.Type.TACHE);
        assertThat(all).hasSizeGreaterThan(decisions.size() + messagesOnly.size() + taches.size());
    }

    @Test
    void avis_asked_given_and_cancelled_appear_with_who_and_the_engine_dates_the_cancellation() {
        AppUser referent1 = fx.as(fx.account(Roles.AGENT));
        String referent1Email = referent1.email();
        AppUser referent2 = fx.as(fx.account(Roles.AGENT));
        fx.as(agentEmail);
        List<Long> ids = avis.request(dossier.communId(), List.of(referent1.id(), referent2.id()),
                "Le volet culturel est-il solide ?", Dates.today().plusDays(7));
        avis.cancel(ids.get(1));
        fx.as(referent1Email);
        String taskId = engineTasks.createTaskQuery().processDefinitionKey(AvisReferentProcess.KEY)
                .taskAssignee(String.valueOf(referent1.id())).singleResult().getId();
        avis.answer(taskId, SensAvis.RESERVE, "Solide, mais le calendrier est serré.");

        fx.as(agentEmail);
        List<Evenement> events = historique.evenements(dossier.communId());

        assertThat(events).filteredOn(e -> e.titre().startsWith("Avis demandé à ")).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.acteur()).isEqualTo(agent.nomComplet());
                    assertThat(e.detail()).contains("Le volet culturel est-il solide ?");
                });
        assertThat(find(events, "Avis de " + referent1.nomComplet() + " : Réservé")).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Evenement.Type.AVIS);
            assertThat(e.acteur()).isEqualTo(referent1.nomComplet());
            assertThat(e.detail()).isEqualTo("Solide, mais le calendrier est serré.");
        });
        assertThat(find(events, "Demande d'avis à " + referent2.nomComplet() + " annulée")).get()
                .satisfies(e -> assertThat(e.acteur()).isEqualTo(agent.nomComplet()));
        assertThat(historique.evenements(dossier.communId(), Evenement.Filtre.DECISIONS))
                .extracting(Evenement::titre).contains("Avis de " + referent1.nomComplet() + " : Réservé");
    }

    @Test
    void a_rejected_file_ends_its_timeline_with_the_motif_and_the_end_of_the_cycle() {
        fx.as(agentEmail);
        instructions.take(dossier.communId());
        instructions.decide(fx.task(dossier.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.of(DecisionInstruction.NON_RECEVABLE, criteres(), "Le groupement ne compte pas assez de structures ESS."));

        List<Evenement> events = historique.evenements(dossier.communId());

        assertThat(find(events, "Décision : dossier non recevable")).get()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("Motif : Le groupement ne compte pas assez de structures ESS."));
        assertThat(find(events, "Fin du cycle : Dossier non recevable")).isPresent();
    }

    @Test
    void structures_the_comite_and_anonymous_visitors_may_not_read_the_timeline() {
        String comite = fx.account(Roles.COMITE);
        for (String email : List.of(dossier.porteurEmail(), dossier.membreEmail(), comite)) {
            fx.as(email);
            assertThatThrownBy(() -> historique.evenements(dossier.communId()))
                    .as(email).isInstanceOf(NotAllowedException.class);
        }
        fx.logout();
        assertThatThrownBy(() -> historique.evenements(dossier.communId())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> historique.evenements(dossier.communId(), Evenement.Filtre.MESSAGES))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void an_agent_cannot_read_the_timeline_of_a_draft_or_of_an_unknown_file() {
        fx.as(dossier.porteurEmail());
        long draft = communs.createDraft(dossier.porteurStructureId(), new CommunData("Brouillon", null, null, null,
                null, Set.of(), Set.of(), null, false, false, Set.of(), null));
        fx.as(agentEmail);

        assertThatThrownBy(() -> historique.evenements(draft)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("n'existe pas");
        assertThatThrownBy(() -> historique.evenements(Long.MAX_VALUE)).isInstanceOf(ValidationException.class);
    }
}
