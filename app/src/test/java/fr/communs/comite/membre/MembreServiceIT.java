package fr.communs.comite.membre;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_NOTATION;
import static fr.communs.db.Tables.COMITE_NOTE;
import static fr.communs.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.ConcurrentChangeException;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.historique.Evenement;
import fr.communs.historique.HistoriqueService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AccountService;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The comité's members through the real services, engine and mail outbox, on embedded PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class MembreServiceIT {
    private static final Pattern LIEN = Pattern.compile("http://localhost:\\d+/mot-de-passe/([A-Za-z0-9_-]{43})");

    @Autowired Fixtures fx;
    @Autowired MembreService membres;
    @Autowired AccountService accounts;
    @Autowired HistoriqueService historique;
    @Autowired HistoryService history;
    @Autowired TransactionTemplate tx;
    @Autowired DSLContext dsl;

    @BeforeEach
    void setUp() {
        fx.campagne();
    }

    /** The previous cycle definition, when a test deployed it (removed after the test). */
    String ancienne;

    @AfterEach
    void tearDown() {
        if (ancienne != null) {
            fx.retirerAncienneDefinition(ancienne);
            ancienne = null;
        }
        fx.logout();
    }

    private static String adresse(String prefixe) {
        return prefixe + "-" + System.nanoTime() + "@exemple.org";
    }

    private static MembreData organisme(College college, String organisation) {
        return new MembreData(college, null, organisation, Dates.today(), null);
    }

    private List<String> courriels(String adresse) {
        return dsl.select(OUTBOX_MAIL.TEXTE).from(OUTBOX_MAIL).where(OUTBOX_MAIL.DESTINATAIRE.eq(adresse))
                .orderBy(OUTBOX_MAIL.OUTBOX_MAIL_ID).fetch(OUTBOX_MAIL.TEXTE);
    }

    private int comptes() {
        return dsl.fetchCount(APP_USER);
    }

    @Test
    void an_invited_member_gets_a_comite_account_a_member_record_and_a_mail_whose_link_activates_the_account() {
        String adresse = adresse("Invitee");
        long structure = fx.structure(true, "30");
        fx.as(fx.admin());

        long id = membres.inviter(" " + adresse + " ", "Chloé Tombois",
                new MembreData(College.ACTEUR_ESS, structure, "  ", Dates.today(), Dates.today().plusYears(2)));

        Membre m = membres.membre(id);
        assertThat(m.nomComplet()).isEqualTo("Chloé Tombois");
        assertThat(m.email()).isEqualTo(adresse.toLowerCase());
        assertThat(m.college()).isEqualTo(College.ACTEUR_ESS);
        assertThat(m.structureId()).isEqualTo(structure);
        assertThat(m.organisation()).as("a blank named body is none").isNull();
        assertThat(m.organisationAffichee()).startsWith("Structure ");
        assertThat(m.actifDu()).isEqualTo(Dates.today());
        assertThat(m.actifAu()).isEqualTo(Dates.today().plusYears(2));
        assertThat(m.actif()).isTrue();
        assertThat(m.invitationEnAttente()).isTrue();
        assertThat(membres.membres()).extracting(Membre::id).contains(id);
        assertThat(dsl.select(APP_USER.ROLE).from(APP_USER).where(APP_USER.APP_USER_ID.eq(id)).fetchOne().value1())
                .isEqualTo(Roles.COMITE);
        assertThat(accounts.isEmailConfirmed(id)).isFalse();

        List<String> mails = courriels(adresse.toLowerCase());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains("Chloé Tombois", "Comité d'accompagnement des communs", "Acteur de l'ESS",
                "valable 7 jours");
        Matcher lien = LIEN.matcher(mails.get(0));
        assertThat(lien.find()).as("the mail carries the activation link").isTrue();

        fx.logout();
        assertThat(accounts.isPasswordResetLinkValid(lien.group(1))).isTrue();
        accounts.resetPassword(lien.group(1), "un mot de passe du comité", "un mot de passe du comité");
        assertThat(accounts.isEmailConfirmed(id)).as("choosing the password activates the account").isTrue();
        fx.as(fx.admin());
        assertThat(membres.membre(id).invitationEnAttente()).isFalse();
        assertThatThrownBy(() -> membres.renvoyerInvitation(id)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà activé");
    }

    @Test
    void a_new_invitation_link_replaces_the_previous_one() {
        String adresse = adresse("relance");
        fx.as(fx.admin());
        long id = membres.inviter(adresse, "Marie Massart", organisme(College.AGENT_REFERENT_ESS, "Département du Gard"));
        membres.renvoyerInvitation(id);

        List<String> mails = courriels(adresse);
        assertThat(mails).hasSize(2);
        Matcher premier = LIEN.matcher(mails.get(0));
        Matcher second = LIEN.matcher(mails.get(1));
        assertThat(premier.find()).isTrue();
        assertThat(second.find()).isTrue();
        fx.logout();
        assertThat(accounts.isPasswordResetLinkValid(premier.group(1))).isFalse();
        assertThat(accounts.isPasswordResetLinkValid(second.group(1))).isTrue();
    }

    @Test
    void bad_inputs_are_refused_with_french_messages_and_create_nothing() {
        String agent = fx.account(Roles.AGENT);
        String comite = fx.account(Roles.COMITE);
        fx.as(fx.admin());
        int avant = comptes();
        int courrielsAvant = dsl.fetchCount(OUTBOX_MAIL);

        assertThatThrownBy(() -> membres.inviter(adresse("a"), "Sans collège", organisme(null, "CRESS")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Collège » est obligatoire");
        assertThatThrownBy(() -> membres.inviter(adresse("b"), "Sans organisation", organisme(College.ELU, "  ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Indiquez l'organisation représentée");
        assertThatThrownBy(() -> membres.inviter(adresse("c"), "Les deux",
                new MembreData(College.ELU, fx.structure(true, "30"), "CRESS", Dates.today(), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pas les deux");
        assertThatThrownBy(() -> membres.inviter(adresse("d"), "Structure inconnue",
                new MembreData(College.ELU, 987_654_321L, null, Dates.today(), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("n'existe pas dans l'annuaire");
        assertThatThrownBy(() -> membres.inviter(adresse("e"), "Période à l'envers",
                new MembreData(College.ELU, null, "CRESS", Dates.today(), Dates.today().minusDays(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ne peut pas précéder son début");
        assertThatThrownBy(() -> membres.inviter(adresse("f"), "Sans début",
                new MembreData(College.ELU, null, "CRESS", null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Actif à partir du » est obligatoire");
        assertThatThrownBy(() -> membres.inviter(adresse("g"), "Année absurde",
                new MembreData(College.ELU, null, "CRESS", LocalDate.of(1, 1, 1), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vérifiez l'année");
        assertThatThrownBy(() -> membres.inviter(adresse("h"), "Organisme trop long",
                organisme(College.ELU, "x".repeat(MembreService.ORGANISATION_MAX + 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ne doit pas dépasser 200 caractères");
        assertThatThrownBy(() -> membres.inviter("pas-une-adresse", "Adresse invalide", organisme(College.ELU, "CRESS")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("L'adresse électronique n'est pas valide");
        assertThatThrownBy(() -> membres.inviter(adresse("i"), "  ", organisme(College.ELU, "CRESS")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Nom complet » est obligatoire");
        assertThatThrownBy(() -> membres.inviter(agent.toUpperCase(), "Un agent", organisme(College.ELU, "CRESS")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Un compte existe déjà avec cette adresse, au rôle « Agent du Département »")
                .hasMessageContaining("Comptes liés");
        assertThatThrownBy(() -> membres.inviter(comite, "Déjà membre", organisme(College.ELU, "CRESS")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("déjà celle d'un membre du comité");

        assertThat(comptes()).as("no account created").isEqualTo(avant);
        assertThat(dsl.fetchCount(OUTBOX_MAIL)).as("no mail sent").isEqualTo(courrielsAvant);
    }

    @Test
    void an_administrator_changes_a_member_and_a_stale_version_is_a_conflict() {
        long id = fx.idOf(fx.account(Roles.COMITE));
        long structure = fx.structure(true, "30");
        fx.as(fx.admin());
        Membre m = membres.membre(id);
        assertThat(m.organisation()).as("a comité account starts to be completed").isEqualTo("À préciser");

        membres.modifier(id, m.version(), new MembreData(College.COMITE_PILOTAGE, structure, null,
                Dates.today().minusMonths(3), Dates.today().plusMonths(9)));
        Membre apres = membres.membre(id);
        assertThat(apres.college()).isEqualTo(College.COMITE_PILOTAGE);
        assertThat(apres.structureId()).isEqualTo(structure);
        assertThat(apres.organisation()).isNull();
        assertThat(apres.actifDu()).isEqualTo(Dates.today().minusMonths(3));
        assertThat(apres.version()).isEqualTo(m.version() + 1);

        assertThatThrownBy(() -> membres.modifier(id, m.version(), organisme(College.ELU, "MIESS")))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("rien n'a été enregistré");
        assertThat(membres.membre(id).college()).isEqualTo(College.COMITE_PILOTAGE);
    }

    @Test
    void linked_accounts_of_the_same_person_can_be_added_and_removed_with_clear_refusals() {
        long id = fx.idOf(fx.account(Roles.COMITE));
        long autreMembre = fx.idOf(fx.account(Roles.COMITE));
        long structure = fx.structure(true, "30");
        String compteStructure = fx.account(Roles.STRUCTURE, structure);
        fx.as(fx.admin());

        membres.lierCompte(id, " " + compteStructure.toUpperCase() + " ");
        assertThat(membres.membre(id).autresComptes()).extracting(CompteLie::email).containsExactly(compteStructure);

        assertThatThrownBy(() -> membres.lierCompte(id, compteStructure)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà lié à");
        assertThatThrownBy(() -> membres.lierCompte(autreMembre, compteStructure)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà lié à un autre membre du comité");
        assertThatThrownBy(() -> membres.lierCompte(id, fx.emailOf(autreMembre))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("celui d'un membre du comité");
        assertThatThrownBy(() -> membres.lierCompte(id, fx.emailOf(id))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("lui-même");
        assertThatThrownBy(() -> membres.lierCompte(id, "personne@exemple.org")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Aucun compte");

        membres.delierCompte(id, fx.idOf(compteStructure));
        assertThat(membres.membre(id).autresComptes()).isEmpty();
        assertThatThrownBy(() -> membres.delierCompte(id, fx.idOf(compteStructure)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void deactivating_a_member_retires_their_open_scoring_task_and_the_cycle_goes_on_without_their_score() {
        String partant = fx.account(Roles.COMITE);
        long partantId = fx.idOf(partant);
        Fixtures.Transmis t = fx.transmis();
        String agent = fx.recevable(t);
        long seanceId = fx.enAudition(t.communId());
        List<Task> auditions = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE);
        assertThat(auditions).extracting(Task::getAssignee).contains(String.valueOf(partantId));
        // Every other member scores: the cycle now waits for the member who is leaving.
        for (Task audition : auditions) {
            if (!audition.getAssignee().equals(String.valueOf(partantId))) {
                fx.score(audition, 3);
            }
        }
        fx.runJobs(t.communId());
        assertThat(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_SEANCE)).isNull();
        String tacheRetiree = fx.task(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE).getId();

        fx.as(fx.admin());
        membres.modifier(partantId, membres.membre(partantId).version(),
                new MembreData(College.ELU, null, "Conseil départemental", Dates.today().minusMonths(1), null));
        Membre m = membres.membre(partantId);
        assertThat(membres.notationsOuvertes(partantId)).isEqualTo(1);
        int retirees = membres.desactiver(partantId, m.version());
        fx.runJobs(t.communId());

        assertThat(retirees).isEqualTo(1);
        assertThat(membres.notationsOuvertes(partantId)).isZero();
        assertThat(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_SEANCE))
                .as("the cycle went on to the comité's avis with the other scores").isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(tacheRetiree)
                .variableName(CycleCommunProcess.VAR_NOTATION_RETIREE).singleResult().getValue()).isEqualTo(true);
        assertThat(dsl.fetchCount(COMITE_NOTATION, COMITE_NOTATION.COMMUN_ID.eq(t.communId())
                .and(COMITE_NOTATION.SEANCE_ID.eq(seanceId)).and(COMITE_NOTATION.APP_USER_ID.eq(partantId))))
                .as("no score recorded for them").isZero();
        assertThat(dsl.fetchCount(COMITE_NOTATION, COMITE_NOTATION.COMMUN_ID.eq(t.communId())
                .and(COMITE_NOTATION.SEANCE_ID.eq(seanceId)))).as("the others' scores").isEqualTo(auditions.size() - 1);

        Membre desactive = membres.membre(partantId);
        assertThat(desactive.actif()).isFalse();
        assertThat(desactive.desactiveLe()).isNotNull();
        assertThat(membres.membres()).extracting(Membre::id).as("still listed, as inactive").contains(partantId);
        assertThat(actifs(Dates.today())).extracting(Membre::id).doesNotContain(partantId);
        assertThat(actif(partantId, Dates.today())).isFalse();
        assertThat(actif(partantId, Dates.today().minusDays(1)))
                .as("they were active the days before").isTrue();
        assertThat(accounts.activeComiteMemberIds()).as("only active members are convoked")
                .doesNotContain(String.valueOf(partantId)).isNotEmpty();
        assertThatThrownBy(() -> membres.desactiver(partantId, desactive.version()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("déjà désactivé(e)");

        fx.as(agent);
        assertThat(historique.evenements(t.communId())).extracting(Evenement::titre)
                .contains("Tâche « Noter l'audition » retirée à Personne " + partant);

        fx.as(fx.admin());
        membres.reactiver(partantId, desactive.version());
        assertThat(actif(partantId, Dates.today())).isTrue();
    }

    @Test
    void on_a_file_of_the_previous_definition_deactivating_retires_the_audition_task_and_the_old_cycle_goes_on() {
        ancienne = fx.ancienneDefinition();
        String partant = fx.account(Roles.COMITE);
        long partantId = fx.idOf(partant);
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        List<Task> auditions = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_AUDITION);
        assertThat(auditions).extracting(Task::getAssignee).contains(String.valueOf(partantId));
        for (Task audition : auditions) {
            if (!audition.getAssignee().equals(String.valueOf(partantId))) {
                fx.as(fx.emailOf(Long.parseLong(audition.getAssignee())));
                comites().score(audition.getId(), new fr.communs.comite.NotesAudition(3, 3, 3, 3, null));
            }
        }
        assertThat(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_COMITE)).isNull();
        String tacheRetiree = fx.task(t.communId(), CycleCommunProcess.TASK_NOTER_AUDITION).getId();

        fx.as(fx.admin());
        assertThat(membres.desactiver(partantId, membres.membre(partantId).version())).isEqualTo(1);
        fx.runJobs(t.communId());

        assertThat(membres.notationsOuvertes(partantId)).isZero();
        assertThat(fx.task(t.communId(), CycleCommunProcess.TASK_AVIS_COMITE))
                .as("the old cycle went on to the comité's avis with the other scores").isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(tacheRetiree)
                .variableName(CycleCommunProcess.VAR_NOTATION_RETIREE).singleResult().getValue()).isEqualTo(true);
        assertThat(dsl.fetchCount(COMITE_NOTE, COMITE_NOTE.COMMUN_ID.eq(t.communId())
                .and(COMITE_NOTE.APP_USER_ID.eq(partantId)))).as("no score recorded for them").isZero();
    }

    @Test
    void a_period_that_would_leave_scoring_tasks_open_is_refused_in_favour_of_deactivation() {
        long id = fx.idOf(fx.account(Roles.COMITE));
        Fixtures.Transmis t = fx.transmis();
        fx.recevable(t);
        fx.enAudition(t.communId());
        fx.as(fx.admin());
        Membre m = membres.membre(id);

        assertThatThrownBy(() -> membres.modifier(id, m.version(), new MembreData(College.ELU, null, "CRESS",
                Dates.today().minusYears(1), Dates.today().minusDays(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("utilisez « Désactiver »");
        assertThat(membres.membre(id).version()).as("nothing changed").isEqualTo(m.version());
        assertThat(membres.notationsOuvertes(id)).isEqualTo(1);
    }

    @Test
    void members_active_on_a_day_follow_their_period() {
        long futur = fx.idOf(fx.account(Roles.COMITE));
        long passe = fx.idOf(fx.account(Roles.COMITE));
        fx.as(fx.admin());
        membres.modifier(futur, membres.membre(futur).version(),
                new MembreData(College.ELU, null, "Conseil départemental", Dates.today().plusDays(10), null));
        membres.modifier(passe, membres.membre(passe).version(),
                new MembreData(College.ELU, null, "Conseil départemental", Dates.today().minusYears(1),
                        Dates.today().minusDays(1)));

        List<Long> aujourdhui = actifs(Dates.today()).stream().map(Membre::id).toList();
        assertThat(aujourdhui).doesNotContain(futur, passe);
        assertThat(actifs(Dates.today().plusDays(10))).extracting(Membre::id)
                .contains(futur).doesNotContain(passe);
        assertThat(actifs(Dates.today().minusDays(1))).extracting(Membre::id)
                .contains(passe).doesNotContain(futur);
        assertThat(accounts.activeComiteMemberIds()).doesNotContain(String.valueOf(futur), String.valueOf(passe));
        assertThat(accounts.activeComiteMemberIds()).as("the same members as MembreService today")
                .containsExactlyInAnyOrderElementsOf(aujourdhui.stream().map(String::valueOf).toList());
    }

    @Test
    void only_administrators_manage_the_members() {
        long id = fx.idOf(fx.account(Roles.COMITE));
        for (String role : List.of(Roles.AGENT, Roles.COMITE, Roles.STRUCTURE, Roles.REFERENT)) {
            fx.as(fx.account(role));
            int version = 0;
            assertThatThrownBy(() -> membres.membres()).isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("administrateur");
            assertThatThrownBy(() -> membres.membre(id)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> membres.inviter(adresse("x"), "X", organisme(College.ELU, "CRESS")))
                    .isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> membres.modifier(id, version, organisme(College.ELU, "CRESS")))
                    .isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> membres.desactiver(id, version)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> membres.lierCompte(id, "x@exemple.org")).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> membres.notationsOuvertes(id)).isInstanceOf(NotAllowedException.class);
        }
        fx.logout();
        assertThatThrownBy(() -> membres.membres()).isInstanceOf(NotAllowedException.class);
        fx.as(fx.admin());
        assertThat(membres.membre(id).desactiveLe()).as("nothing changed").isNull();
    }

    private List<Membre> actifs(LocalDate jour) {
        List<Membre> actifs = tx.execute(s -> membres.membresActifs(jour));
        return actifs;
    }

    private boolean actif(long membreId, LocalDate jour) {
        Boolean actif = tx.execute(s -> membres.estActif(membreId, jour));
        return Boolean.TRUE.equals(actif);
    }

    @Autowired org.springframework.beans.factory.ObjectProvider<fr.communs.comite.ComiteService> comiteService;

    private fr.communs.comite.ComiteService comites() {
        return comiteService.getObject();
    }
}
