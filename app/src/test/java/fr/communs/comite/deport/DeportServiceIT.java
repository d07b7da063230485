package fr.communs.comite.deport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.membre.College;
import fr.communs.comite.membre.MembreData;
import fr.communs.comite.membre.MembreService;
import fr.communs.contribution.ContributionService;
import fr.communs.contribution.TypeContribution;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.Roles;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recusals of the comité's members: each of the three automatic causes, the declared one, and a member with no link,
 * through the real services (the automatic causes are read from the view {@code comite_deport_v}).
 */
@SpringBootTest
@ActiveProfiles("test")
class DeportServiceIT {
    @Autowired Fixtures fx;
    @Autowired DeportService deports;
    @Autowired MembreService membres;
    @Autowired ContributionService contributions;
    @Autowired StructureService structures;
    @Autowired HistoryService history;
    @Autowired TransactionTemplate tx;

    Fixtures.Transmis t;
    /**
     * A comité member active when the file went to the comité: once the file is on a séance they read it, and once its
     * audition is open ({@link Fixtures#enAudition}) they have its scoring task.
     */
    String auditeur;
    long auditeurId;
    String agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        auditeur = fx.account(Roles.COMITE);
        auditeurId = fx.idOf(auditeur);
        t = fx.transmis();
        agent = fx.recevable(t);
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private String nom(long structureId) {
        return structures.find(structureId).orElseThrow().nom();
    }

    private List<Deport> deportsVusParLAgent() {
        fx.as(agent);
        List<Deport> all = deports.deports(t.communId());
        fx.logout();
        return all;
    }

    private Deport deportDe(long membreId) {
        return deportsVusParLAgent().stream().filter(d -> d.membreId() == membreId).findFirst().orElse(null);
    }

    private boolean estDeporte(long membreId) {
        return Boolean.TRUE.equals(tx.execute(s -> deports.estDeporte(membreId, t.communId())));
    }

    @Test
    void a_member_whose_account_belongs_to_a_structure_of_the_groupement_is_recused_as_groupement() {
        long membreId = fx.idOf(fx.account(Roles.COMITE, t.membreStructureId()));

        Deport d = deportDe(membreId);
        assertThat(d).isNotNull();
        assertThat(d.nomComplet()).startsWith("Personne comite");
        assertThat(d.causes()).containsExactly(new Deport.Cause(CauseDeport.GROUPEMENT, nom(t.membreStructureId())));
        assertThat(d.causesTexte()).isEqualTo("Membre d'une structure du groupement : " + nom(t.membreStructureId()));
        assertThat(estDeporte(membreId)).isTrue();
        java.util.Set<Long> deportes = tx.execute(s -> deports.membresDeportes(t.communId()));
        assertThat(deportes).contains(membreId);
    }

    @Test
    void a_member_linked_to_an_account_of_a_structure_that_offered_a_contribution_is_recused_as_contributeur() {
        long offrante = fx.structure(true, "30");
        String compteOffrante = fx.account(Roles.STRUCTURE, offrante);
        long membreId = fx.idOf(fx.account(Roles.COMITE));
        fx.as(fx.admin());
        membres.lierCompte(membreId, compteOffrante);
        assertThat(estDeporte(membreId)).as("no offer yet: not recused").isFalse();

        fx.as(compteOffrante);
        contributions.offerContribution(t.communId(), offrante, TypeContribution.TECHNIQUE, "Un local et du matériel", null);

        Deport d = deportDe(membreId);
        assertThat(d).isNotNull();
        assertThat(d.causes()).containsExactly(new Deport.Cause(CauseDeport.CONTRIBUTEUR, nom(offrante)));
        assertThat(estDeporte(membreId)).isTrue();
    }

    @Test
    void a_member_representing_a_structure_of_the_groupement_is_recused_as_organisation() {
        long membreId = fx.idOf(fx.account(Roles.COMITE));
        assertThat(estDeporte(membreId)).isFalse();
        fx.as(fx.admin());
        membres.modifier(membreId, membres.membre(membreId).version(),
                new MembreData(College.ACTEUR_ESS, t.porteurStructureId(), null, Dates.today(), null));

        Deport d = deportDe(membreId);
        assertThat(d).isNotNull();
        assertThat(d.causes()).containsExactly(new Deport.Cause(CauseDeport.ORGANISATION, nom(t.porteurStructureId())));
        assertThat(d.declare()).isFalse();
    }

    @Test
    void a_member_declares_a_conflict_once_with_a_reason_and_their_open_scoring_task_is_retired() {
        fx.enAudition(t.communId());
        String tache = fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE).stream()
                .filter(task -> task.getAssignee().equals(String.valueOf(auditeurId))).findFirst().orElseThrow().getId();
        fx.as(auditeur);
        assertThat(deports.peutDeclarer(t.communId())).isTrue();
        assertThat(deports.monDeport(t.communId())).isEmpty();

        assertThatThrownBy(() -> deports.declarer(t.communId(), "   ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("« Motif du déport » est obligatoire");
        assertThatThrownBy(() -> deports.declarer(t.communId(), "x".repeat(DeportService.MOTIF_MAX + 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ne doit pas dépasser 1000 caractères");
        assertThat(estDeporte(auditeurId)).as("refused: nothing recorded").isFalse();

        fx.as(auditeur);
        deports.declarer(t.communId(), "  Je suis bénévole dans une structure du groupement.  ");
        fx.runJobs(t.communId());

        assertThat(estDeporte(auditeurId)).isTrue();
        fx.as(auditeur);
        Deport mien = deports.monDeport(t.communId()).orElseThrow();
        assertThat(mien.causes()).containsExactly(
                new Deport.Cause(CauseDeport.DECLARE, "Je suis bénévole dans une structure du groupement."));
        assertThat(mien.declare()).isTrue();
        assertThat(deports.peutDeclarer(t.communId())).isFalse();
        assertThatThrownBy(() -> deports.declarer(t.communId(), "Une seconde fois"))
                .isInstanceOf(ValidationException.class).hasMessage("Vous vous êtes déjà déporté(e) de ce dossier.");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> deports.requireNonDeporte(t.communId())))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("Vous êtes déporté(e) de ce dossier");

        assertThat(fx.tasks(t.communId(), CycleCommunProcess.TASK_NOTER_SEANCE)).extracting(task -> task.getId())
                .doesNotContain(tache);
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(tache)
                .variableName(CycleCommunProcess.VAR_NOTATION_RETIREE).singleResult().getValue()).isEqualTo(true);
        assertThat(deportDe(auditeurId).causesTexte())
                .isEqualTo("Déport déclaré par le membre : Je suis bénévole dans une structure du groupement.");
    }

    @Test
    void a_member_recused_automatically_is_told_so_rather_than_declaring() {
        String membre = fx.account(Roles.COMITE, t.membreStructureId());
        fx.as(membre);
        assertThat(deports.monDeport(t.communId())).map(Deport::causesTexte)
                .contains("Membre d'une structure du groupement : " + nom(t.membreStructureId()));
        assertThat(deports.peutDeclarer(t.communId())).isFalse();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> deports.requireNonDeporte(t.communId())))
                .isInstanceOf(NotAllowedException.class).hasMessage(DeportService.DEPORTE);
    }

    @Test
    void a_member_with_no_link_to_the_file_is_not_recused() {
        long structureSansLien = fx.structure(true, "30");
        String libre = fx.account(Roles.COMITE, structureSansLien);
        long libreId = fx.idOf(libre);
        fx.as(fx.admin());
        membres.modifier(libreId, membres.membre(libreId).version(),
                new MembreData(College.ELU, null, "Conseil départemental", Dates.today(), null));

        assertThat(estDeporte(libreId)).isFalse();
        assertThat(deportDe(libreId)).isNull();
        assertThat(deportsVusParLAgent()).extracting(Deport::membreId).doesNotContain(libreId, auditeurId);
        fx.as(libre);
        assertThat(deports.monDeport(t.communId())).isEmpty();
        tx.executeWithoutResult(s -> deports.requireNonDeporte(t.communId()));
        fx.as(agent);
        tx.executeWithoutResult(s -> deports.requireNonDeporte(t.communId()));
    }

    @Test
    void an_agent_or_a_structure_cannot_recuse_themselves_nor_can_an_inactive_member() {
        fx.as(agent);
        assertThat(deports.peutDeclarer(t.communId())).isFalse();
        assertThatThrownBy(() -> deports.declarer(t.communId(), "Je connais le porteur"))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("Seuls les membres du comité");
        fx.as(t.porteurEmail());
        assertThatThrownBy(() -> deports.declarer(t.communId(), "Je connais le porteur"))
                .isInstanceOf(NotAllowedException.class);

        fx.as(fx.admin());
        membres.desactiver(auditeurId, membres.membre(auditeurId).version());
        fx.as(auditeur);
        assertThat(deports.peutDeclarer(t.communId())).isFalse();
        assertThatThrownBy(() -> deports.declarer(t.communId(), "Je connais le porteur"))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("membre actif du comité");
        assertThat(estDeporte(auditeurId)).isFalse();
    }

    @Test
    void a_member_who_cannot_read_the_file_cannot_declare_on_it_and_only_the_back_office_and_comite_see_recusals() {
        // The file waits for a séance: it is on none yet, so no comité member reads it.
        String tardif = fx.account(Roles.COMITE);
        fx.as(tardif);
        assertThat(deports.peutDeclarer(t.communId())).isFalse();
        assertThatThrownBy(() -> deports.declarer(t.communId(), "Je connais le porteur"))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> deports.deports(t.communId())).isInstanceOf(NotAllowedException.class);
        fx.as(auditeur);
        assertThatThrownBy(() -> deports.deports(t.communId())).isInstanceOf(NotAllowedException.class);
        fx.logout();
        assertThat(estDeporte(fx.idOf(tardif))).as("refused: nothing recorded").isFalse();

        fx.seance(t.communId());
        fx.as(auditeur);
        assertThat(deports.deports(t.communId())).isNotNull();
        fx.as(fx.admin());
        assertThat(deports.deports(t.communId())).isNotNull();
        fx.as(t.porteurEmail());
        assertThatThrownBy(() -> deports.deports(t.communId())).isInstanceOf(NotAllowedException.class);
        fx.as(agent);
        assertThatThrownBy(() -> deports.deports(987_654_321L)).isInstanceOf(ValidationException.class)
                .hasMessage("Ce dossier n'existe pas.");
    }
}
