package fr.communs.piece.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import fr.communs.commun.RoleGroupement;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.Echantillons;
import fr.communs.piece.PieceJointe;
import fr.communs.piece.PieceJointeService;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The panel built for a member of the groupement and for an agent, without a browser. */
@SpringBootTest
@ActiveProfiles("test")
class PiecesPanelIT {
    @Autowired Fixtures fx;
    @Autowired PieceJointeService pieces;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(PiecesPanelIT::all));
    }

    private static <T extends Component> List<T> find(Component root, Class<T> type) {
        return all(root).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> texts(Component root) {
        return find(root, Paragraph.class).stream().filter(Component::isVisible).map(Paragraph::getText).toList();
    }

    @Test
    void a_member_sees_the_deposit_form_with_the_server_limits_and_an_agent_only_the_list() {
        fx.campagne();
        long porteur = fx.structure(true, "30");
        String porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        long commun = fx.deposit(porteurEmail, porteur);
        long membre = fx.structure(true, "30");
        String membreEmail = fx.join(commun, membre, RoleGroupement.MEMBRE);

        fx.as(membreEmail);
        PiecesPanel vide = new PiecesPanel(pieces, commun, true);
        assertThat(texts(vide)).contains("Aucune pièce jointe pour l'instant.", "Espace utilisé : 0 o sur 50 Mo.");
        Upload upload = find(vide, Upload.class).get(0);
        assertThat(upload.getMaxFileSize()).isEqualTo(10 * 1024 * 1024);
        assertThat(upload.getMaxFiles()).isEqualTo(1);
        assertThat(upload.getAcceptedFileTypes()).contains("application/pdf", ".pdf", ".docx", ".odt", ".png", ".jpg");
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("Déposer un fichier…");
        assertThat(upload.isEnabled()).as("disabled until a category is chosen").isFalse();

        PieceJointe piece = pieces.upload(commun, membre, CategoriePiece.BUDGET, "budget.pdf",
                new ByteArrayInputStream(Echantillons.pdf("x")));
        PiecesPanel rempli = new PiecesPanel(pieces, commun, true);
        @SuppressWarnings("unchecked")
        Grid<PieceJointe> grid = find(rempli, Grid.class).get(0);
        assertThat(grid.isVisible()).isTrue();
        assertThat(grid.getGenericDataView().getItems().toList()).containsExactly(piece);
        assertThat(texts(rempli)).doesNotContain("Aucune pièce jointe pour l'instant.");

        fx.as(fx.account(Roles.AGENT));
        PiecesPanel agent = new PiecesPanel(pieces, commun, false);
        assertThat(find(agent, Upload.class)).isEmpty();
        assertThat(find(agent, Grid.class)).hasSize(1);
    }
}
