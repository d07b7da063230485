package fr.communs.comite.contribution;

import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONTRIBUTION_COMITE;
import static fr.communs.db.Tables.NOTIFICATION;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.CommunStatut;
import fr.communs.base.ConcurrentChangeException;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.notification.NotificationType;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The comité's non-financial contributions as tracked commitments, through the real service on embedded PostgreSQL:
 * recorded by an agent on a file declared recevable, accepted or declined by the groupement, done or abandoned by the
 * contributor, reminded once after the expected date; every refusal with a French message and nothing changed.
 */
@SpringBootTest
@ActiveProfiles("test")
class ContributionComiteServiceIT {
    @Autowired Fixtures fx;
    @Autowired ContributionComiteService contributions;
    @Autowired DSLContext dsl;

    Fixtures.Transmis t;
    String agent;
    /** A structure of the directory outside the groupement, and its (administrator) account. */
    long exterieure;
    String exterieureEmail;
    /** A comité member representing {@link #exterieure}'s sister structure {@link #organisation}. */
    String membreComite;
    long membreComiteId;
    long organisation;
    String organisationEmail;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis();
        agent = fx.recevable(t);
        exterieure = fx.structure(true, "30");
        exterieureEmail = fx.account(Roles.STRUCTURE, exterieure);
        organisation = fx.structure(true, "30");
        organisationEmail = fx.account(Roles.STRUCTURE, organisation);
        membreComite = fx.account(Roles.COMITE);
        membreComiteId = fx.idOf(membreComite);
        dsl.update(COMITE_MEMBRE).set(COMITE_MEMBRE.STRUCTURE_ID, organisation)
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreComiteId)).execute();
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    // --- helpers

    private static ContributionComiteData structure(long structureId, LocalDate date) {
        return new ContributionComiteData(ContributeurComite.STRUCTURE, null, structureId,
                TypeContributionComite.MISE_EN_RELATION, "Mise en relation avec le réseau des tiers-lieux du Gard", date, null);
    }

    private long record(ContributionComiteData data) {
        fx.as(agent);
        try {
            return contributions.record(t.communId(), data);
        } finally {
            fx.logout();
        }
    }

    private int rows() {
        return dsl.fetchCount(CONTRIBUTION_COMITE, CONTRIBUTION_COMITE.COMMUN_ID.eq(t.communId()));
    }

    private ContributionComite read(long id) {
        fx.as(agent);
        try {
            return contributions.ofCommun(t.communId()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        } finally {
            fx.logout();
        }
    }

    private int notified(String email, NotificationType type) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.APP_USER_ID.eq(fx.idOf(email))
                .and(NOTIFICATION.TYPE.eq(type.name())));
    }

    private void as(String email, Runnable action) {
        fx.as(email);
        try {
            action.run();
        } finally {
            fx.logout();
        }
    }

    private long seanceWithTheFile() {
        long campagne = dsl.select(COMMUN.CAMPAGNE_ID).from(COMMUN).where(COMMUN.COMMUN_ID.eq(t.communId())).fetchOne().value1();
        long seance = dsl.insertInto(SEANCE).set(SEANCE.CAMPAGNE_ID, campagne)
                .set(SEANCE.DEBUT, OffsetDateTime.now().plusDays(7)).set(SEANCE.LIEU, "Hôtel du Département, Nîmes")
                .set(SEANCE.CREE_PAR, fx.idOf(agent)).returning(SEANCE.SEANCE_ID).fetchOne().getSeanceId();
        dsl.insertInto(SEANCE_AUDITION).set(SEANCE_AUDITION.SEANCE_ID, seance).set(SEANCE_AUDITION.COMMUN_ID, t.communId())
                .set(SEANCE_AUDITION.DEBUT, OffsetDateTime.now().plusDays(7)).set(SEANCE_AUDITION.DUREE_MINUTES, (short) 30)
                .execute();
        return seance;
    }

    // --- recording

    @Test
    void an_agent_records_a_contribution_of_a_structure_and_the_groupement_is_notified_but_not_the_public() {
        long seance = seanceWithTheFile();
        LocalDate date = Dates.today().plusDays(20);
        long id = record(new ContributionComiteData(ContributeurComite.STRUCTURE, null, exterieure,
                TypeContributionComite.MISE_EN_RELATION, "  Mise en relation avec la CRESS  ", date, seance));

        ContributionComite c = read(id);
        assertThat(c.statut()).isEqualTo(StatutContributionComite.PROPOSEE);
        assertThat(c.contributeur()).isEqualTo(ContributeurComite.STRUCTURE);
        assertThat(c.structureId()).isEqualTo(exterieure);
        assertThat(c.description()).isEqualTo("Mise en relation avec la CRESS");
        assertThat(c.datePrevue()).isEqualTo(date);
        assertThat(c.seanceId()).isEqualTo(seance);
        assertThat(c.version()).isZero();
        assertThat(c.type().libelle()).isEqualTo("Mise en relation");

        assertThat(notified(t.porteurEmail(), NotificationType.CONTRIBUTION_COMITE)).isEqualTo(1);
        assertThat(notified(t.membreEmail(), NotificationType.CONTRIBUTION_COMITE)).isEqualTo(1);
        assertThat(notified(exterieureEmail, NotificationType.CONTRIBUTION_COMITE)).isZero();

        fx.as(t.porteurEmail());
        assertThat(contributions.ofCommun(t.communId())).singleElement()
                .satisfies(v -> assertThat(v.peutRepondre()).isTrue())
                .satisfies(v -> assertThat(v.peutCloturer()).isFalse());
        fx.as(exterieureEmail);
        assertThat(contributions.ofCommun(t.communId())).singleElement()
                .satisfies(v -> assertThat(v.peutRepondre()).isFalse())
                .satisfies(v -> assertThat(v.peutCloturer()).isTrue());
        assertThat(contributions.ofStructure(exterieure)).extracting(ContributionComite::id).containsExactly(id);
        fx.logout();
        assertThat(contributions.ofCommun(t.communId())).as("a proposal is not public").isEmpty();
        assertThat(contributions.ofStructure(exterieure)).isEmpty();
    }

    @Test
    void a_member_s_organisation_and_the_departement_are_recorded_under_their_names() {
        long organisationId = record(new ContributionComiteData(ContributeurComite.ORGANISATION_MEMBRE, membreComiteId, null,
                TypeContributionComite.HUMAINE, "Deux demi-journées d'accompagnement juridique", null, null));
        long departementId = record(new ContributionComiteData(ContributeurComite.DEPARTEMENT, null, null,
                TypeContributionComite.MATERIELLE, "Prêt d'une salle du Département", Dates.today(), null));

        ContributionComite org = read(organisationId);
        assertThat(org.contributeurNom()).isEqualTo(dsl.select(fr.communs.db.Tables.STRUCTURE.NOM).from(fr.communs.db.Tables.STRUCTURE)
                .where(fr.communs.db.Tables.STRUCTURE.STRUCTURE_ID.eq(organisation)).fetchOne().value1());
        assertThat(org.membreId()).isEqualTo(membreComiteId);
        assertThat(org.structureId()).as("the structure the member represents").isEqualTo(organisation);
        assertThat(read(departementId).contributeurNom()).isEqualTo("Le Département");
        assertThat(read(departementId).structureId()).isNull();
    }

    @Test
    void only_an_agent_records_and_only_on_a_file_declared_recevable() {
        int before = rows();
        ContributionComiteData data = structure(exterieure, null);
        for (String email : List.of(t.porteurEmail(), exterieureEmail, membreComite, fx.admin())) {
            fx.as(email);
            assertThatThrownBy(() -> contributions.record(t.communId(), data)).isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("Votre rôle ne permet pas cette action");
        }
        fx.logout();
        assertThatThrownBy(() -> contributions.record(t.communId(), data)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("connecté");

        Fixtures.Transmis enInstruction = fx.transmis();
        fx.as(agent);
        assertThatThrownBy(() -> contributions.record(enInstruction.communId(), data)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("pas encore été déclaré recevable");
        dsl.update(COMMUN).set(COMMUN.STATUT, CommunStatut.NON_RECEVABLE.name())
                .where(COMMUN.COMMUN_ID.eq(enInstruction.communId())).execute();
        assertThatThrownBy(() -> contributions.record(enInstruction.communId(), data)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("pas été déclaré recevable");
        dsl.update(COMMUN).set(COMMUN.STATUT, CommunStatut.AU_COMITE.name())
                .where(COMMUN.COMMUN_ID.eq(enInstruction.communId())).execute();
        assertThatThrownBy(() -> contributions.record(enInstruction.communId(), data)).as("no recevable decision")
                .isInstanceOf(ValidationException.class).hasMessageContaining("pas été déclaré recevable");
        dsl.update(COMMUN).set(COMMUN.STATUT, CommunStatut.REJETE.name()).where(COMMUN.COMMUN_ID.eq(t.communId())).execute();
        assertThatThrownBy(() -> contributions.record(t.communId(), data)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Ce dossier est clos");
        assertThatThrownBy(() -> contributions.record(999_999_999L, data)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("n'existe pas");
        assertThat(rows()).isEqualTo(before);
        assertThat(dsl.fetchCount(CONTRIBUTION_COMITE, CONTRIBUTION_COMITE.COMMUN_ID.eq(enInstruction.communId()))).isZero();
    }

    @Test
    void bad_input_is_refused_with_french_messages_and_changes_nothing() {
        long autreDossierSeance = seanceWithTheFile();
        dsl.update(SEANCE_AUDITION).set(SEANCE_AUDITION.COMMUN_ID, fx.transmis().communId())
                .where(SEANCE_AUDITION.SEANCE_ID.eq(autreDossierSeance)).execute();
        fx.as(agent);
        int before = rows();
        long id = t.communId();
        LocalDate today = Dates.today();
        assertThatThrownBy(() -> contributions.record(id, new ContributionComiteData(ContributeurComite.STRUCTURE, null,
                exterieure, TypeContributionComite.HUMAINE, "   ", null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Description » est obligatoire");
        assertThatThrownBy(() -> contributions.record(id, new ContributionComiteData(ContributeurComite.STRUCTURE, null,
                exterieure, TypeContributionComite.HUMAINE, "x".repeat(2001), null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2000 caractères");
        assertThatThrownBy(() -> contributions.record(id, structure(exterieure, today.minusDays(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ne peut pas être dans le passé");
        assertThatThrownBy(() -> contributions.record(id, structure(exterieure, LocalDate.of(9999, 1, 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vérifiez l'année");
        assertThatThrownBy(() -> contributions.record(id, new ContributionComiteData(null, null, null, null, "Quelque chose",
                null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Qui contribue » est obligatoire")
                .hasMessageContaining("« Type de contribution » est obligatoire");
        assertThatThrownBy(() -> contributions.record(id, new ContributionComiteData(ContributeurComite.STRUCTURE, null,
                null, TypeContributionComite.AUTRE, "Quelque chose", null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Structure » est obligatoire");
        assertThatThrownBy(() -> contributions.record(id, structure(999_999_999L, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("n'existe pas dans l'annuaire");
        assertThatThrownBy(() -> contributions.record(id, structure(t.membreStructureId(), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("fait partie du groupement");
        assertThatThrownBy(() -> contributions.record(id, new ContributionComiteData(ContributeurComite.ORGANISATION_MEMBRE,
                null, null, TypeContributionComite.AUTRE, "Quelque chose", null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Membre du comité » est obligatoire");
        dsl.update(COMITE_MEMBRE).set(COMITE_MEMBRE.ACTIF_AU, today.minusDays(1)).set(COMITE_MEMBRE.ACTIF_DU, today.minusDays(30))
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreComiteId)).execute();
        assertThatThrownBy(() -> contributions.record(id, new ContributionComiteData(ContributeurComite.ORGANISATION_MEMBRE,
                membreComiteId, null, TypeContributionComite.AUTRE, "Quelque chose", null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("n'est plus actif");
        assertThatThrownBy(() -> contributions.record(id, new ContributionComiteData(ContributeurComite.STRUCTURE, null,
                exterieure, TypeContributionComite.AUTRE, "Quelque chose", null, autreDossierSeance)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pas à l'ordre du jour");
        assertThat(rows()).isEqualTo(before);

        contributions.record(id, structure(exterieure, today));
        assertThatThrownBy(() -> contributions.record(id, structure(exterieure, today))).as("a double click")
                .isInstanceOf(ValidationException.class).hasMessageContaining("déjà enregistrée");
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    void a_proposal_is_seen_by_the_comite_except_a_recused_member_and_not_by_other_structures() {
        long id = record(structure(exterieure, null));
        String recuse = fx.account(Roles.COMITE);
        dsl.insertInto(fr.communs.db.Tables.COMITE_DEPORT).set(fr.communs.db.Tables.COMITE_DEPORT.COMMUN_ID, t.communId())
                .set(fr.communs.db.Tables.COMITE_DEPORT.APP_USER_ID, fx.idOf(recuse))
                .set(fr.communs.db.Tables.COMITE_DEPORT.MOTIF, "Je préside une structure du groupement").execute();

        fx.as(membreComite);
        assertThat(contributions.ofCommun(t.communId())).extracting(ContributionComite::id).containsExactly(id);
        fx.as(recuse);
        assertThat(contributions.ofCommun(t.communId())).as("recused: only what is public").isEmpty();
        fx.as(organisationEmail);
        assertThat(contributions.ofCommun(t.communId())).isEmpty();
        assertThat(contributions.ofStructure(exterieure)).isEmpty();
        fx.as(t.contributeurEmail());
        assertThat(contributions.ofCommun(t.communId())).as("a structure of the groupement").singleElement()
                .satisfies(c -> assertThat(c.peutRepondre()).isTrue());

        as(t.porteurEmail(), () -> contributions.accept(id, 0));
        fx.as(recuse);
        assertThat(contributions.ofCommun(t.communId())).extracting(ContributionComite::id).containsExactly(id);
        fx.as(organisationEmail);
        assertThat(contributions.ofStructure(exterieure)).extracting(ContributionComite::id).containsExactly(id);
    }

    // --- the groupement's answer

    @Test
    void an_administrator_of_the_groupement_accepts_then_the_contributor_marks_it_done_and_it_becomes_public() {
        long id = record(structure(exterieure, null));

        as(t.membreEmail(), () -> contributions.accept(id, 0));
        ContributionComite accepted = read(id);
        assertThat(accepted.statut()).isEqualTo(StatutContributionComite.ACCEPTEE);
        assertThat(accepted.reponduLe()).isNotNull();
        assertThat(accepted.version()).isEqualTo(1);
        assertThat(notified(exterieureEmail, NotificationType.REPONSE_CONTRIBUTION_COMITE)).isEqualTo(1);
        assertThat(contributions.ofCommun(t.communId())).as("public once accepted").extracting(ContributionComite::id)
                .containsExactly(id);
        assertThat(contributions.ofStructure(exterieure)).extracting(ContributionComite::id).containsExactly(id);

        as(exterieureEmail, () -> contributions.markDone(id, 1));
        ContributionComite done = read(id);
        assertThat(done.statut()).isEqualTo(StatutContributionComite.REALISEE);
        assertThat(done.clotureLe()).isNotNull();
        assertThat(done.peutCloturer()).isFalse();
        assertThat(contributions.ofCommun(t.communId())).extracting(ContributionComite::statut)
                .containsExactly(StatutContributionComite.REALISEE);
    }

    @Test
    void the_groupement_declines_with_an_optional_reason_and_the_contributor_is_told() {
        long withReason = record(structure(exterieure, null));
        long without = record(new ContributionComiteData(ContributeurComite.DEPARTEMENT, null, null,
                TypeContributionComite.TECHNIQUE, "Appui du service informatique", null, null));

        as(t.porteurEmail(), () -> contributions.decline(withReason, 0, "  Nous avons déjà ce réseau  "));
        as(t.porteurEmail(), () -> contributions.decline(without, 0, null));

        assertThat(read(withReason).statut()).isEqualTo(StatutContributionComite.DECLINEE);
        assertThat(read(withReason).motif()).isEqualTo("Nous avons déjà ce réseau");
        assertThat(read(without).motif()).isNull();
        assertThat(notified(exterieureEmail, NotificationType.REPONSE_CONTRIBUTION_COMITE)).isEqualTo(1);
        assertThat(dsl.fetchCount(NOTIFICATION, NOTIFICATION.TYPE.eq(NotificationType.REPONSE_CONTRIBUTION_COMITE.name())
                .and(NOTIFICATION.TEXTE.contains("Nous avons déjà ce réseau")))).isEqualTo(1);
        assertThat(notified(agent, NotificationType.REPONSE_CONTRIBUTION_COMITE)).as("the Département's: its instructeur")
                .isEqualTo(1);
        fx.logout();
        assertThat(contributions.ofCommun(t.communId())).as("a declined one is not public").isEmpty();
    }

    @Test
    void only_an_administrator_of_a_structure_of_the_groupement_answers() {
        long id = record(structure(exterieure, null));
        String simpleMembre = fx.account(Roles.STRUCTURE, t.porteurStructureId());
        dsl.update(STRUCTURE_MEMBRE).set(STRUCTURE_MEMBRE.ADMINISTRATEUR, false)
                .where(STRUCTURE_MEMBRE.APP_USER_ID.eq(fx.idOf(simpleMembre))).execute();

        for (String email : List.of(simpleMembre, exterieureEmail, organisationEmail)) {
            fx.as(email);
            assertThatThrownBy(() -> contributions.accept(id, 0)).isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("administrateur d'une structure du groupement");
            assertThatThrownBy(() -> contributions.decline(id, 0, null)).isInstanceOf(NotAllowedException.class);
        }
        for (String email : List.of(agent, membreComite)) {
            fx.as(email);
            assertThatThrownBy(() -> contributions.accept(id, 0)).isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("Votre rôle ne permet pas cette action");
        }
        fx.as(t.porteurEmail());
        assertThatThrownBy(() -> contributions.accept(999_999_999L, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("n'existe pas");
        fx.logout();
        assertThat(read(id).statut()).isEqualTo(StatutContributionComite.PROPOSEE);
        assertThat(read(id).version()).isZero();
    }

    @Test
    void an_answered_contribution_cannot_be_answered_again_and_a_stale_version_changes_nothing() {
        long id = record(structure(exterieure, null));
        fx.as(t.porteurEmail());
        assertThatThrownBy(() -> contributions.accept(id, 7)).isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("modifiée entre-temps").hasMessageContaining("Rechargez la page");
        contributions.accept(id, 0);
        assertThatThrownBy(() -> contributions.decline(id, 1, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("n'attend plus de réponse : elle est acceptée");
        assertThatThrownBy(() -> contributions.accept(id, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("n'attend plus de réponse");
        assertThatThrownBy(() -> contributions.decline(id, 1, "x".repeat(1001))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("1000 caractères");
        fx.logout();
        assertThat(read(id).statut()).isEqualTo(StatutContributionComite.ACCEPTEE);
        assertThat(notified(exterieureEmail, NotificationType.REPONSE_CONTRIBUTION_COMITE)).isEqualTo(1);
    }

    @Test
    void two_administrators_accepting_at_the_same_moment_have_one_effect_and_the_other_gets_a_message() throws Exception {
        long id = record(structure(exterieure, null));

        List<Object> outcomes = Fixtures.race(() -> {
            fx.as(t.porteurEmail());
            contributions.accept(id, 0);
            return "ok";
        }, () -> {
            fx.as(t.membreEmail());
            contributions.accept(id, 0);
            return "ok";
        });

        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(ValidationException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ValidationException) e).getMessage())
                        .containsAnyOf("modifiée entre-temps", "n'attend plus de réponse"));
        ContributionComite c = read(id);
        assertThat(c.statut()).isEqualTo(StatutContributionComite.ACCEPTEE);
        assertThat(c.version()).isEqualTo(1);
        assertThat(notified(exterieureEmail, NotificationType.REPONSE_CONTRIBUTION_COMITE)).isEqualTo(1);
    }

    // --- the contributor's follow-up

    @Test
    void the_contributor_or_an_agent_closes_and_nobody_else() {
        long structureId = record(structure(exterieure, null));
        long membreId = record(new ContributionComiteData(ContributeurComite.ORGANISATION_MEMBRE, membreComiteId, null,
                TypeContributionComite.HUMAINE, "Accompagnement juridique", null, null));
        long departementId = record(new ContributionComiteData(ContributeurComite.DEPARTEMENT, null, null,
                TypeContributionComite.MATERIELLE, "Prêt de matériel", null, null));
        as(t.porteurEmail(), () -> {
            contributions.accept(structureId, 0);
            contributions.accept(membreId, 0);
            contributions.accept(departementId, 0);
        });
        String autreComite = fx.account(Roles.COMITE);

        for (String email : List.of(t.porteurEmail(), organisationEmail, membreComite)) {
            fx.as(email);
            assertThatThrownBy(() -> contributions.markDone(structureId, 1)).isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("Seuls les membres de");
        }
        for (String email : List.of(t.porteurEmail(), exterieureEmail, autreComite)) {
            fx.as(email);
            assertThatThrownBy(() -> contributions.abandon(membreId, 1, "Plus possible"))
                    .isInstanceOf(NotAllowedException.class).hasMessageContaining("Seul le membre du comité");
        }
        for (String email : List.of(t.porteurEmail(), exterieureEmail, membreComite)) {
            fx.as(email);
            assertThatThrownBy(() -> contributions.markDone(departementId, 1)).isInstanceOf(NotAllowedException.class)
                    .hasMessageContaining("agents du Département");
        }
        fx.logout();
        assertThatThrownBy(() -> contributions.markDone(structureId, 1)).isInstanceOf(NotAllowedException.class);
        assertThat(read(structureId).statut()).isEqualTo(StatutContributionComite.ACCEPTEE);

        as(membreComite, () -> contributions.markDone(membreId, 1));
        as(agent, () -> contributions.markDone(departementId, 1));
        as(agent, () -> contributions.markDone(structureId, 1));
        assertThat(List.of(read(structureId), read(membreId), read(departementId))).extracting(ContributionComite::statut)
                .containsOnly(StatutContributionComite.REALISEE);

        long viaStructure = record(new ContributionComiteData(ContributeurComite.ORGANISATION_MEMBRE, membreComiteId, null,
                TypeContributionComite.TECHNIQUE, "Un autre appui", null, null));
        as(organisationEmail, () -> contributions.abandon(viaStructure, 0, "Personne de disponible"));
        assertThat(read(viaStructure).statut()).as("the people of the structure the member represents")
                .isEqualTo(StatutContributionComite.ABANDONNEE);
    }

    @Test
    void abandoning_needs_a_reason_and_an_open_contribution_and_tells_the_groupement() {
        long proposee = record(structure(exterieure, null));
        fx.as(exterieureEmail);
        assertThatThrownBy(() -> contributions.markDone(proposee, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("attend encore la réponse du groupement");
        assertThatThrownBy(() -> contributions.abandon(proposee, 0, "  ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("« Motif de l'abandon » est obligatoire");
        assertThatThrownBy(() -> contributions.abandon(proposee, 0, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("« Motif de l'abandon » est obligatoire");
        assertThat(read(proposee).statut()).isEqualTo(StatutContributionComite.PROPOSEE);

        fx.as(exterieureEmail);
        contributions.abandon(proposee, 0, "Notre salarié a quitté la structure");
        fx.logout();
        assertThat(read(proposee).statut()).isEqualTo(StatutContributionComite.ABANDONNEE);
        assertThat(read(proposee).motif()).isEqualTo("Notre salarié a quitté la structure");
        assertThat(notified(t.porteurEmail(), NotificationType.SUIVI_CONTRIBUTION_COMITE)).isEqualTo(1);

        fx.as(exterieureEmail);
        assertThatThrownBy(() -> contributions.abandon(proposee, 1, "Encore")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà abandonnée");
        assertThatThrownBy(() -> contributions.markDone(proposee, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà abandonnée");
        fx.as(t.porteurEmail());
        assertThatThrownBy(() -> contributions.accept(proposee, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("elle est abandonnée");

        long acceptee = record(structure(exterieure, null));
        as(t.porteurEmail(), () -> contributions.accept(acceptee, 0));
        as(exterieureEmail, () -> contributions.markDone(acceptee, 1));
        fx.as(exterieureEmail);
        assertThatThrownBy(() -> contributions.abandon(acceptee, 2, "Trop tard")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà réalisée");
        assertThatThrownBy(() -> contributions.markDone(acceptee, 2)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà réalisée");
        fx.logout();
        assertThat(read(acceptee).statut()).isEqualTo(StatutContributionComite.REALISEE);
    }

    // --- reminders

    @Test
    void a_reminder_goes_once_to_the_contributor_and_the_groupement_after_the_expected_date_and_not_before() {
        LocalDate date = Dates.today().plusDays(3);
        long ouverte = record(structure(exterieure, date));
        long declinee = record(new ContributionComiteData(ContributeurComite.DEPARTEMENT, null, null,
                TypeContributionComite.AUTRE, "Une visite", date, null));
        long sansDate = record(new ContributionComiteData(ContributeurComite.DEPARTEMENT, null, null,
                TypeContributionComite.AUTRE, "Un appui sans date", null, null));
        as(t.porteurEmail(), () -> contributions.decline(declinee, 0, null));

        // Other tests of this class leave contributions too: the assertions look at this test's rows and people.
        contributions.sendReminders(Dates.today());
        contributions.sendReminders(date);
        assertThat(read(ouverte).rappelLe()).as("on the expected day itself: not passed yet").isNull();
        assertThat(notified(exterieureEmail, NotificationType.RAPPEL_CONTRIBUTION_COMITE)).isZero();
        assertThat(notified(t.porteurEmail(), NotificationType.RAPPEL_CONTRIBUTION_COMITE)).isZero();

        assertThat(contributions.sendReminders(date.plusDays(1))).isGreaterThanOrEqualTo(1);
        assertThat(notified(exterieureEmail, NotificationType.RAPPEL_CONTRIBUTION_COMITE)).isEqualTo(1);
        assertThat(notified(t.porteurEmail(), NotificationType.RAPPEL_CONTRIBUTION_COMITE)).isEqualTo(1);
        assertThat(notified(t.contributeurEmail(), NotificationType.RAPPEL_CONTRIBUTION_COMITE)).isEqualTo(1);
        assertThat(dsl.fetchCount(NOTIFICATION, NOTIFICATION.APP_USER_ID.eq(fx.idOf(exterieureEmail))
                .and(NOTIFICATION.TYPE.eq(NotificationType.RAPPEL_CONTRIBUTION_COMITE.name()))
                .and(NOTIFICATION.TEXTE.contains("date prévue")))).isEqualTo(1);
        assertThat(read(ouverte).rappelLe()).isNotNull();
        assertThat(read(ouverte).version()).as("a reminder does not conflict with the people's clicks").isZero();
        assertThat(read(declinee).rappelLe()).as("declined: no reminder").isNull();
        assertThat(read(sansDate).rappelLe()).as("no expected date: no reminder").isNull();
        assertThat(notified(agent, NotificationType.RAPPEL_CONTRIBUTION_COMITE)).isZero();

        contributions.sendReminders(date.plusDays(2));
        contributions.sendReminders(date.plusDays(30));
        assertThat(notified(exterieureEmail, NotificationType.RAPPEL_CONTRIBUTION_COMITE)).as("once").isEqualTo(1);
        assertThat(notified(t.porteurEmail(), NotificationType.RAPPEL_CONTRIBUTION_COMITE)).isEqualTo(1);

        as(t.porteurEmail(), () -> contributions.accept(ouverte, 0));
        assertThat(read(ouverte).statut()).isEqualTo(StatutContributionComite.ACCEPTEE);
    }
}
