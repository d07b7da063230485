package fr.communs.commun.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.support.Fixtures;
import fr.communs.support.Views;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public page of a commun, built by Spring as the router does and entered by a visitor who is not logged in
 * (no browser): the subsidy voted by the Assemblée and the livrable appear once they exist; the retour
 * d'expérience and the comité's avis never do.
 */
@SpringBootTest
@ActiveProfiles("test")
class CommunPageResultatIT {
    @Autowired Fixtures fx;
    @Autowired AssembleeService assemblee;
    @Autowired LivrableService livrables;
    @Autowired ApplicationContext context;

    Fixtures.Transmis t;
    String agent;
    UI ui;

    @BeforeEach
    void setUp() {
        fx.campagne();
        t = fx.transmis();
        agent = fx.aLAssemblee(t, new BigDecimal("12000"));
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    private CommunDetailView visit() {
        fx.logout();
        String id = String.valueOf(t.communId());
        return Views.enter(context, ui, CommunDetailView.class, "communs/" + id, "communId", id);
    }

    private void vote(ResultatVote resultat, String montant, LocalDate seance) {
        fx.as(agent);
        assemblee.recordVote(fx.task(t.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(resultat, montant == null ? null : new BigDecimal(montant), seance));
        fx.logout();
    }

    @Test
    void the_page_shows_no_subsidy_before_the_vote_nor_after_an_adjournment_and_never_the_comite_avis() {
        assertThat(Views.text(visit())).doesNotContain("Subvention votée", "Livrable", "12 000");
        vote(ResultatVote.AJOURNE, null, LocalDate.of(2026, 3, 12));
        assertThat(Views.text(visit())).doesNotContain("Subvention votée", "12 000");
    }

    @Test
    void once_adopted_the_page_shows_the_subsidy_voted_by_the_assemblee_with_the_date_of_the_seance() {
        vote(ResultatVote.ADOPTE, "12000", LocalDate.of(2026, 3, 12));

        assertThat(Views.text(visit())).contains("Subvention du Département",
                "Subvention votée par l'Assemblée le 12/03/2026 : 12 000,00 €");
    }

    @Test
    void once_deposited_the_page_shows_the_livrable_with_its_link_but_not_the_retour_d_experience() {
        vote(ResultatVote.ADOPTE, "12000", LocalDate.of(2026, 3, 12));
        fx.as(t.porteurEmail());
        livrables.deposit(fx.task(t.communId(), CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId(),
                new LivrableData("Guide de la coopération", "https://exemple.org/guide",
                        "Un guide pas à pas pour constituer un groupement.", "Retour confidentiel sur le dossier."));

        CommunDetailView page = visit();
        assertThat(Views.text(page)).contains("Livrable", "Guide de la coopération",
                        "Un guide pas à pas pour constituer un groupement.", "Subvention votée par l'Assemblée le 12/03/2026")
                .doesNotContain("Retour confidentiel", "Retour d'expérience");
        assertThat(Views.descendants(page).filter(Anchor.class::isInstance).map(Anchor.class::cast))
                .anySatisfy(a -> {
                    assertThat(a.getHref()).isEqualTo("https://exemple.org/guide");
                    assertThat(a.getElement().getAttribute("rel")).contains("nofollow", "noopener");
                });
    }
}
