package fr.communs.piece;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.INSTRUCTION;
import static fr.communs.db.Tables.PIECE_JOINTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.RoleGroupement;
import fr.communs.piece.internal.PieceStorage;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Attachments on embedded PostgreSQL, with the files really written to the storage directory. */
@SpringBootTest
@ActiveProfiles("test")
class PieceJointeServiceIT {
    @Autowired Fixtures fx;
    @Autowired PieceJointeService pieces;
    @Autowired PieceStorage storage;
    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate transactions;

    long porteur;
    String porteurEmail;
    long membre;
    String membreEmail;
    long contributeur;
    String contributeurEmail;
    long commun;

    @BeforeEach
    void setUp() {
        fx.campagne();
        porteur = fx.structure(true, "30");
        porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        commun = fx.deposit(porteurEmail, porteur);
        membre = fx.structure(true, "30");
        membreEmail = fx.join(commun, membre, RoleGroupement.MEMBRE);
        contributeur = fx.structure(true, "34");
        contributeurEmail = fx.join(commun, contributeur, RoleGroupement.CONTRIBUTEUR);
        fx.logout();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private PieceJointe upload(String email, long structureId, String nom, byte[] bytes) {
        fx.as(email);
        return pieces.upload(commun, structureId, CategoriePiece.STATUTS, nom, in(bytes));
    }

    /** Names of the files in the storage directory (kept files and temporary ones). */
    private Set<String> stored() {
        Path dir = storage.directory();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rows(long communId) {
        return dsl.fetchCount(PIECE_JOINTE, PIECE_JOINTE.COMMUN_ID.eq(communId));
    }

    private String cle(long pieceId) {
        return dsl.select(PIECE_JOINTE.CLE_STOCKAGE).from(PIECE_JOINTE).where(PIECE_JOINTE.PIECE_JOINTE_ID.eq(pieceId))
                .fetchOne().value1();
    }

    private static byte[] read(Telechargement t) throws IOException {
        try (InputStream in = t.contenu()) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void a_member_uploads_a_pdf_that_is_stored_listed_and_downloaded_byte_for_byte() throws Exception {
        byte[] bytes = Echantillons.pdf("Statuts de l'association");
        fx.as(membreEmail);
        PieceJointe piece = pieces.upload(commun, membre, CategoriePiece.STATUTS, "Statuts 2025.pdf", in(bytes));

        assertThat(piece.categorie()).isEqualTo(CategoriePiece.STATUTS);
        assertThat(piece.nomFichier()).isEqualTo("Statuts 2025.pdf");
        assertThat(piece.typeMime()).isEqualTo("application/pdf");
        assertThat(piece.taille()).isEqualTo(bytes.length);
        assertThat(piece.deposeParNom()).isEqualTo("Personne " + membreEmail);
        assertThat(piece.structureNom()).startsWith("Structure ");
        assertThat(pieces.list(commun)).containsExactly(piece);
        assertThat(pieces.usedBytes(commun)).isEqualTo(bytes.length);

        Path fichier = storage.directory().resolve(cle(piece.id()));
        assertThat(fichier).exists().hasBinaryContent(bytes);
        assertThat(fichier.startsWith(Path.of("src"))).isFalse();
        assertThat(dsl.select(PIECE_JOINTE.SHA256).from(PIECE_JOINTE).where(PIECE_JOINTE.PIECE_JOINTE_ID.eq(piece.id()))
                .fetchOne().value1()).isEqualTo(sha256(bytes));

        fx.as(porteurEmail);
        Telechargement t = pieces.open(piece.id());
        assertThat(t.nomFichier()).isEqualTo("Statuts 2025.pdf");
        assertThat(t.typeMime()).isEqualTo("application/pdf");
        assertThat(t.taille()).isEqualTo(bytes.length);
        assertThat(read(t)).isEqualTo(bytes);
        assertThat(stored()).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void a_file_over_the_size_limit_is_refused_in_french_without_reading_it_all_and_stores_nothing() {
        Set<String> avant = stored();
        fx.as(membreEmail);
        Echantillons.PdfGenere sansFin = new Echantillons.PdfGenere(Long.MAX_VALUE);

        assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.BUDGET, "budget.pdf", sansFin))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("dépasse la taille maximale de 10 Mo");
        assertThat(sansFin.lu()).isLessThan(pieces.tailleMax() + 1024 * 1024);
        assertThat(rows(commun)).isZero();
        assertThat(stored()).isEqualTo(avant);

        assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.BUDGET, "budget.pdf",
                new Echantillons.PdfGenere(pieces.tailleMax() + 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("taille maximale");
        assertThat(rows(commun)).isZero();
        assertThat(stored()).isEqualTo(avant);
    }

    @Test
    void a_file_of_exactly_the_size_limit_is_accepted() {
        fx.as(membreEmail);
        PieceJointe piece = pieces.upload(commun, membre, CategoriePiece.BUDGET, "budget.pdf",
                new Echantillons.PdfGenere(pieces.tailleMax()));
        assertThat(piece.taille()).isEqualTo(10L * 1024 * 1024);
        assertThat(storage.directory().resolve(cle(piece.id()))).hasSize(pieces.tailleMax());
    }

    @Test
    void an_executable_or_an_html_page_renamed_pdf_is_refused_and_nothing_is_stored() {
        Set<String> avant = stored();
        fx.as(membreEmail);
        for (byte[] bytes : new byte[][] {Echantillons.exe(), Echantillons.html(), Echantillons.zip()}) {
            assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.pdf", in(bytes)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("ne correspond à aucun format accepté")
                    .hasMessageContaining("d'après le contenu du fichier");
        }
        assertThat(rows(commun)).isZero();
        assertThat(stored()).isEqualTo(avant);
    }

    @Test
    void a_document_with_macros_is_refused_with_a_message_saying_it_contains_macros() {
        Set<String> avant = stored();
        fx.as(membreEmail);
        for (byte[] bytes : new byte[][] {Echantillons.docm(), Echantillons.docxAvecProjetVba(), Echantillons.odtWithMacros()}) {
            assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.docx", in(bytes)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("« statuts.docx » contient des macros")
                    .hasMessageContaining("Enregistrez-le sans macros");
        }
        assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.docx",
                in(Echantillons.docxAvecObjetIncorpore())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("contient des objets incorporés");
        assertThat(rows(commun)).isZero();
        assertThat(stored()).isEqualTo(avant);
    }

    @Test
    void a_document_of_one_megabyte_that_expands_to_one_gigabyte_is_refused_whatever_sizes_it_announces() {
        Set<String> avant = stored();
        fx.as(membreEmail);
        byte[] bombe = Echantillons.odtBombe(1024L * 1024 * 1024, false);
        assertThat(bombe.length).isLessThan(2 * 1024 * 1024);
        byte[] menteuse = Echantillons.odtBombe(300L * 1024 * 1024, true);

        for (byte[] bytes : new byte[][] {bombe, menteuse}) {
            assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.odt", in(bytes)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Une fois décompressé, le contenu de « statuts.odt » dépasse 200 Mo");
        }
        assertThat(rows(commun)).isZero();
        assertThat(stored()).isEqualTo(avant);

        PieceJointe grand = pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.odt",
                in(Echantillons.odtBombe(150L * 1024 * 1024, false)));
        assertThat(grand.typeMime()).as("a large but plausible document").isEqualTo(FormatPiece.ODT.typeMime());
    }

    @Test
    void a_document_made_of_more_than_a_thousand_entries_is_refused() {
        fx.as(membreEmail);
        assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.odt",
                in(Echantillons.odtAvecEntrees(1001))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("« statuts.odt » est composé de plus de 1\u202f000 fichiers internes");
        assertThat(rows(commun)).isZero();

        assertThat(pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.odt", in(Echantillons.odtAvecEntrees(1000)))
                .typeMime()).isEqualTo(FormatPiece.ODT.typeMime());
    }

    @Test
    void every_accepted_format_is_recognised_from_its_content_whatever_its_name() {
        fx.as(membreEmail);
        record Cas(byte[] bytes, String nom, FormatPiece format, String nomAttendu) {
        }
        for (Cas cas : new Cas[] {
                new Cas(Echantillons.docx(), "lettre.docx", FormatPiece.DOCX, "lettre.docx"),
                new Cas(Echantillons.xlsx(), "budget", FormatPiece.XLSX, "budget.xlsx"),
                new Cas(Echantillons.odt(), "statuts.ODT", FormatPiece.ODT, "statuts.ODT"),
                new Cas(Echantillons.png(), "logo.jpg", FormatPiece.PNG, "logo.jpg.png"),
                new Cas(Echantillons.jpeg(), "photo.jpeg", FormatPiece.JPEG, "photo.jpeg"),
                new Cas(Echantillons.pdf("x"), "page.html", FormatPiece.PDF, "page.html.pdf")}) {
            PieceJointe piece = pieces.upload(commun, membre, CategoriePiece.AUTRE, cas.nom(), in(cas.bytes()));
            assertThat(piece.typeMime()).as(cas.nom()).isEqualTo(cas.format().typeMime());
            assertThat(piece.nomFichier()).as(cas.nom()).isEqualTo(cas.nomAttendu());
        }
        assertThat(pieces.list(commun)).hasSize(6);
    }

    @Test
    void the_file_name_is_cleaned_of_folders_and_control_characters() {
        PieceJointe piece = upload(membreEmail, membre, "C:\\Users\\moi\\..\\Statuts\u0000\u202e 2025.pdf",
                Echantillons.pdf("x"));
        assertThat(piece.nomFichier()).isEqualTo("Statuts 2025.pdf");
        PieceJointe longue = upload(membreEmail, membre, "../" + "é".repeat(300) + ".pdf", Echantillons.pdf("x"));
        assertThat(longue.nomFichier()).hasSizeLessThanOrEqualTo(255).endsWith(".pdf").doesNotContain("/");
        assertThatThrownBy(() -> upload(membreEmail, membre, "\u0007/..", Echantillons.pdf("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nom du fichier");
    }

    @Test
    void the_quota_of_a_commun_is_enforced_and_deleted_pieces_do_not_count() {
        fx.as(membreEmail);
        long max = pieces.tailleMax();
        long premier = 0;
        for (int i = 0; i < pieces.quota() / max; i++) {
            long id = pieces.upload(commun, membre, CategoriePiece.AUTRE, "partie-" + i + ".pdf", new Echantillons.PdfGenere(max)).id();
            premier = premier == 0 ? id : premier;
        }
        assertThat(pieces.usedBytes(commun)).isEqualTo(pieces.quota());
        Set<String> avant = stored();

        assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.AUTRE, "de trop.pdf", in(Echantillons.pdf("x"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("dépasse l'espace qui reste")
                .hasMessageContaining("0 o disponibles sur 50 Mo");
        assertThat(stored()).isEqualTo(avant);

        pieces.delete(premier);
        assertThat(pieces.usedBytes(commun)).isEqualTo(pieces.quota() - max);
        assertThat(pieces.upload(commun, membre, CategoriePiece.AUTRE, "enfin.pdf", in(Echantillons.pdf("x"))).id()).isPositive();
    }

    @Test
    void another_structure_can_neither_list_nor_open_nor_upload() {
        PieceJointe piece = upload(membreEmail, membre, "statuts.pdf", Echantillons.pdf("x"));
        long autre = fx.structure(true, "30");
        String autreEmail = fx.account(Roles.STRUCTURE, autre);
        // A structure of another groupement, with its own attachment.
        long autreCommun = fx.deposit(autreEmail, autre);
        PieceJointe sienne = pieces.upload(autreCommun, autre, CategoriePiece.BUDGET, "budget.pdf", in(Echantillons.pdf("y")));

        fx.as(autreEmail);
        assertThatThrownBy(() -> pieces.list(commun)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("réservées aux structures de son groupement");
        assertThatThrownBy(() -> pieces.open(piece.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> pieces.usedBytes(commun)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> pieces.upload(commun, autre, CategoriePiece.AUTRE, "x.pdf", in(Echantillons.pdf("x"))))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("structures du groupement");
        assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.AUTRE, "x.pdf", in(Echantillons.pdf("x"))))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("dont vous êtes membre");
        assertThatThrownBy(() -> pieces.delete(piece.id())).isInstanceOf(NotAllowedException.class);
        assertThat(pieces.uploadableStructures(commun)).isEmpty();

        fx.as(membreEmail);
        assertThat(pieces.list(commun)).extracting(PieceJointe::id).containsExactly(piece.id());
        assertThatThrownBy(() -> pieces.open(sienne.id())).isInstanceOf(NotAllowedException.class);
        assertThat(rows(commun)).isEqualTo(1);
    }

    @Test
    void agents_and_administrators_list_and_open_but_do_not_upload_and_the_comite_reads_only_files_of_its_seances()
            throws Exception {
        byte[] bytes = Echantillons.pdf("Budget");
        PieceJointe piece = upload(contributeurEmail, contributeur, "budget.pdf", bytes);
        fx.as(fx.account(Roles.COMITE));           // this file never went to the comité (see LeastPrivilegeIT)
        assertThatThrownBy(() -> pieces.list(commun)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> pieces.open(piece.id())).isInstanceOf(NotAllowedException.class);
        for (String role : new String[] {Roles.AGENT, Roles.ADMIN}) {
            fx.as(fx.account(role));
            assertThat(pieces.list(commun)).as(role).containsExactly(piece);
            assertThat(read(pieces.open(piece.id()))).as(role).isEqualTo(bytes);
            assertThat(pieces.uploadableStructures(commun)).as(role).isEmpty();
        }
    }

    @Test
    void nobody_logged_in_is_refused_everything() {
        PieceJointe piece = upload(membreEmail, membre, "statuts.pdf", Echantillons.pdf("x"));
        fx.logout();
        assertThatThrownBy(() -> pieces.list(commun)).isInstanceOf(NotAllowedException.class).hasMessageContaining("connecté");
        assertThatThrownBy(() -> pieces.open(piece.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> pieces.upload(commun, membre, CategoriePiece.AUTRE, "x.pdf", in(Echantillons.pdf("x"))))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> pieces.delete(piece.id())).isInstanceOf(NotAllowedException.class);
        assertThat(pieces.uploadableStructures(commun)).isEmpty();
    }

    @Test
    void the_uploader_or_the_porteur_deletes_a_piece_before_transmission_and_its_file_goes_after_commit() {
        PieceJointe duMembre = upload(membreEmail, membre, "statuts.pdf", Echantillons.pdf("x"));
        PieceJointe autre = upload(membreEmail, membre, "budget.pdf", Echantillons.pdf("y"));
        Path fichier = storage.directory().resolve(cle(duMembre.id()));

        fx.as(contributeurEmail);
        assertThat(pieces.deletableIds(commun)).isEmpty();
        assertThatThrownBy(() -> pieces.delete(duMembre.id())).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("structure qui a déposé cette pièce, ou le porteur");

        fx.as(porteurEmail);
        assertThat(pieces.deletableIds(commun)).containsExactlyInAnyOrder(duMembre.id(), autre.id());
        pieces.delete(duMembre.id());
        assertThat(fichier).doesNotExist();
        assertThat(pieces.list(commun)).containsExactly(autre);
        assertThatThrownBy(() -> pieces.open(duMembre.id())).isInstanceOf(ValidationException.class)
                .hasMessage("Cette pièce jointe n'existe pas.");
        assertThatThrownBy(() -> pieces.delete(duMembre.id())).isInstanceOf(ValidationException.class)
                .hasMessage("Cette pièce jointe n'existe pas.");

        fx.as(membreEmail);
        pieces.delete(autre.id());
        assertThat(pieces.list(commun)).isEmpty();
        assertThat(rows(commun)).isEqualTo(2);
    }

    @Test
    void a_rollback_of_the_surrounding_transaction_leaves_no_file() {
        fx.as(membreEmail);
        Set<String> avant = stored();
        boolean[] presentPendantLaTransaction = new boolean[1];
        transactions.executeWithoutResult(status -> {
            PieceJointe piece = pieces.upload(commun, membre, CategoriePiece.STATUTS, "statuts.pdf", in(Echantillons.pdf("x")));
            presentPendantLaTransaction[0] = Files.exists(storage.directory().resolve(cle(piece.id())));
            status.setRollbackOnly();
        });
        assertThat(presentPendantLaTransaction[0]).isTrue();
        assertThat(rows(commun)).isZero();
        assertThat(stored()).isEqualTo(avant);
    }

    @Test
    void after_transmission_uploads_are_refused_until_the_departement_asks_for_pieces_in_complements() throws Exception {
        fx.campagne();
        Fixtures.Transmis t = fx.transmis();
        fx.as(t.membreEmail());
        assertThatThrownBy(() -> pieces.upload(t.communId(), t.membreStructureId(), CategoriePiece.STATUTS, "statuts.pdf",
                in(Echantillons.pdf("x"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("transmis au Département");
        assertThat(pieces.uploadableStructures(t.communId())).isEmpty();

        long agent = fx.as(fx.account(Roles.AGENT)).id();
        demanderComplements(t.communId(), agent, "GOUVERNANCE");
        fx.as(t.membreEmail());
        assertThatThrownBy(() -> pieces.upload(t.communId(), t.membreStructureId(), CategoriePiece.STATUTS, "statuts.pdf",
                in(Echantillons.pdf("x"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ne porte pas sur les pièces jointes");

        Thread.sleep(5);
        demanderComplements(t.communId(), agent, "GOUVERNANCE,PIECES");
        fx.as(t.membreEmail());
        assertThat(pieces.uploadableStructures(t.communId())).extracting(StructureDeposante::id)
                .containsExactly(t.membreStructureId());
        PieceJointe piece = pieces.upload(t.communId(), t.membreStructureId(), CategoriePiece.LETTRE_ENGAGEMENT,
                "lettre.pdf", in(Echantillons.pdf("x")));
        assertThat(pieces.list(t.communId())).containsExactly(piece);
        assertThat(pieces.deletableIds(t.communId())).containsExactly(piece.id());
        pieces.delete(piece.id());
        assertThat(pieces.list(t.communId())).isEmpty();
    }

    @Test
    void during_complements_a_piece_read_by_the_instructeur_can_no_longer_be_deleted() throws Exception {
        PieceJointe avant = upload(membreEmail, membre, "statuts.pdf", Echantillons.pdf("x"));
        long agent = fx.as(fx.account(Roles.AGENT)).id();
        Thread.sleep(5);
        demanderComplements(commun, agent, "PIECES");
        fx.as(porteurEmail);
        assertThat(pieces.deletableIds(commun)).isEmpty();
        assertThatThrownBy(() -> pieces.delete(avant.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("transmise au Département");
        assertThat(pieces.list(commun)).containsExactly(avant);
    }

    /** What the instruction records when it asks for compléments (written directly: the state and the decision). */
    private void demanderComplements(long communId, long agentId, String parties) {
        dsl.insertInto(INSTRUCTION).set(INSTRUCTION.COMMUN_ID, communId).set(INSTRUCTION.DECISION, "COMPLEMENTS")
                .set(INSTRUCTION.MOTIF, "Merci de compléter le dossier.")
                .set(INSTRUCTION.CRITERE_CONTRIBUTEURS, "FAVORABLE").set(INSTRUCTION.CRITERE_GOUVERNANCE, "RESERVE")
                .set(INSTRUCTION.CRITERE_DEFIS, "FAVORABLE").set(INSTRUCTION.CRITERE_COMMUNS, "FAVORABLE")
                .set(INSTRUCTION.AGENT_ID, agentId).set(INSTRUCTION.PARTIES_DEMANDEES, parties).execute();
        dsl.update(COMMUN).set(COMMUN.STATUT, "COMPLEMENTS_DEMANDES").where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }
}
