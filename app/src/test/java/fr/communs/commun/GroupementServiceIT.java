package fr.communs.commun;

import fr.communs.base.CommunStatut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.contribution.ContributionService;
import fr.communs.contribution.TypeContribution;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.task.TaskNotAvailableException;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Forming a groupement through the real services: consent of each structure, drafts, transmission, races. */
@SpringBootTest
@ActiveProfiles("test")
class GroupementServiceIT {
    @Autowired Fixtures fx;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired DossierVersionService versions;
    @Autowired NotificationService notifications;
    @Autowired ContributionService contributions;
    @Autowired fr.communs.structure.StructureService structures;

    long porteur;
    String porteurEmail;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private String transmitTask(long communId) {
        return fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
    }

    private boolean isMember(long communId, long structureId) {
        fx.as(porteurEmail);
        return communs.membres(communId).stream().anyMatch(m -> m.structure().id() == structureId);
    }

    @Test
    void a_structure_asks_to_join_the_porteur_accepts_and_both_sides_are_notified() {
        long id = fx.deposit(porteurEmail, porteur);
        long candidate = fx.structure(true, "30");
        String candidateEmail = fx.account(Roles.STRUCTURE, candidate);
        fx.as(candidateEmail);
        long demande = groupements.requestToJoin(id, candidate, RoleGroupement.CONTRIBUTEUR, "Nous prêtons une salle.");
        assertThat(groupements.pending(id)).extracting(DemandeGroupement::id).containsExactly(demande);
        assertThat(isMember(id, candidate)).isFalse();

        fx.as(porteurEmail);
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.type() == NotificationType.DEMANDE_ADHESION
                && n.texte().contains("Nous prêtons une salle.") && n.lien().equals("communs/" + id));
        groupements.decideRequest(demande, true, "Bienvenue !");

        MembreGroupement membre = communs.membres(id).stream().filter(m -> m.structure().id() == candidate).findFirst().orElseThrow();
        assertThat(membre.role()).isEqualTo(RoleGroupement.CONTRIBUTEUR);
        assertThat(membre.confirme()).as("the structure chose its role when asking").isTrue();
        assertThat(groupements.pending(id)).isEmpty();
        fx.as(candidateEmail);
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.type() == NotificationType.DECISION_ADHESION
                && n.texte().contains("accepté") && n.texte().contains("Bienvenue !"));
        assertThatThrownBy(() -> groupements.decideRequest(demande, false, null)).isInstanceOf(NotAllowedException.class);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.decideRequest(demande, false, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà été traitée");
    }

    @Test
    void an_invited_structure_accepts_or_declines_and_only_it_can_answer() {
        long id = fx.deposit(porteurEmail, porteur);
        long a = fx.structure(true, "30");
        long b = fx.structure(true, "30");
        String aEmail = fx.account(Roles.STRUCTURE, a);
        String bEmail = fx.account(Roles.STRUCTURE, b);
        fx.as(porteurEmail);
        long invA = groupements.invite(id, a, RoleGroupement.MEMBRE, "Rejoignez-nous");
        long invB = groupements.invite(id, b, RoleGroupement.MEMBRE, null);

        fx.as(bEmail);
        assertThatThrownBy(() -> groupements.answerInvitation(invA, true, null)).isInstanceOf(NotAllowedException.class);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.answerInvitation(invA, true, null)).isInstanceOf(NotAllowedException.class);
        assertThat(isMember(id, a)).isFalse();

        fx.as(aEmail);
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.type() == NotificationType.INVITATION && n.texte().contains("Rejoignez-nous"));
        groupements.answerInvitation(invA, true, null);
        fx.as(bEmail);
        groupements.answerInvitation(invB, false, "Pas cette année");
        assertThat(isMember(id, a)).isTrue();
        assertThat(isMember(id, b)).isFalse();
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.type() == NotificationType.REPONSE_INVITATION
                && n.texte().contains("décliné") && n.texte().contains("Pas cette année"));
    }

    @Test
    void a_structure_cannot_join_twice_nor_have_two_pending_requests() {
        long id = fx.deposit(porteurEmail, porteur);
        long candidate = fx.structure(true, "30");
        String candidateEmail = fx.account(Roles.STRUCTURE, candidate);
        fx.as(candidateEmail);
        groupements.requestToJoin(id, candidate, RoleGroupement.MEMBRE, null);
        assertThatThrownBy(() -> groupements.requestToJoin(id, candidate, RoleGroupement.MEMBRE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a déjà demandé");
        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.invite(id, candidate, RoleGroupement.MEMBRE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a déjà demandé");
        groupements.decideRequest(groupements.pending(id).get(0).id(), true, null);
        fx.as(candidateEmail);
        assertThatThrownBy(() -> groupements.requestToJoin(id, candidate, RoleGroupement.MEMBRE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("fait déjà partie");
        fx.as(porteurEmail);
        assertThat(communs.membres(id)).hasSize(2);
    }

    @Test
    void one_acts_only_for_its_own_structures_and_bad_input_changes_nothing() {
        long id = fx.deposit(porteurEmail, porteur);
        long other = fx.structure(true, "30");
        long candidate = fx.structure(true, "30");
        String otherEmail = fx.account(Roles.STRUCTURE, other);
        fx.as(otherEmail);
        assertThatThrownBy(() -> groupements.requestToJoin(id, candidate, RoleGroupement.MEMBRE, null))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> groupements.requestToJoin(id, other, RoleGroupement.PORTEUR, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("membre ou contributeur");
        assertThatThrownBy(() -> groupements.requestToJoin(id, other, RoleGroupement.MEMBRE, "x".repeat(1001)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1000");
        fx.logout();
        assertThatThrownBy(() -> groupements.requestToJoin(id, other, RoleGroupement.MEMBRE, null))
                .isInstanceOf(NotAllowedException.class);
        fx.as(porteurEmail);
        assertThat(groupements.pending(id)).isEmpty();
        assertThat(communs.membres(id)).hasSize(1);
    }

    @Test
    void a_member_leaves_before_transmission_but_the_porteur_cannot_leave() {
        long id = fx.deposit(porteurEmail, porteur);
        long member = fx.structure(true, "30");
        String memberEmail = fx.join(id, member, RoleGroupement.MEMBRE);
        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.leave(id, porteur)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("porteur administratif ne peut pas quitter");
        assertThatThrownBy(() -> groupements.leave(id, member)).isInstanceOf(NotAllowedException.class);
        fx.as(memberEmail);
        groupements.leave(id, member);
        assertThat(isMember(id, member)).isFalse();
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.type() == NotificationType.DEPART_MEMBRE);
    }

    @Test
    void a_change_of_role_must_be_confirmed_before_transmission() {
        long id = fx.deposit(porteurEmail, porteur);
        long a = fx.structure(true, "30");
        fx.join(id, a, RoleGroupement.MEMBRE);
        long b = fx.structure(true, "30");
        String bEmail = fx.join(id, b, RoleGroupement.MEMBRE);
        assertThat(groupements.eligibility(id).eligible()).isTrue();

        groupements.changeRole(id, b, RoleGroupement.CONTRIBUTEUR);
        Eligibility e = groupements.eligibility(id);
        assertThat(e.eligible()).isFalse();
        assertThat(e.rules().get(3).explication()).contains("En attente de confirmation");
        assertThatThrownBy(() -> groupements.transmit(transmitTask(id))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Participation confirmée");
        assertThatThrownBy(() -> groupements.confirm(id, b)).isInstanceOf(NotAllowedException.class);

        fx.as(bEmail);
        groupements.confirm(id, b);
        assertThatThrownBy(() -> groupements.confirm(id, b)).isInstanceOf(ValidationException.class);
        fx.as(porteurEmail);
        assertThat(groupements.eligibility(id).eligible()).isTrue();
        groupements.transmit(transmitTask(id));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
    }

    @Test
    void the_porteur_hands_its_role_to_a_member_and_the_task_follows() {
        long depositor = fx.structure(false, "30");                         // not ESS: cannot be porteur administratif
        String depositorEmail = fx.account(Roles.STRUCTURE, depositor);
        long id = fx.deposit(depositorEmail, depositor);
        long ess = fx.structure(true, "30");
        String essEmail = fx.join(id, ess, RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        assertThat(groupements.eligibility(id).rules().get(2).ok()).isFalse();

        groupements.designatePorteur(id, ess);
        assertThat(communs.get(id).porteurStructureId()).as("nothing changes before the member accepts").isEqualTo(depositor);
        assertThatThrownBy(() -> groupements.answerPorteurProposal(id, ess, true)).isInstanceOf(NotAllowedException.class);

        fx.as(essEmail);
        groupements.answerPorteurProposal(id, ess, false);
        assertThat(communs.get(id).porteurStructureId()).isEqualTo(depositor);
        assertThatThrownBy(() -> groupements.answerPorteurProposal(id, ess, true)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Aucune proposition");

        fx.as(depositorEmail);
        groupements.designatePorteur(id, ess);
        fx.as(essEmail);
        groupements.answerPorteurProposal(id, ess, true);
        assertThat(communs.get(id).porteurStructureId()).isEqualTo(ess);
        assertThat(groupements.eligibility(id).eligible()).as("the acceptance confirms the new role").isTrue();
        assertThat(communs.membres(id)).filteredOn(m -> m.structure().id() == depositor).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(RoleGroupement.MEMBRE))
                .satisfies(m -> assertThat(m.confirme()).isTrue());

        String taskId = transmitTask(id);
        fx.as(depositorEmail);
        assertThatThrownBy(() -> groupements.transmit(taskId)).isInstanceOf(TaskNotAvailableException.class);
        assertThatThrownBy(() -> groupements.invite(id, fx.structure(true, "30"), RoleGroupement.MEMBRE, null))
                .isInstanceOf(NotAllowedException.class);
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.titre().startsWith("Nouveau porteur administratif"));

        fx.as(essEmail);
        groupements.transmit(taskId);
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
    }

    @Test
    void only_members_see_a_draft_and_publishing_checks_every_field() {
        fx.as(porteurEmail);
        long id = communs.createDraft(porteur, new CommunData("", null, null, null, null, Set.of()));
        assertThat(communs.get(id).brouillon()).isTrue();
        assertThatThrownBy(() -> communs.publish(id)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSizeGreaterThanOrEqualTo(4));
        assertThat(communs.get(id).brouillon()).isTrue();
        assertThatThrownBy(() -> groupements.invite(id, fx.structure(true, "30"), RoleGroupement.MEMBRE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Publiez d'abord");

        String otherEmail = fx.account(Roles.STRUCTURE, fx.structure(true, "30"));
        fx.as(otherEmail);
        assertThat(communs.find(id)).isEmpty();
        assertThatThrownBy(() -> communs.get(id)).isInstanceOf(ValidationException.class);
        fx.logout();
        assertThat(communs.find(id)).isEmpty();
        fx.as(fx.account(Roles.AGENT));
        assertThat(communs.find(id)).isEmpty();
        assertThat(structures.communsOf(porteur)).as("the structure's public page").noneMatch(c -> c.communId() == id);

        fx.as(porteurEmail);
        int version = communs.get(id).version();
        long defi = fx.defi();
        int next = communs.update(id, version, new CommunData("Un titre", "Un résumé", "Un besoin", null, null, Set.of(defi),
                Set.of(Enjeu.CLIMAT), Echelle.VILLAGE, true, false, Set.of("30189"), "Des outils libres"));
        assertThatThrownBy(() -> communs.update(id, version, new CommunData("Autre", null, null, null, null, Set.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("modifié entre-temps");
        communs.publish(id);
        Commun published = communs.get(id);
        assertThat(published.statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(published.publieLe()).isNotNull();
        assertThat(published.version()).isGreaterThan(next);
        assertThat(published.communes()).extracting(c -> c.nom()).containsExactly("Nîmes");
        assertThat(published.enjeux()).containsExactly(Enjeu.CLIMAT);
        assertThat(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT)).isNotNull();
        fx.as(otherEmail);
        assertThat(communs.find(id)).isPresent();
    }

    @Test
    void transmission_freezes_the_file_and_the_file_can_no_longer_be_edited() {
        long id = fx.deposit(porteurEmail, porteur);
        long a = fx.structure(true, "30");
        long b = fx.structure(true, "30");
        String aEmail = fx.join(id, a, RoleGroupement.MEMBRE);
        fx.join(id, b, RoleGroupement.CONTRIBUTEUR);
        contributions.requestContribution(id, TypeContribution.HUMAINE, "Des bénévoles pour le service du midi", null);
        long invited = fx.structure(true, "30");
        String invitedEmail = fx.account(Roles.STRUCTURE, invited);
        fx.as(porteurEmail);
        groupements.invite(id, invited, RoleGroupement.MEMBRE, null);
        Commun before = communs.get(id);
        groupements.transmit(transmitTask(id));

        DossierVersion v1 = versions.latest(id).orElseThrow();
        assertThat(v1.numero()).isEqualTo(1);
        assertThat(v1.motif()).isEqualTo(DossierVersion.Motif.TRANSMISSION);
        assertThat(v1.contenu().titre()).isEqualTo(before.titre());
        assertThat(v1.contenu().besoin()).isEqualTo(before.besoin());
        assertThat(v1.contenu().membres()).extracting(DossierVersion.Membre::structureId).containsExactlyInAnyOrder(porteur, a, b);
        assertThat(v1.contenu().membres()).allMatch(m -> m.confirmeLe() != null);
        assertThat(v1.contenu().demandesContribution()).singleElement().asString()
                .startsWith("Humaine — Des bénévoles pour le service du midi");

        assertThatThrownBy(() -> communs.update(id, communs.get(id).version(), before.data()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("transmis");
        assertThatThrownBy(() -> groupements.invite(id, fx.structure(true, "30"), RoleGroupement.MEMBRE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("transmis");
        fx.as(aEmail);
        assertThatThrownBy(() -> groupements.leave(id, a)).isInstanceOf(ValidationException.class);
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.type() == NotificationType.TRANSMISSION);
        assertThat(versions.versions(id)).hasSize(1);
        fx.as(invitedEmail);
        assertThat(groupements.pending(id)).as("pending invitations are closed").isEmpty();
        assertThat(notifications.mine(0, 10)).anyMatch(n -> n.titre().startsWith("Invitation close")
                && n.texte().contains("transmis au Département"));
        String stranger = fx.account(Roles.STRUCTURE, fx.structure(true, "30"));
        fx.as(stranger);
        assertThatThrownBy(() -> versions.versions(id)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void a_file_is_changed_only_by_its_porteur_and_a_draft_of_another_structure_does_not_exist_for_others() {
        fx.as(porteurEmail);
        long draft = communs.createDraft(porteur, new CommunData("Mon brouillon", null, null, null, null, Set.of()));
        long published = fx.deposit(porteurEmail, porteur);
        CommunData data = new CommunData("Changé", "R", "B", null, null, Set.of(fx.defi()));
        String other = fx.account(Roles.STRUCTURE, fx.structure(true, "30"));
        String agent = fx.account(Roles.AGENT);

        fx.as(other);
        for (var action : List.<Runnable>of(() -> communs.update(draft, 0, data), () -> communs.publish(draft),
                () -> communs.deleteDraft(draft), () -> communs.setCherchePartenaires(draft, false))) {
            assertThatThrownBy(action::run).as("another structure: the draft does not exist for it")
                    .isInstanceOf(ValidationException.class).hasMessage("Ce commun n'existe pas.");
        }
        assertThatThrownBy(() -> communs.update(published, communs.get(published).version(), data))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> communs.setCherchePartenaires(published, false)).isInstanceOf(NotAllowedException.class);
        for (String who : new String[] {agent, null}) {
            if (who == null) {
                fx.logout();
            } else {
                fx.as(who);
            }
            assertThatThrownBy(() -> communs.update(published, 0, data)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> communs.publish(draft)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> communs.createDraft(porteur, data)).isInstanceOf(NotAllowedException.class);
        }

        fx.as(porteurEmail);
        assertThatThrownBy(() -> communs.deleteDraft(published)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ne peut pas être supprimée");
        assertThatThrownBy(() -> communs.update(draft, communs.get(draft).version(), new CommunData("x".repeat(201),
                null, null, null, null, Set.of(), Set.of(), null, false, false, Set.of("99999"), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).hasSize(2)
                        .anyMatch(m -> m.contains("« Titre »")).anyMatch(m -> m.contains("liste officielle")));
        assertThat(communs.get(draft).titre()).isEqualTo("Mon brouillon");
        assertThat(communs.get(published).titre()).isNotEqualTo("Changé");
        assertThat(communs.get(published).cherchePartenaires()).isTrue();
        communs.deleteDraft(draft);
        assertThat(communs.find(draft)).isEmpty();
    }

    @Test
    void only_the_porteur_manages_the_groupement_and_a_member_answers_only_for_itself() {
        long id = fx.deposit(porteurEmail, porteur);
        long a = fx.structure(true, "30");
        String aEmail = fx.join(id, a, RoleGroupement.MEMBRE);
        long b = fx.structure(true, "30");
        String bEmail = fx.account(Roles.STRUCTURE, b);
        fx.as(porteurEmail);
        long invitation = groupements.invite(id, b, RoleGroupement.MEMBRE, null);
        String agent = fx.account(Roles.AGENT);

        for (String who : new String[] {aEmail, agent, null}) {
            if (who == null) {
                fx.logout();
            } else {
                fx.as(who);
            }
            assertThatThrownBy(() -> groupements.changeRole(id, a, RoleGroupement.CONTRIBUTEUR)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> groupements.removeMember(id, a)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> groupements.designatePorteur(id, a)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> groupements.cancelPorteurProposal(id)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> groupements.cancel(invitation)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> groupements.answerInvitation(invitation, true, null)).isInstanceOf(NotAllowedException.class);
        }
        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.changeRole(id, a, RoleGroupement.PORTEUR)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> groupements.changeRole(id, b, RoleGroupement.CONTRIBUTEUR)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ne fait pas partie");
        assertThatThrownBy(() -> groupements.designatePorteur(id, porteur)).isInstanceOf(ValidationException.class);
        fx.as(bEmail);
        assertThatThrownBy(() -> groupements.answerInvitation(invitation, true, "x".repeat(1001)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1000");

        fx.as(porteurEmail);
        assertThat(communs.membres(id)).extracting(m -> m.structure().id()).containsExactly(porteur, a);
        assertThat(communs.membres(id)).allMatch(m -> m.confirme() && !m.porteurPropose());
        assertThat(groupements.pending(id)).extracting(DemandeGroupement::id).containsExactly(invitation);
    }

    @Test
    void an_incomplete_file_cannot_be_transmitted_until_it_is_completed() {
        fx.as(porteurEmail);
        long id = communs.depositIdea(porteur, new CommunData("Titre", "Résumé", "Besoin", null, "Gouvernance",
                Set.of(fx.defi())));
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        Eligibility e = groupements.eligibility(id);
        assertThat(e.rules().get(4).ok()).isFalse();
        assertThat(e.rules().get(4).explication()).contains("caractère d'intérêt général", "productions attendues", "échelle")
                .doesNotContain("gouvernance,");
        assertThatThrownBy(() -> groupements.transmit(transmitTask(id))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Dossier complet");

        Commun c = communs.get(id);
        communs.update(id, c.version(), new CommunData(c.titre(), c.resume(), c.besoin(), "Intérêt général", c.gouvernance(),
                Set.of(fx.defi()), Set.of(), Echelle.DEPARTEMENT, false, false, Set.of(), "Un outil libre"));
        assertThat(groupements.eligibility(id).eligible()).isTrue();
        groupements.transmit(transmitTask(id));
        assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
    }

    @Test
    void two_porteur_members_deciding_the_same_request_at_once_record_one_decision() throws Exception {
        long id = fx.deposit(porteurEmail, porteur);
        String secondPorteur = fx.account(Roles.STRUCTURE, porteur);
        long candidate = fx.structure(true, "30");
        fx.as(fx.account(Roles.STRUCTURE, candidate));
        long demande = groupements.requestToJoin(id, candidate, RoleGroupement.MEMBRE, null);

        List<Object> outcomes = Fixtures.race(
                () -> { fx.as(porteurEmail); groupements.decideRequest(demande, true, null); return "ok"; },
                () -> { fx.as(secondPorteur); groupements.decideRequest(demande, true, null); return "ok"; });
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ValidationException).hasSize(1)
                .allSatisfy(o -> assertThat(((Exception) o).getMessage()).containsAnyOf("déjà été traitée", "fait déjà partie"));
        fx.as(porteurEmail);
        assertThat(communs.membres(id).stream().filter(m -> m.structure().id() == candidate)).hasSize(1);
    }

    @Test
    void a_member_leaving_while_the_porteur_transmits_leaves_a_consistent_file() throws Exception {
        long id = fx.deposit(porteurEmail, porteur);
        long a = fx.structure(true, "30");
        String aEmail = fx.join(id, a, RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        String taskId = transmitTask(id);

        List<Object> outcomes = Fixtures.race(
                () -> { fx.as(porteurEmail); groupements.transmit(taskId); return "transmis"; },
                () -> { fx.as(aEmail); groupements.leave(id, a); return "parti"; });
        fx.as(porteurEmail);
        Commun after = communs.get(id);
        if (outcomes.contains("transmis")) {
            assertThat(outcomes).doesNotContain("parti");
            assertThat(after.statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
            assertThat(communs.membres(id)).hasSize(3);
            assertThat(versions.latest(id).orElseThrow().contenu().membres()).hasSize(3);
        } else {
            assertThat(outcomes).contains("parti");
            assertThat(after.statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
            assertThat(communs.membres(id)).hasSize(2);
            assertThat(versions.versions(id)).isEmpty();
        }
    }

    /** Every size 1–12 at the exact 2/3 boundary and one qualifying structure short of it, through the services. */
    static Stream<Arguments> boundaries() {
        return IntStream.rangeClosed(1, 12).boxed().flatMap(n -> {
            int min = (2 * n + 2) / 3;                                       // smallest q with 3q ≥ 2n
            return Stream.of(Arguments.of(n, min), Arguments.of(n, min - 1)).filter(a -> (int) a.get()[1] >= 1);
        });
    }

    @ParameterizedTest(name = "{0} structures dont {1} ESS dans le Gard")
    @MethodSource("boundaries")
    void transmission_follows_the_eligibility_rules_for_every_size(int n, int q) {
        long id = fx.deposit(porteurEmail, porteur);                        // the porteur qualifies
        for (int i = 1; i < n; i++) {
            long s = i < q ? fx.structure(true, "30") : (i % 2 == 0 ? fx.structure(false, "30") : fx.structure(true, "34"));
            fx.join(id, s, RoleGroupement.MEMBRE);
        }
        boolean expected = n >= 3 && 3 * q >= 2 * n;
        assertThat(groupements.eligibility(id).eligible()).isEqualTo(expected);
        String taskId = transmitTask(id);
        if (expected) {
            groupements.transmit(taskId);
            assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
        } else {
            assertThatThrownBy(() -> groupements.transmit(taskId)).isInstanceOf(ValidationException.class);
            assertThat(communs.get(id).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
            assertThat(versions.versions(id)).isEmpty();
        }
    }
}
