package fr.communs.demo;

import fr.communs.base.Dates;
import fr.communs.avis.AvisService;
import fr.communs.avis.Referent;
import fr.communs.messagerie.MessageService;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.PieceJointeService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The back office's part of the demo data: messages between groupements and agents, an avis asked of a référent,
 * attachments and labels, all through the services (as the people concerned).
 */
@Component
@Profile("demo")
class DemoBackOffice {
    private final MessageService messages;
    private final AvisService avis;
    private final PieceJointeService pieces;

    DemoBackOffice(MessageService messages, AvisService avis, PieceJointeService pieces) {
        this.messages = messages;
        this.avis = avis;
        this.pieces = pieces;
    }

    /**
     * @param esperanza a transmitted file waiting for instruction (porteur: the structure persona)
     * @param numerique a file waiting for compléments (porteur: porteur5, OPTEOS), instructed by agent@
     */
    void load(long esperanza, long numerique, Consumer<String> as, ToLongFunction<String> structure) {
        as.accept(DemoDataLoader.AGENT);
        messages.post(numerique, null, "Bonjour, pour la gouvernance un schéma simple suffit : qui décide de quoi, "
                + "à quel rythme, et comment une nouvelle structure peut rejoindre le groupement. Joignez aussi vos statuts.");
        as.accept("porteur5@communs.test");
        messages.post(numerique, structure.applyAsLong("OPTEOS"), "Merci, nous en parlons à notre prochaine réunion "
                + "de groupement jeudi et revenons vers vous la semaine prochaine.");
        pieces.upload(numerique, structure.applyAsLong("OPTEOS"), CategoriePiece.STATUTS, "Statuts OPTEOS.pdf",
                new ByteArrayInputStream(pdf("Statuts de l'association OPTEOS (exemple de démonstration)")));

        as.accept(DemoDataLoader.STRUCTURE);
        messages.post(esperanza, structure.applyAsLong("Tiers-lieu Esperanza Table Ouverte"), "Bonjour, nous pouvons "
                + "venir présenter le projet sous les arches : la visite prend une heure, le mardi ou le jeudi.");
        as.accept(DemoDataLoader.AGENT2);
        List<Long> culture = avis.referents().stream().filter(r -> DemoDataLoader.REFERENTS[0][1].equals(r.nom()))
                .map(Referent::id).toList();
        avis.request(esperanza, culture, "Le projet prévoit une programmation culturelle sous les arches du boulevard "
                + "Talabot : est-elle cohérente avec les actions de la direction de la Culture dans le quartier ?",
                Dates.today().plusDays(7));
    }

    /** A one-page PDF showing a line of text (cross-reference offsets computed, so readers open it cleanly). */
    static byte[] pdf(String line) {
        String text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String stream = "BT /F1 14 Tf 60 760 Td (" + text + ") Tj ET";
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
