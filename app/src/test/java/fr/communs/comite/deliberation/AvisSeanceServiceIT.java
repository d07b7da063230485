package fr.communs.comite.deliberation;

import static fr.communs.db.Tables.COMITE_AJOURNEMENT;
import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_DEPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.Budget;
import fr.communs.budget.LigneBudget;
import fr.communs.comite.seance.DossierEnAttente;
import fr.communs.comite.seance.MembreSeance;
import fr.communs.comite.seance.Presence;
import fr.communs.comite.seance.Seance;
import fr.communs.comite.seance.SeanceService;
import fr.communs.commun.CommunService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Notified;
import fr.communs.task.TaskNotAvailableException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The comité's avis recorded at an open séance by an agent, through the real service, on embedded PostgreSQL and the
 * real Camunda engine: its kinds and their rules, the subsidy capped by what the groupement asked, the quorum, the
 * ajournement back to waiting for a séance, and who may record and read it.
 */
@SpringBootTest
@ActiveProfiles("test")
class AvisSeanceServiceIT {
    @Autowired Fixtures fx;
    @Autowired Notified notified;
    @Autowired AvisSeanceService avis;
    @Autowired SeanceService seances;
    @Autowired CommunService communs;
    @Autowired DSLContext dsl;

    String agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        agent = fx.account(Roles.AGENT);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    /** 7 000 € asked of the Département out of 14 000 € of expenses. */
    private static Budget budget7000() {
        return new Budget(new BigDecimal("7000"),
                List.of(new LigneBudget("Animation du lieu", new BigDecimal("9000")),
                        new LigneBudget("Aménagement", new BigDecimal("5000"))),
                List.of(new LigneBudget("Autofinancement", new BigDecimal("7000"))));
    }

    /** A file heard and scored by every member: its avis task is open; returns the séance. */
    private long enAttenteDAvis(Fixtures.Transmis t) {
        long seanceId = fx.enAttenteDAvis(t);
        assertThat(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_SEANCE)).as("the avis task is open").isNotNull();
        return seanceId;
    }

    private String tache(long communId) {
        return fx.task(communId, CycleCommunProcess.TASK_AVIS_SEANCE).getId();
    }

    private static List<String> erreurs(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("refus attendu");
    }

    private void rienEnregistre(long communId) {
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(communId))).isZero();
        assertThat(dsl.fetchCount(COMITE_AJOURNEMENT, COMITE_AJOURNEMENT.COMMUN_ID.eq(communId))).isZero();
        assertThat(fx.task(communId, CycleCommunProcess.TASK_AVIS_SEANCE)).as("the task stays open").isNotNull();
    }

    @Test
    void a_favorable_avis_within_the_amount_asked_is_recorded_once_and_the_file_goes_on_when_the_seance_closes() {
        Fixtures.Transmis t = fx.transmis(budget7000());
        long seanceId = enAttenteDAvis(t);
        long d = t.communId();

        fx.as(agent);
        assertThat(avis.montantDemande(d)).isEqualByComparingTo("7000");
        assertThat(avis.seanceOfTask(tache(d))).isEqualTo(seanceId);
        String id = tache(d);
        avis.enregistrer(id, new AvisSeance(AvisSeance.Type.FAVORABLE, "  Un commun bien ancré.  ", null, new BigDecimal("7000")));

        assertThat(fx.task(d, CycleCommunProcess.TASK_AVIS_SEANCE)).isNull();
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_CLOTURE)).isTrue();
        fx.as(agent);
        assertThat(avis.avisDuDossier(d)).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AvisSeance.Type.FAVORABLE);
            assertThat(a.seanceId()).isEqualTo(seanceId);
            assertThat(a.subvention()).isEqualByComparingTo("7000");
            assertThat(a.motivation()).isEqualTo("Un commun bien ancré.");
            assertThat(a.reserves()).isNull();
            assertThat(a.agentNom()).isEqualTo("Personne " + agent);
        });
        assertThatThrownBy(() -> avis.enregistrer(id, new AvisSeance(AvisSeance.Type.DEFAVORABLE, "Finalement non", null, null)))
                .as("recorded once").isInstanceOf(TaskNotAvailableException.class);
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(d))).isEqualTo(1);

        fx.close(seanceId);
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_VOTE_ASSEMBLEE)).isTrue();
    }

    @Test
    void a_subsidy_above_the_amount_asked_by_the_groupement_is_refused_and_nothing_is_recorded() {
        Fixtures.Transmis t = fx.transmis(budget7000());
        enAttenteDAvis(t);
        long d = t.communId();

        fx.as(agent);
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("7000.01"))))).singleElement()
                .satisfies(e -> assertThat(e).startsWith("La subvention proposée (")
                        .contains("dépasse le montant demandé par le groupement (").contains("7\u202f000,00"));
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.RESERVE, null, "Un bilan à six mois", new BigDecimal("12000"))))).singleElement()
                .satisfies(e -> assertThat(e).contains("dépasse le montant demandé par le groupement"));
        assertThat(erreurs(() -> avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, null))))
                .containsExactly("Le champ « Subvention proposée » est obligatoire.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("-1"))))).isNotEmpty();
        rienEnregistre(d);
        fx.as(agent);
        assertThat(avis.avisDuDossier(d)).isEmpty();

        avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("6999.99")));
        assertThat(dsl.select(COMITE_AVIS.SUBVENTION_PROPOSEE).from(COMITE_AVIS).where(COMITE_AVIS.COMMUN_ID.eq(d))
                .fetchOne().value1()).isEqualByComparingTo("6999.99");
    }

    @Test
    void reserves_are_required_with_a_favorable_avis_with_reserves_and_refused_with_any_other() {
        Fixtures.Transmis t = fx.transmis();
        enAttenteDAvis(t);
        long d = t.communId();

        fx.as(agent);
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.RESERVE, null, "   ", new BigDecimal("5000")))))
                .containsExactly("Écrivez les réserves du comité.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.FAVORABLE, null, "Une réserve égarée", new BigDecimal("5000")))))
                .containsExactly("Des réserves ne s'écrivent qu'avec un avis favorable avec réserves.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.DEFAVORABLE, "Hors du champ de l'appel", "Une réserve", null))))
                .containsExactly("Des réserves ne s'écrivent qu'avec un avis favorable avec réserves.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.RESERVE, null, "x".repeat(AvisSeanceService.MOTIVATION_MAX + 1),
                        new BigDecimal("5000")))))
                .containsExactly("Le champ « Réserves » ne doit pas dépasser 4000 caractères.");
        rienEnregistre(d);

        fx.as(agent);
        avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.RESERVE, null,
                "  Associer une deuxième commune au comité de pilotage.  ", new BigDecimal("5000")));
        fx.as(agent);
        assertThat(avis.avisDuDossier(d)).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AvisSeance.Type.RESERVE);
            assertThat(a.reserves()).isEqualTo("Associer une deuxième commune au comité de pilotage.");
            assertThat(a.subvention()).isEqualByComparingTo("5000");
        });
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_CLOTURE)).isTrue();
    }

    @Test
    void defavorable_and_ajourne_need_a_motivation_and_propose_no_subsidy() {
        Fixtures.Transmis t = fx.transmis(budget7000());
        enAttenteDAvis(t);
        long d = t.communId();

        fx.as(agent);
        assertThat(erreurs(() -> avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.DEFAVORABLE, "  ", null, null))))
                .containsExactly("Motivez l'avis « défavorable » : le groupement la recevra.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.AJOURNE, null, null, null))))
                .containsExactly("Motivez l'avis « ajourné » : le groupement la recevra.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.DEFAVORABLE, "Gouvernance trop fermée", null, new BigDecimal("100")))))
                .containsExactly("Un avis « défavorable » ne propose pas de subvention.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.AJOURNE, "Pièces manquantes", null, new BigDecimal("100")))))
                .containsExactly("Un avis « ajourné » ne propose pas de subvention.");
        assertThat(erreurs(() -> avis.enregistrer(tache(d), new AvisSeance(null, "Sans type", null, null))))
                .containsExactly("Le champ « Avis du comité » est obligatoire.");
        rienEnregistre(d);

        fx.as(agent);
        avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.DEFAVORABLE, "Gouvernance trop fermée", null, BigDecimal.ZERO));
        fx.as(agent);
        assertThat(avis.avisDuDossier(d)).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AvisSeance.Type.DEFAVORABLE);
            assertThat(a.motivation()).isEqualTo("Gouvernance trop fermée");
            assertThat(a.subvention()).isEqualByComparingTo("0");
        });
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_CLOTURE)).isTrue();
    }

    @Test
    void without_quorum_for_the_file_no_avis_is_recorded() {
        Fixtures.Transmis t = fx.transmis();
        long seanceId = enAttenteDAvis(t);
        long d = t.communId();

        fx.as(agent);
        Map<Long, Presence> presents = new HashMap<>();
        Map<Long, Presence> absents = new HashMap<>();
        for (MembreSeance m : seances.membres(seanceId)) {
            presents.put(m.membreId(), Presence.PRESENT);
            absents.put(m.membreId(), Presence.ABSENT);
        }
        seances.enregistrerPresences(seanceId, absents);
        assertThat(seances.quorums(seanceId)).filteredOn(q -> q.communId() == d).singleElement()
                .satisfies(q -> assertThat(q.atteint()).isFalse());

        assertThat(erreurs(() -> avis.enregistrer(tache(d),
                new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("1000"))))).singleElement()
                .satisfies(e -> assertThat(e).startsWith("Le quorum n'est pas atteint pour ce dossier (0 membre(s) pouvant délibérer sur ")
                        .endsWith("requis) : l'avis ne peut pas être rendu."));
        rienEnregistre(d);

        fx.as(agent);
        seances.enregistrerPresences(seanceId, presents);
        avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("1000")));
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(d))).isEqualTo(1);
    }

    @Test
    void an_ajourne_file_waits_again_for_a_seance_and_its_groupement_is_told_why() {
        Fixtures.Transmis t = fx.transmis();
        long seanceId = enAttenteDAvis(t);
        long d = t.communId();
        String titre = communs.get(d).titre();
        String lien = "communs/" + d;

        fx.as(agent);
        avis.enregistrer(tache(d), new AvisSeance(AvisSeance.Type.AJOURNE, "  Le budget doit être précisé.  ", null, null));
        fx.runJobs(d);

        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_SEANCE)).as("back at the BPMN's wait for a séance")
                .isTrue();
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_CLOTURE)).isFalse();
        assertThat(fx.task(d, CycleCommunProcess.TASK_AVIS_SEANCE)).isNull();
        assertThat(dsl.fetchCount(COMITE_AVIS, COMITE_AVIS.COMMUN_ID.eq(d))).as("no final avis").isZero();
        fx.as(agent);
        assertThat(avis.avisDuDossier(d)).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AvisSeance.Type.AJOURNE);
            assertThat(a.seanceId()).isEqualTo(seanceId);
            assertThat(a.motivation()).isEqualTo("Le budget doit être précisé.");
            assertThat(a.subvention()).isNull();
        });
        assertThat(seances.dossiersEnAttente()).extracting(DossierEnAttente::communId).contains(d);

        for (String email : List.of(t.porteurEmail(), t.membreEmail())) {
            assertThat(notified.of(email, NotificationType.AVIS_COMITE, lien)).singleElement().satisfies(n -> {
                assertThat(n.getTitre()).isEqualTo("Dossier « " + titre + " » ajourné par le comité");
                assertThat(n.getTexte()).contains("il sera entendu à une séance suivante").contains("Motif : Le budget doit être précisé.");
            });
        }

        // The ajourné file does not hold the séance open, and it can be heard at a later one.
        fx.close(seanceId);
        fx.as(agent);
        assertThat(seances.get(seanceId).statut()).isEqualTo(Seance.Statut.CLOSE);
        assertThat(fx.isWaitingAt(d, CycleCommunProcess.TASK_ATTENDRE_SEANCE)).isTrue();
        long suivante = fx.enAudition(d);
        assertThat(suivante).isNotEqualTo(seanceId);
        assertThat(fx.tasks(d, CycleCommunProcess.TASK_NOTER_SEANCE)).isNotEmpty();
    }

    @Test
    void only_agents_of_the_service_record_the_avis_and_only_they_and_non_recused_members_read_it() {
        Fixtures.Transmis t = fx.transmis();
        enAttenteDAvis(t);
        long d = t.communId();
        String membre = fx.account(Roles.COMITE);
        AvisSeance favorable = new AvisSeance(AvisSeance.Type.FAVORABLE, null, null, new BigDecimal("1000"));

        for (String personne : List.of(membre, t.porteurEmail(), fx.admin(), fx.referent("Direction de la culture"))) {
            fx.as(personne);
            assertThatThrownBy(() -> avis.enregistrer(tache(d), favorable)).as(personne)
                    .isInstanceOf(NotAllowedException.class);
        }
        rienEnregistre(d);

        fx.as(agent);
        avis.enregistrer(tache(d), favorable);

        fx.as(fx.account(Roles.AGENT));
        assertThat(avis.avisDuDossier(d)).extracting(AvisRendu::type).containsExactly(AvisSeance.Type.FAVORABLE);
        fx.as(membre);
        assertThat(avis.avisDuDossier(d)).extracting(AvisRendu::subvention)
                .singleElement().satisfies(s -> assertThat(s).isEqualByComparingTo("1000"));

        dsl.insertInto(COMITE_DEPORT).set(COMITE_DEPORT.COMMUN_ID, d).set(COMITE_DEPORT.APP_USER_ID, fx.idOf(membre))
                .set(COMITE_DEPORT.MOTIF, "Je connais la présidente du porteur").execute();
        fx.as(membre);
        assertThatThrownBy(() -> avis.avisDuDossier(d)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Vous êtes déporté(e) de ce dossier.");
        fx.as(t.porteurEmail());
        assertThatThrownBy(() -> avis.avisDuDossier(d)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Réservé aux agents du service et aux membres du comité.");
    }
}
