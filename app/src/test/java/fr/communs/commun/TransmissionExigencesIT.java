package fr.communs.commun;

import fr.communs.base.CommunStatut;
import static fr.communs.db.Tables.COMMUN_VERSION;
import static fr.communs.db.Tables.STRUCTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.budget.LigneBudget;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.Exigence;
import fr.communs.campagne.ExigenceService;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.Echantillons;
import fr.communs.piece.PieceJointeService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the file needs beyond the groupement before it can be transmitted: the attachments and the budget the campagne
 * requires, and a porteur administratif with a SIRET. The eligibility panel says what is missing; the transmission is
 * refused (nothing changed) until it is there.
 */
@SpringBootTest
@ActiveProfiles("test")
class TransmissionExigencesIT {
    @Autowired Fixtures fx;
    @Autowired GroupementService groupements;
    @Autowired CommunService communs;
    @Autowired ExigenceService exigences;
    @Autowired CampagneService campagnes;
    @Autowired PieceJointeService pieces;
    @Autowired BudgetService budgets;
    @Autowired DSLContext dsl;

    long campagneId;
    long porteur;
    String porteurEmail;
    long membre;
    String membreEmail;
    long communId;

    @BeforeEach
    void setUp() {
        fx.campagne();
        campagneId = campagnes.current().orElseThrow().id();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        communId = fx.deposit(porteurEmail, porteur);
        membre = fx.structure(true, "30");
        membreEmail = fx.join(communId, membre, RoleGroupement.MEMBRE);
        fx.join(communId, fx.structure(true, "30"), RoleGroupement.CONTRIBUTEUR);
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        // The test campagne is shared by every test of this Spring context: it requires nothing by default.
        fx.asSystemAdministrator(() -> {
            exigences.update(campagneId, Set.of());
            return null;
        });
        fx.logout();
    }

    private void exiger(Exigence... choisies) {
        fx.asSystemAdministrator(() -> {
            exigences.update(campagneId, Set.of(choisies));
            return null;
        });
    }

    private Eligibility.Rule rule(String libelle) {
        return groupements.eligibility(communId).rules().stream().filter(r -> r.libelle().equals(libelle)).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de règle « " + libelle + " »"));
    }

    private String task() {
        return fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId();
    }

    private void assertNotTransmitted() {
        assertThat(communs.get(communId).statut()).isEqualTo(CommunStatut.EN_CONSTITUTION);
        assertThat(dsl.fetchCount(COMMUN_VERSION, COMMUN_VERSION.COMMUN_ID.eq(communId))).isZero();
        assertThat(fx.task(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT)).isNotNull();
    }

    private void deposer(long structureId, CategoriePiece categorie) {
        pieces.upload(communId, structureId, categorie, categorie.name().toLowerCase() + ".pdf",
                new ByteArrayInputStream(Echantillons.pdf(categorie.libelle())));
    }

    @Test
    void a_campagne_requiring_nothing_adds_no_rule_and_the_file_is_transmitted_as_before() {
        assertThat(exigences.exigences(campagneId)).isEmpty();
        assertThat(groupements.eligibility(communId).rules()).extracting(Eligibility.Rule::libelle)
                .doesNotContain("Pièces exigées par l'appel", "Montant demandé et budget prévisionnel");
        assertThat(groupements.eligibility(communId).eligible()).isTrue();
    }

    @Test
    void missing_required_attachments_turn_the_rule_red_and_block_the_transmission_until_they_are_deposited() {
        exiger(Exigence.STATUTS_PORTEUR, Exigence.BUDGET_PIECE);
        Eligibility.Rule avant = rule("Pièces exigées par l'appel");
        assertThat(avant.ok()).isFalse();
        assertThat(avant.explication()).contains("les statuts du porteur administratif")
                .contains("le budget prévisionnel détaillé");
        assertThat(groupements.eligibility(communId).eligible()).isFalse();

        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.transmit(task())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Pièces exigées par l'appel").hasMessageContaining("les statuts du porteur administratif");
        assertNotTransmitted();

        // Statuts deposited for a member do not count for the porteur; the budget document from any member does.
        fx.as(membreEmail);
        deposer(membre, CategoriePiece.STATUTS);
        deposer(membre, CategoriePiece.BUDGET);
        assertThat(rule("Pièces exigées par l'appel").ok()).isFalse();
        assertThat(rule("Pièces exigées par l'appel").explication()).doesNotContain("budget prévisionnel détaillé");
        fx.as(porteurEmail);
        deposer(porteur, CategoriePiece.STATUTS);
        assertThat(rule("Pièces exigées par l'appel").ok()).isTrue();
        assertThat(groupements.eligibility(communId).eligible()).isTrue();

        groupements.transmit(task());
        assertThat(communs.get(communId).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
    }

    @Test
    void a_lettre_d_engagement_is_required_from_each_structure_other_than_the_porteur() {
        exiger(Exigence.LETTRES_ENGAGEMENT);
        fx.as(membreEmail);
        deposer(membre, CategoriePiece.LETTRE_ENGAGEMENT);
        Eligibility.Rule r = rule("Pièces exigées par l'appel");
        assertThat(r.ok()).isFalse();
        assertThat(r.explication()).contains("une lettre d'engagement au nom de « Structure")
                .doesNotContain(structureNom(membre)).doesNotContain(structureNom(porteur));
    }

    private String structureNom(long id) {
        return dsl.select(STRUCTURE.NOM).from(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.eq(id)).fetchOne().value1();
    }

    @Test
    void a_required_budget_blocks_the_transmission_until_a_balanced_one_is_saved() {
        exiger(Exigence.BUDGET_SAISI);
        assertThat(rule("Montant demandé et budget prévisionnel").ok()).isFalse();
        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.transmit(task())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Montant demandé et budget prévisionnel");
        assertNotTransmitted();

        budgets.save(communId, 0, new Budget(new BigDecimal("4000"),
                List.of(new LigneBudget("Animation", new BigDecimal("10000"))),
                List.of(new LigneBudget("Autofinancement", new BigDecimal("6000")))));
        Eligibility.Rule r = rule("Montant demandé et budget prévisionnel");
        assertThat(r.ok()).isTrue();
        assertThat(r.explication()).contains("40 % des dépenses");
        groupements.transmit(task());
        assertThat(communs.get(communId).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
    }

    @Test
    void a_porteur_without_a_siret_cannot_transmit_until_its_record_has_one() {
        String siret = dsl.select(STRUCTURE.SIRET).from(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.eq(porteur)).fetchOne().value1();
        dsl.update(STRUCTURE).setNull(STRUCTURE.SIRET).where(STRUCTURE.STRUCTURE_ID.eq(porteur)).execute();
        Eligibility.Rule sans = rule("SIRET du porteur administratif");
        assertThat(sans.ok()).isFalse();
        assertThat(sans.explication()).contains("n'a pas de SIRET").contains("reçoit la subvention");

        fx.as(porteurEmail);
        assertThatThrownBy(() -> groupements.transmit(task())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("SIRET du porteur administratif");
        assertNotTransmitted();

        dsl.update(STRUCTURE).set(STRUCTURE.SIRET, siret).where(STRUCTURE.STRUCTURE_ID.eq(porteur)).execute();
        assertThat(rule("SIRET du porteur administratif").ok()).isTrue();
        groupements.transmit(task());
        assertThat(communs.get(communId).statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
    }

    @Test
    void only_an_administrator_chooses_what_the_campagne_requires() {
        fx.as(porteurEmail);
        assertThatThrownBy(() -> exigences.update(campagneId, EnumSet.of(Exigence.STATUTS_PORTEUR)))
                .isInstanceOf(NotAllowedException.class);
        fx.as(fx.account(Roles.AGENT));
        assertThatThrownBy(() -> exigences.update(campagneId, EnumSet.of(Exigence.STATUTS_PORTEUR)))
                .isInstanceOf(NotAllowedException.class);
        assertThat(exigences.exigences(campagneId)).isEmpty();
        fx.as(fx.admin());
        exigences.update(campagneId, EnumSet.of(Exigence.STATUTS_PORTEUR, Exigence.BUDGET_SAISI));
        assertThat(exigences.exigences(campagneId)).containsExactlyInAnyOrder(Exigence.STATUTS_PORTEUR, Exigence.BUDGET_SAISI);
        assertThatThrownBy(() -> exigences.update(-1, EnumSet.of(Exigence.STATUTS_PORTEUR)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("n'existe pas");
    }
}
