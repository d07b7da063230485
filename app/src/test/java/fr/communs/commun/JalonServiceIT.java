package fr.communs.commun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.Dates;
import fr.communs.base.ValidationException;
import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.campagne.CampagneService;
import fr.communs.comite.AvisComite;
import fr.communs.comite.ComiteService;
import fr.communs.comite.NotesAudition;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import java.math.BigDecimal;
import fr.communs.commun.Jalon.Etat;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The public milestones of a commun's page, on embedded PostgreSQL and the real engine. */
@SpringBootTest
@ActiveProfiles("test")
class JalonServiceIT {
    private static final String MOTIF = "Motif confidentiel : la gouvernance reste floue.";
    private static final String COMMENTAIRE = "Commentaire d'instruction à ne pas publier";
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired Fixtures fx;
    @Autowired JalonService jalons;
    @Autowired CommunService communs;
    @Autowired InstructionService instructions;
    @Autowired CampagneService campagnes;
    @Autowired ComiteService comite;
    @Autowired AssembleeService assemblee;

    Fixtures.Transmis dossier;
    String agentEmail;
    AppUser agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        dossier = fx.transmis();
        agentEmail = fx.account(Roles.AGENT);
        agent = fx.as(agentEmail);
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static List<AppreciationCritere> criteres() {
        return Arrays.stream(Critere.values())
                .map(c -> new AppreciationCritere(c, Appreciation.DEFAVORABLE, COMMENTAIRE)).toList();
    }

    private void askComplements(LocalDate avant) {
        fx.as(agentEmail);
        instructions.take(dossier.communId());
        instructions.decide(fx.task(dossier.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.complements(criteres(), MOTIF, Set.of(PartieDossier.GOUVERNANCE), avant));
        fx.logout();
    }

    private static List<String> libelles(List<Jalon> list) {
        return list.stream().map(Jalon::libelle).toList();
    }

    private static final String INSTRUCTION = "Instruction par le service Innovation sociale et solidaire";
    private static final String AVIS = "Avis du Comité d'accompagnement des communs";
    private static final String VOTE = "Vote de l'Assemblée départementale";
    private static final String LIVRABLE = "Dépôt du livrable et du retour d'expérience";

    /** The audition step, with the comité date of the test campagne (still to come). */
    private String audition() {
        return "Audition par le Comité d'accompagnement des communs, prévue le "
                + JOUR.format(campagnes.current().orElseThrow().dateComite());
    }

    /** Steps done first, then exactly one current step at {@code current}, then only steps to come. */
    private static void assertCurrentThenToCome(List<Jalon> list, int current) {
        assertThat(list.subList(0, current)).allMatch(j -> j.etat() == Etat.FAIT);
        assertThat(list.get(current).etat()).isEqualTo(Etat.EN_COURS);
        assertThat(list.subList(current + 1, list.size())).allMatch(j -> j.etat() == Etat.A_VENIR);
    }

    @Test
    void public_milestones_say_compléments_were_asked_but_never_the_motif_nor_the_agent() {
        LocalDate avant = Dates.today().plusDays(12);
        askComplements(avant);

        List<Jalon> list = jalons.jalons(dossier.communId());     // anonymous visitor

        assertThat(libelles(list)).containsSubsequence("Idée publiée", "Dossier transmis au Département",
                "Compléments demandés");
        assertThat(list.stream().filter(Jalon::fait)).hasSize(3)
                .allMatch(j -> Dates.today().equals(j.date()));
        assertThat(list.get(3)).isEqualTo(new Jalon(avant,
                "Compléments attendus du groupement, avant le " + JOUR.format(avant), Etat.EN_COURS));
        assertThat(libelles(list.subList(4, list.size()))).containsExactly(INSTRUCTION, audition(), AVIS, VOTE, LIVRABLE);
        assertCurrentThenToCome(list, 3);
        assertThat(list).allSatisfy(j -> assertThat(j.libelle())
                .doesNotContain(MOTIF).doesNotContain("gouvernance reste floue").doesNotContain(COMMENTAIRE)
                .doesNotContain(agent.nomComplet()).doesNotContain("Gouvernance"));

        fx.as(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));     // a structure outside the groupement
        assertThat(jalons.jalons(dossier.communId())).isEqualTo(list);
    }

    @Test
    void once_the_compléments_are_given_the_file_is_back_in_instruction() {
        askComplements(Dates.today().plusDays(5));
        fx.as(dossier.porteurEmail());
        instructions.completeFile(fx.task(dossier.communId(), CycleCommunProcess.TASK_COMPLETER_DOSSIER).getId(),
                new ComplementData(Map.of(PartieDossier.GOUVERNANCE, "Un cercle mensuel au consentement."),
                        "Réponse privée à l'instructeur."));

        List<Jalon> list = jalons.jalons(dossier.communId());

        assertThat(libelles(list)).containsExactly("Idée publiée", "Dossier transmis au Département",
                "Compléments demandés", "Compléments apportés", INSTRUCTION, audition(), AVIS, VOTE, LIVRABLE);
        assertCurrentThenToCome(list, 4);
        assertThat(list).noneMatch(j -> j.libelle().contains("Réponse privée"));
    }

    @Test
    void at_every_stage_the_current_step_is_en_cours_after_the_steps_done_and_before_all_those_to_come() {
        long id = dossier.communId();
        fx.account(Roles.COMITE);
        List<Jalon> list = jalons.jalons(id);
        assertThat(libelles(list)).containsExactly("Idée publiée", "Dossier transmis au Département", INSTRUCTION,
                audition(), AVIS, VOTE, LIVRABLE);
        assertCurrentThenToCome(list, 2);

        fx.as(agentEmail);
        instructions.take(id);
        instructions.decide(fx.task(id, CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.of(DecisionInstruction.RECEVABLE, criteres(), null));
        fx.runJobs(id);
        list = jalons.jalons(id);
        assertThat(libelles(list)).containsExactly("Idée publiée", "Dossier transmis au Département",
                "Dossier recevable — soumis au comité", audition(), AVIS, VOTE, LIVRABLE);
        assertThat(list.get(3).date()).isEqualTo(campagnes.current().orElseThrow().dateComite());
        assertCurrentThenToCome(list, 3);

        long seanceId = fx.enAudition(id);
        List<org.camunda.bpm.engine.task.Task> auditions = fx.tasks(id, CycleCommunProcess.TASK_NOTER_SEANCE);
        fx.score(auditions.get(0), 4);
        fx.as(agentEmail);
        list = jalons.jalons(id);
        assertThat(libelles(list)).containsExactly("Idée publiée", "Dossier transmis au Département",
                "Dossier recevable — soumis au comité", "Audition par le comité", AVIS, VOTE, LIVRABLE);
        assertCurrentThenToCome(list, 4);

        for (var other : fx.tasks(id, CycleCommunProcess.TASK_NOTER_SEANCE)) {
            fx.score(other, 3);
        }
        fx.runJobs(id);
        fx.avisSeance(id, new fr.communs.comite.deliberation.AvisSeance(fr.communs.comite.deliberation.AvisSeance.Type.FAVORABLE,
                null, null, new BigDecimal("9000.00")));
        fx.as(agentEmail);
        list = jalons.jalons(id);
        assertThat(libelles(list)).doesNotContain("Proposé à l'Assemblée");
        fx.close(seanceId);
        fx.as(agentEmail);
        list = jalons.jalons(id);
        assertThat(libelles(list)).endsWith("Proposé à l'Assemblée", VOTE, LIVRABLE);
        assertCurrentThenToCome(list, list.size() - 2);

        assemblee.recordVote(fx.task(id, CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal("9000"), Dates.today()));
        list = jalons.jalons(id);
        assertThat(libelles(list)).endsWith("Subvention votée", LIVRABLE);
        assertCurrentThenToCome(list, list.size() - 1);
        fx.logout();
        assertThat(list).noneMatch(j -> j.libelle().contains("Note privée"));
    }

    @Test
    void a_file_declared_not_receivable_ends_there_without_its_motif_and_without_a_next_step() {
        fx.as(agentEmail);
        instructions.take(dossier.communId());
        instructions.decide(fx.task(dossier.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.of(DecisionInstruction.NON_RECEVABLE, criteres(), MOTIF));
        fx.logout();

        List<Jalon> list = jalons.jalons(dossier.communId());

        assertThat(libelles(list)).containsExactly("Idée publiée", "Dossier transmis au Département",
                "Dossier non recevable");
        assertThat(list).allMatch(Jalon::fait);
    }

    @Test
    void a_published_idea_shows_the_transmission_to_come_with_the_deposit_deadline() {
        long porteur = fx.structure(true, "30");
        long id = fx.deposit(fx.account(Roles.STRUCTURE, porteur), porteur);
        fx.logout();
        var campagne = campagnes.current().orElseThrow();

        List<Jalon> list = jalons.jalons(id);

        assertThat(list).containsExactly(
                new Jalon(Dates.today(), "Idée publiée", Etat.FAIT),
                new Jalon(campagne.dateLimiteDepot().atZoneSameInstant(Dates.ZONE).toLocalDate(),
                        "Transmission du dossier au Département, au plus tard le " + campagne.dateLimiteTexte(), Etat.EN_COURS),
                new Jalon(null, INSTRUCTION, Etat.A_VENIR),
                new Jalon(campagne.dateComite(), audition(), Etat.A_VENIR),
                new Jalon(null, AVIS, Etat.A_VENIR),
                new Jalon(null, VOTE, Etat.A_VENIR),
                new Jalon(null, LIVRABLE, Etat.A_VENIR));
    }

    @Test
    void a_draft_is_visible_only_to_its_structure() {
        fx.as(dossier.porteurEmail());
        long draft = communs.createDraft(dossier.porteurStructureId(), new CommunData("Idée en cours", null, null, null,
                null, Set.of(), Set.of(), null, false, false, Set.of(), null));
        List<Jalon> list = jalons.jalons(draft);
        assertThat(list.get(0)).isEqualTo(new Jalon(null, "Publication de l'idée", Etat.EN_COURS));
        assertThat(libelles(list.subList(2, list.size()))).containsExactly(INSTRUCTION, audition(), AVIS, VOTE, LIVRABLE);
        assertCurrentThenToCome(list, 0);

        for (String other : List.of(dossier.membreEmail(), agentEmail)) {
            fx.as(other);
            assertThatThrownBy(() -> jalons.jalons(draft)).as(other).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("n'existe pas");
        }
        fx.logout();
        assertThatThrownBy(() -> jalons.jalons(draft)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> jalons.jalons(Long.MAX_VALUE)).isInstanceOf(ValidationException.class);
    }
}
