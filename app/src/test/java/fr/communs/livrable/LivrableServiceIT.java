package fr.communs.livrable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.base.NotAllowedException;
import fr.communs.commun.CommunService;
import fr.communs.instruction.InstructionService;
import fr.communs.notification.NotificationType;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.Notified;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Depositing the livrable tells the agents; the livrable is public, the retour d'expérience is not. */
@SpringBootTest
@ActiveProfiles("test")
class LivrableServiceIT {
    @Autowired Fixtures fx;
    @Autowired Notified notified;
    @Autowired AssembleeService assemblee;
    @Autowired LivrableService livrables;
    @Autowired InstructionService instructions;
    @Autowired CommunService communs;

    Fixtures.Transmis t;
    String agent;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis();
        agent = fx.aLAssemblee(t, new BigDecimal("12000"));
        fx.as(agent);
        assemblee.recordVote(fx.task(t.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal("12000"), LocalDate.of(2026, 3, 12)));
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private void deposit() {
        fx.as(t.porteurEmail());
        livrables.deposit(fx.task(t.communId(), CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId(),
                new LivrableData(" Guide de la coopération ", "https://exemple.org/guide", "Un guide pas à pas.",
                        "La constitution du groupement a pris trois mois."));
        fx.logout();
    }

    @Test
    void the_instructeur_alone_is_told_when_the_livrable_is_deposited_with_the_link_to_the_file() {
        String autreAgent = fx.account(Roles.AGENT);
        deposit();
        String titre = communs.get(t.communId()).titre();

        String lien = "dossiers/" + t.communId();
        assertThat(notified.of(agent, NotificationType.LIVRABLE_DEPOSE, lien)).singleElement().satisfies(n -> {
            assertThat(n.getTitre()).isEqualTo("Livrable déposé : « " + titre + " »");
            assertThat(n.getTexte()).isEqualTo("Le groupement du commun « " + titre + " » a déposé son livrable "
                    + "« Guide de la coopération » et son retour d'expérience : le cycle de ce dossier est terminé.");
        });
        assertThat(notified.mails(agent, "[Communs] Livrable déposé : « " + titre + " »")).singleElement()
                .satisfies(m -> assertThat(m.getTexte()).contains("/" + lien));
        assertThat(notified.of(autreAgent, NotificationType.LIVRABLE_DEPOSE, lien)).isEmpty();
        assertThat(notified.of(t.porteurEmail(), NotificationType.LIVRABLE_DEPOSE, lien)).isEmpty();
    }

    @Test
    void every_agent_is_told_of_the_livrable_when_the_file_has_no_instructeur() {
        fx.as(agent);
        instructions.release(t.communId());
        String autreAgent = fx.account(Roles.AGENT);
        deposit();

        assertThat(notified.of(agent, NotificationType.LIVRABLE_DEPOSE, "dossiers/" + t.communId())).hasSize(1);
        assertThat(notified.of(autreAgent, NotificationType.LIVRABLE_DEPOSE, "dossiers/" + t.communId())).hasSize(1);
    }

    @Test
    void anyone_reads_the_livrable_but_only_agents_and_the_groupement_read_the_retour_d_experience() {
        assertThat(livrables.publicView(t.communId())).isEmpty();
        deposit();

        assertThat(livrables.publicView(t.communId())).hasValueSatisfying(l -> {
            assertThat(l.titre()).isEqualTo("Guide de la coopération");
            assertThat(l.lien()).isEqualTo("https://exemple.org/guide");
            assertThat(l.description()).isEqualTo("Un guide pas à pas.");
            assertThat(l.deposeLe()).isNotNull();
        });
        assertThatThrownBy(() -> livrables.find(t.communId())).isInstanceOf(NotAllowedException.class);
        fx.as(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));
        assertThatThrownBy(() -> livrables.find(t.communId())).isInstanceOf(NotAllowedException.class);

        fx.as(fx.account(Roles.AGENT));
        assertThat(livrables.find(t.communId())).hasValueSatisfying(l ->
                assertThat(l.retourExperience()).isEqualTo("La constitution du groupement a pris trois mois."));
        fx.as(t.membreEmail());
        assertThat(livrables.find(t.communId())).isPresent();
    }
}
