package fr.communs.contribution;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONTRIBUTION;
import static fr.communs.db.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.CommunStatut;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.notification.Notification;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Needs of contribution and offers of other structures, through the real services on embedded PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class ContributionServiceIT {
    @Autowired Fixtures fx;
    @Autowired ContributionService contributions;
    @Autowired NotificationService notifications;
    @Autowired DSLContext dsl;
    @Autowired fr.communs.structure.StructureService structures;

    long porteur;
    String porteurEmail;
    String porteurEmail2;
    long autre;
    String autreEmail;
    long tiers;
    String tiersEmail;
    long commun;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        porteurEmail2 = fx.account(Roles.STRUCTURE, porteur);
        autre = fx.structure(true, "30");
        autreEmail = fx.account(Roles.STRUCTURE, autre);
        tiers = fx.structure(false, "34");
        tiersEmail = fx.account(Roles.STRUCTURE, tiers);
        commun = fx.deposit(porteurEmail, porteur);
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private int rows() {
        return dsl.fetchCount(CONTRIBUTION, CONTRIBUTION.COMMUN_ID.eq(commun));
    }

    private StatutContribution statut(long contributionId) {
        return StatutContribution.valueOf(dsl.select(CONTRIBUTION.STATUT).from(CONTRIBUTION)
                .where(CONTRIBUTION.CONTRIBUTION_ID.eq(contributionId)).fetchOne().value1());
    }

    /** Puts the commun in a later state of the cycle (the steps themselves are tested in CycleServicesIT). */
    private void setStatut(CommunStatut statut) {
        dsl.update(COMMUN).set(COMMUN.STATUT, statut.name()).where(COMMUN.COMMUN_ID.eq(commun)).execute();
    }

    private int unread(String email) {
        fx.as(email);
        try {
            return notifications.unreadCount();
        } finally {
            fx.logout();
        }
    }

    private int decisionsReceived(String email) {
        AppUser user = fx.as(email);
        fx.logout();
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.APP_USER_ID.eq(user.id())
                .and(NOTIFICATION.TYPE.eq(NotificationType.DECISION_CONTRIBUTION.name())));
    }

    private long offer(TypeContribution type) {
        fx.as(autreEmail);
        long id = contributions.offerContribution(commun, autre, type, "Deux jours par mois de notre animatrice.", null);
        fx.logout();
        return id;
    }

    // --- needs

    @Test
    void the_porteur_publishes_needs_that_everyone_can_read() {
        fx.as(porteurEmail);
        long financiere = contributions.requestContribution(commun, TypeContribution.FINANCIERE,
                "  Achat d'un four à pain  ", new BigDecimal("1500.5"));
        long humaine = contributions.requestContribution(commun, TypeContribution.HUMAINE, "Bénévoles pour les ateliers", null);
        fx.logout();

        List<Contribution> demandes = contributions.demandes(commun);
        assertThat(demandes).extracting(Contribution::id).containsExactly(financiere, humaine);
        Contribution first = demandes.get(0);
        assertThat(first.sens()).isEqualTo(SensContribution.DEMANDE);
        assertThat(first.description()).isEqualTo("Achat d'un four à pain");
        assertThat(first.montant()).isEqualByComparingTo("1500.50");
        assertThat(first.montantEuros()).isEqualTo("1\u202f500,50\u00a0€");
        assertThat(first.statut()).isEqualTo(StatutContribution.OUVERTE);
        assertThat(demandes.get(1).montant()).isNull();
    }

    @Test
    void bad_needs_are_refused_with_french_messages_and_change_nothing() {
        fx.as(porteurEmail);
        int before = rows();
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.FINANCIERE, "Un four", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Montant » est obligatoire");
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.FINANCIERE, "Un four", BigDecimal.ZERO))
                .isInstanceOf(ValidationException.class).hasMessageContaining("supérieur à 0");
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.FINANCIERE, "Un four", new BigDecimal("-5")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("supérieur à 0");
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.FINANCIERE, "Un four", new BigDecimal("10000000.01")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("10 000 000 €");
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.FINANCIERE, "Un four", new BigDecimal("12.345")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deux décimales");
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.TECHNIQUE, "Un site web", new BigDecimal("100")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("laissez-le vide");
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.HUMAINE, "   ", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Description » est obligatoire");
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.HUMAINE, "x".repeat(2001), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2000 caractères");
        assertThatThrownBy(() -> contributions.requestContribution(commun, null, "Quelque chose", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Type de contribution » est obligatoire");
        assertThat(rows()).isEqualTo(before);

        contributions.requestContribution(commun, TypeContribution.FINANCIERE, "Le maximum", new BigDecimal("10000000.00"));
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    void only_a_member_of_the_porteur_structure_may_publish_close_or_delete_a_need() {
        fx.as(porteurEmail);
        long besoin = contributions.requestContribution(commun, TypeContribution.MATERIELLE, "Des tables", null);
        int before = rows();

        fx.as(autreEmail);
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.MATERIELLE, "Des chaises", null))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> contributions.closeRequest(besoin)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> contributions.deleteRequest(besoin)).isInstanceOf(NotAllowedException.class);
        fx.logout();
        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.MATERIELLE, "Des chaises", null))
                .isInstanceOf(NotAllowedException.class);

        assertThat(rows()).isEqualTo(before);
        assertThat(statut(besoin)).isEqualTo(StatutContribution.OUVERTE);
    }

    @Test
    void a_need_is_marked_as_filled_once_and_can_be_deleted() {
        fx.as(porteurEmail);
        long besoin = contributions.requestContribution(commun, TypeContribution.HUMAINE, "Un comptable bénévole", null);
        long autreBesoin = contributions.requestContribution(commun, TypeContribution.AUTRE, "Un local", null);

        fx.as(porteurEmail2);
        contributions.closeRequest(besoin);
        assertThat(statut(besoin)).isEqualTo(StatutContribution.POURVUE);
        assertThatThrownBy(() -> contributions.closeRequest(besoin))
                .isInstanceOf(ValidationException.class).hasMessageContaining("déjà marqué comme pourvu");

        contributions.deleteRequest(autreBesoin);
        assertThat(contributions.demandes(commun)).extracting(Contribution::id).containsExactly(besoin);
        assertThatThrownBy(() -> contributions.deleteRequest(autreBesoin)).isInstanceOf(ValidationException.class);
    }

    @Test
    void once_the_file_is_transmitted_needs_can_no_longer_be_added_or_deleted_but_can_be_filled() {
        fx.as(porteurEmail);
        long besoin = contributions.requestContribution(commun, TypeContribution.HUMAINE, "Un comptable bénévole", null);
        setStatut(CommunStatut.EN_INSTRUCTION);
        int before = rows();

        assertThatThrownBy(() -> contributions.requestContribution(commun, TypeContribution.HUMAINE, "Un graphiste", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a été transmis");
        assertThatThrownBy(() -> contributions.deleteRequest(besoin))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a été transmis");
        assertThat(rows()).isEqualTo(before);

        contributions.closeRequest(besoin);
        assertThat(statut(besoin)).isEqualTo(StatutContribution.POURVUE);
    }

    // --- offers

    @Test
    void an_offer_is_recorded_as_proposed_and_notifies_the_members_of_the_porteur_structure() {
        int porteurBefore = unread(porteurEmail);
        int porteur2Before = unread(porteurEmail2);
        int tiersBefore = unread(tiersEmail);

        fx.as(autreEmail);
        long id = contributions.offerContribution(commun, autre, TypeContribution.FINANCIERE, "Un don de la fondation",
                new BigDecimal("2500"));
        fx.logout();

        assertThat(statut(id)).isEqualTo(StatutContribution.PROPOSEE);
        assertThat(unread(porteurEmail)).isEqualTo(porteurBefore + 1);
        assertThat(unread(porteurEmail2)).isEqualTo(porteur2Before + 1);
        assertThat(unread(tiersEmail)).isEqualTo(tiersBefore);
        fx.as(porteurEmail);
        Notification n = notifications.mine(0, 1).get(0);
        assertThat(n.type()).isEqualTo(NotificationType.OFFRE_CONTRIBUTION);
        assertThat(n.titre()).isEqualTo("Nouvelle proposition de contribution");
        assertThat(n.texte()).contains("propose une contribution financière").contains("Commun ");
        assertThat(n.lien()).isEqualTo("communs/" + commun);
    }

    @Test
    void offers_are_refused_when_the_rules_are_not_met_and_nothing_is_recorded() {
        int before = rows();
        fx.as(autreEmail);
        assertThatThrownBy(() -> contributions.offerContribution(commun, tiers, TypeContribution.HUMAINE, "Du temps", null))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("dont vous êtes membre");
        assertThatThrownBy(() -> contributions.offerContribution(commun, autre, TypeContribution.HUMAINE, " ", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("« Description » est obligatoire");
        assertThatThrownBy(() -> contributions.offerContribution(commun, autre, TypeContribution.HUMAINE, "Du temps", BigDecimal.TEN))
                .isInstanceOf(ValidationException.class).hasMessageContaining("laissez-le vide");
        assertThatThrownBy(() -> contributions.offerContribution(commun, autre, TypeContribution.FINANCIERE, "Un don", new BigDecimal("0.001")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deux décimales");
        assertThatThrownBy(() -> contributions.offerContribution(commun, autre, TypeContribution.FINANCIERE, "Un don", new BigDecimal("20000000")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("10 000 000 €");

        fx.as(porteurEmail);
        assertThatThrownBy(() -> contributions.offerContribution(commun, porteur, TypeContribution.HUMAINE, "Du temps", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Votre structure porte ce commun");

        setStatut(CommunStatut.DEPOT_CLOS);
        fx.as(autreEmail);
        assertThatThrownBy(() -> contributions.offerContribution(commun, autre, TypeContribution.HUMAINE, "Du temps", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("il ne reçoit plus de propositions");

        setStatut(CommunStatut.BROUILLON);
        assertThatThrownBy(() -> contributions.offerContribution(commun, autre, TypeContribution.HUMAINE, "Du temps", null))
                .isInstanceOf(ValidationException.class);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_structure_cannot_have_two_pending_offers_of_the_same_type_on_a_commun() {
        long first = offer(TypeContribution.HUMAINE);
        fx.as(autreEmail);
        int before = rows();
        assertThatThrownBy(() -> contributions.offerContribution(commun, autre, TypeContribution.HUMAINE, "Encore du temps", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("déjà proposé une contribution humaine");
        assertThat(rows()).isEqualTo(before);

        // another type is fine, and so is the same type once the first offer is withdrawn
        contributions.offerContribution(commun, autre, TypeContribution.FINANCIERE, "Un don, montant à définir", null);
        contributions.withdrawOffer(first);
        contributions.offerContribution(commun, autre, TypeContribution.HUMAINE, "Encore du temps", null);
        assertThat(rows()).isEqualTo(before + 2);
    }

    @Test
    void the_porteur_accepts_an_offer_once_and_the_offering_structure_is_notified() {
        long id = offer(TypeContribution.TECHNIQUE);
        int received = decisionsReceived(autreEmail);

        fx.as(autreEmail);
        assertThatThrownBy(() -> contributions.decideOffer(id, true)).isInstanceOf(NotAllowedException.class);
        fx.as(tiersEmail);
        assertThatThrownBy(() -> contributions.decideOffer(id, true)).isInstanceOf(NotAllowedException.class);
        assertThat(statut(id)).isEqualTo(StatutContribution.PROPOSEE);

        fx.as(porteurEmail);
        contributions.decideOffer(id, true);
        assertThat(statut(id)).isEqualTo(StatutContribution.ACCEPTEE);
        assertThatThrownBy(() -> contributions.decideOffer(id, false))
                .isInstanceOf(ValidationException.class).hasMessage("Cette proposition a déjà été traitée.");
        assertThat(statut(id)).isEqualTo(StatutContribution.ACCEPTEE);
        assertThat(decisionsReceived(autreEmail)).isEqualTo(received + 1);
        assertThat(structures.contributionsOf(autre)).as("shown on the structure's public page")
                .anyMatch(c -> c.type().equals("Technique"));

        fx.as(autreEmail);
        assertThat(notifications.mine(0, 1).get(0).titre()).isEqualTo("Proposition de contribution acceptée");
        assertThatThrownBy(() -> contributions.withdrawOffer(id))
                .isInstanceOf(ValidationException.class).hasMessageContaining("déjà été traitée");
    }

    @Test
    void two_porteur_members_deciding_at_once_record_a_single_decision() throws Exception {
        long id = offer(TypeContribution.MATERIELLE);
        int received = decisionsReceived(autreEmail);
        List<Object> outcomes = Fixtures.race(() -> {
            fx.as(porteurEmail);
            contributions.decideOffer(id, true);
            return true;
        }, () -> {
            fx.as(porteurEmail2);
            contributions.decideOffer(id, false);
            return false;
        });

        assertThat(outcomes).hasSize(2);
        List<Object> successes = outcomes.stream().filter(o -> o instanceof Boolean).toList();
        List<Object> failures = outcomes.stream().filter(o -> o instanceof Exception).toList();
        assertThat(successes).hasSize(1);
        assertThat(failures).singleElement().isInstanceOf(ValidationException.class)
                .extracting(o -> ((Exception) o).getMessage()).isEqualTo("Cette proposition a déjà été traitée.");
        boolean accepted = (Boolean) successes.get(0);
        assertThat(statut(id)).isEqualTo(accepted ? StatutContribution.ACCEPTEE : StatutContribution.REFUSEE);
        assertThat(decisionsReceived(autreEmail)).isEqualTo(received + 1);
    }

    @Test
    void pending_and_refused_offers_are_seen_only_by_the_porteur_and_the_offering_structure() {
        long acceptee = offer(TypeContribution.HUMAINE);
        long refusee = offer(TypeContribution.TECHNIQUE);
        long proposee = offer(TypeContribution.AUTRE);
        fx.as(porteurEmail);
        contributions.decideOffer(acceptee, true);
        contributions.decideOffer(refusee, false);

        assertThat(contributions.offres(commun)).extracting(Contribution::id).containsExactly(acceptee, refusee, proposee);
        fx.as(autreEmail);
        assertThat(contributions.offres(commun)).extracting(Contribution::id).containsExactly(acceptee, refusee, proposee);
        fx.as(tiersEmail);
        assertThat(contributions.offres(commun)).extracting(Contribution::id).containsExactly(acceptee);
        fx.logout();
        assertThat(contributions.offres(commun)).extracting(Contribution::id).containsExactly(acceptee);
        Contribution contributeur = contributions.contributeurs(commun).get(0);
        assertThat(contributeur.structureId()).isEqualTo(autre);
        assertThat(contributeur.structureNom()).startsWith("Structure ");
        assertThat(contributeur.statut()).isEqualTo(StatutContribution.ACCEPTEE);
    }

    @Test
    void only_the_offering_structure_withdraws_its_pending_offer() {
        long id = offer(TypeContribution.HUMAINE);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> contributions.withdrawOffer(id)).isInstanceOf(NotAllowedException.class);
        fx.as(tiersEmail);
        assertThatThrownBy(() -> contributions.withdrawOffer(id)).isInstanceOf(NotAllowedException.class);
        assertThat(statut(id)).isEqualTo(StatutContribution.PROPOSEE);

        fx.as(autreEmail);
        contributions.withdrawOffer(id);
        assertThat(statut(id)).isEqualTo(StatutContribution.RETIREE);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> contributions.decideOffer(id, true))
                .isInstanceOf(ValidationException.class).hasMessage("Cette proposition a déjà été traitée.");
    }

    @Test
    void a_need_is_not_an_offer_and_an_offer_is_not_a_need() {
        fx.as(porteurEmail);
        long besoin = contributions.requestContribution(commun, TypeContribution.HUMAINE, "Des bras", null);
        long offre = offer(TypeContribution.HUMAINE);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> contributions.decideOffer(besoin, true)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> contributions.closeRequest(offre)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> contributions.deleteRequest(offre)).isInstanceOf(ValidationException.class);
        assertThat(statut(besoin)).isEqualTo(StatutContribution.OUVERTE);
        assertThat(statut(offre)).isEqualTo(StatutContribution.PROPOSEE);
    }
}
