package fr.communs.comite.pv;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.communs.base.Dates;
import fr.communs.base.Montants;
import fr.communs.comite.resultat.Agregation;
import fr.communs.comite.resultat.ResultatCritere;
import fr.communs.comite.resultat.ResultatDossier;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Prints the comité's documents with OpenPDF (2.0.5: the last release built for Java 17). Standard Helvetica in
 * WinAnsi (Windows-1252) encoding, which covers French; any other character is printed as "?". Numbers use the
 * French decimal comma ({@code 14,5 / 20}).
 */
final class PdfComite {
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH 'h' mm", Locale.FRENCH);
    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter JOUR_SEMAINE = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
    private static final DateTimeFormatter GENERE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH);
    private static final Color GRIS = new Color(0x55, 0x55, 0x55);
    private static final Color FOND = new Color(0xEE, 0xEE, 0xEE);
    private static final Font TITRE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font SOUS_TITRE = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font INTERTITRE = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font TEXTE = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font GRAS = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font PETIT = new Font(Font.HELVETICA, 8, Font.NORMAL, GRIS);
    private static final Font CELLULE = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font CELLULE_GRAS = new Font(Font.HELVETICA, 9, Font.BOLD);

    private PdfComite() {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Procès-verbal

    static byte[] procesVerbal(ProcesVerbal pv) {
        String titre = (pv.projet() ? "Projet de procès-verbal" : "Procès-verbal")
                + " de la séance du comité d'accompagnement des communs";
        return document(titre, pv.genereLe(), doc -> {
            doc.add(paragraphe(titre, TITRE, 4));
            if (pv.projet()) {
                doc.add(paragraphe("Projet : la séance n'est pas close, ce document peut encore changer.", GRAS, 6));
            }
            doc.add(paragraphe(pv.campagne(), TEXTE, 2));
            doc.add(champ("Séance du", jourHeure(pv.debut())));
            if (pv.lieu() != null) {
                doc.add(champ("Lieu", pv.lieu()));
            }
            if (pv.lienVisio() != null) {
                doc.add(champ("Visioconférence", pv.lienVisio()));
            }

            doc.add(paragraphe("Membres du comité", SOUS_TITRE, 14));
            if (pv.presents().isEmpty() && pv.excuses().isEmpty() && pv.absents().isEmpty()) {
                doc.add(paragraphe("Les présences n'ont pas encore été relevées.", TEXTE, 4));
            } else {
                membres(doc, "Présents", pv.presents());
                membres(doc, "Excusés", pv.excuses());
                membres(doc, "Absents", pv.absents());
            }

            doc.add(paragraphe("Dossiers examinés", SOUS_TITRE, 14));
            if (pv.dossiers().isEmpty()) {
                doc.add(paragraphe("Aucun dossier n'est inscrit à l'ordre du jour de cette séance.", TEXTE, 4));
            } else {
                doc.add(paragraphe(pv.dossiers().size() + " dossier(s), par ordre de classement (moyenne pondérée sur 20, "
                        + "de la plus haute à la plus basse). Un désaccord est signalé quand les notes d'un critère "
                        + "s'écartent de " + Agregation.ECART_DESACCORD + " points ou plus.", TEXTE, 4));
            }
            for (ProcesVerbal.Dossier d : pv.dossiers()) {
                dossier(doc, pv, d);
            }
        });
    }

    private static void membres(Document doc, String libelle, List<ProcesVerbal.Membre> membres) throws DocumentException {
        doc.add(paragraphe(libelle + " (" + membres.size() + ")", INTERTITRE, 6));
        if (membres.isEmpty()) {
            doc.add(paragraphe("Aucun.", TEXTE, 0));
            return;
        }
        for (ProcesVerbal.Membre m : membres) {
            doc.add(puce(m.nom() + " — " + m.organisation() + " (" + m.college() + ")"));
        }
    }

    private static void dossier(Document doc, ProcesVerbal pv, ProcesVerbal.Dossier d) throws DocumentException {
        ResultatDossier r = d.resultat();
        String rang = r != null && r.rang() != null ? r.rang() + ". " : "";
        doc.add(paragraphe(rang + d.titre(), SOUS_TITRE, 16));
        doc.add(paragraphe("Porté par " + d.porteur(), TEXTE, 2));
        if (d.deportes().isEmpty()) {
            doc.add(champ("Membres déportés", "aucun"));
        } else {
            doc.add(paragraphe("Membres déportés (ils n'ont ni noté ni délibéré) :", GRAS, 4));
            for (String deporte : d.deportes()) {
                doc.add(puce(deporte));
            }
        }
        if (d.masque() == fr.communs.comite.resultat.DossierMasque.Raison.DEPORTE) {
            doc.add(paragraphe("Vous êtes déporté(e) de ce dossier : ses notes et sa délibération ne figurent pas dans "
                    + "votre exemplaire du procès-verbal.", GRAS, 6));
            return;
        }

        doc.add(paragraphe("Notes du comité", INTERTITRE, 8));
        if (r == null) {
            doc.add(paragraphe("Notes non communiquées : elles s'affichent quand vous avez soumis votre propre notation "
                    + "(ou à la clôture de la séance).", TEXTE, 2));
        } else if (r.moyenneSur20() == null) {
            doc.add(paragraphe("Aucun membre n'a noté ce dossier.", TEXTE, 2));
        } else {
            doc.add(champ("Moyenne pondérée", Libelles.nombre(r.moyenneSur20()) + " / 20"));
            doc.add(champ("Rang", r.rang() + " sur " + pv.nombreDossiers()));
            doc.add(champ("Nombre de notations", String.valueOf(r.nombreNotations())));
            doc.add(criteres(r));
            if (r.desaccord()) {
                for (ResultatCritere c : r.desaccords()) {
                    doc.add(paragraphe("Désaccord sur « " + c.critere().libelle() + " » : notes de " + c.min() + " à "
                            + c.max() + " (écart de " + c.ecart() + " points).", GRAS, 2));
                }
            }
        }

        doc.add(paragraphe("Avis du comité", INTERTITRE, 8));
        avis(doc, d.avis());
        contributions(doc, d.contributions());
    }

    private static PdfPTable criteres(ResultatDossier r) {
        PdfPTable table = new PdfPTable(new float[] {38, 8, 10, 10, 10, 8, 16});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        for (String entete : List.of("Critère", "Poids", "Moyenne", "Médiane", "Min–max", "Notes", "Désaccord")) {
            PdfPCell cell = new PdfPCell(new Phrase(texte(entete), CELLULE_GRAS));
            cell.setBackgroundColor(FOND);
            table.addCell(cell);
        }
        for (ResultatCritere c : r.criteres()) {
            table.addCell(cellule(c.critere().numero() + ". " + c.critere().libelle()
                    + " (sur " + c.critere().noteMax() + ")"));
            table.addCell(cellule(Libelles.nombre(c.critere().poids())));
            table.addCell(cellule(Libelles.nombre(c.moyenne())));
            table.addCell(cellule(Libelles.nombre(c.mediane())));
            table.addCell(cellule(c.min() == null ? "—" : c.min() + "–" + c.max()));
            table.addCell(cellule(String.valueOf(c.nombreNotes())));
            table.addCell(cellule(c.desaccord() ? "Oui (écart " + c.ecart() + ")" : "Non"));
        }
        return table;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Avis du comité (extract for the groupement)

    static byte[] avisDuComite(AvisDuComite a, OffsetDateTime genereLe) {
        String titre = "Avis du comité d'accompagnement des communs";
        return document(titre, genereLe, doc -> {
            doc.add(paragraphe(titre, TITRE, 4));
            if (!a.definitif()) {
                doc.add(paragraphe("Projet : la séance n'est pas close, cet avis peut encore changer.", GRAS, 6));
            }
            doc.add(paragraphe(a.titre(), SOUS_TITRE, 10));
            doc.add(paragraphe("Porté par " + a.porteurNom(), TEXTE, 2));
            if (a.dateSeance() != null) {
                doc.add(champ("Séance du comité du", jourHeure(a.dateSeance())));
            }
            doc.add(paragraphe("Avis", INTERTITRE, 10));
            avis(doc, a);
            contributions(doc, a.contributions());
            doc.add(paragraphe("Ce document reprend l'avis du comité, sa motivation et les contributions qu'il propose. "
                    + "Les notes des membres du comité restent confidentielles.", PETIT, 14));
        });
    }

    private static void avis(Document doc, AvisDuComite a) throws DocumentException {
        if (a == null) {
            doc.add(paragraphe("Le comité n'a pas encore rendu son avis sur ce dossier.", TEXTE, 2));
            return;
        }
        doc.add(champ("Avis", a.avisLibelle()));
        if (a.motivation() != null) {
            doc.add(champ("Motivation", a.motivation()));
        }
        if (a.reserves() != null) {
            doc.add(champ("Réserves", a.reserves()));
        }
        if (!a.ajourne()) {
            doc.add(champ("Subvention proposée", a.subventionProposee() == null || a.subventionProposee().signum() == 0
                    ? "aucune" : Montants.format(a.subventionProposee())));
        }
        if (a.autresContributions() != null) {
            doc.add(champ("Autres contributions proposées", a.autresContributions()));
        }
    }

    private static void contributions(Document doc, List<ContributionProposee> contributions) throws DocumentException {
        doc.add(paragraphe("Contributions non financières proposées", INTERTITRE, 8));
        if (contributions.isEmpty()) {
            doc.add(paragraphe("Aucune contribution non financière proposée.", TEXTE, 2));
            return;
        }
        for (ContributionProposee c : contributions) {
            String quand = c.datePrevue() == null ? "" : ", prévue le " + jour(c.datePrevue());
            doc.add(puce(c.type() + " — " + c.contributeurNom() + " : " + c.description() + quand + " (" + c.statut() + ")"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Building blocks

    @FunctionalInterface
    private interface Contenu {
        void ecrire(Document doc) throws DocumentException;
    }

    private static byte[] document(String titre, OffsetDateTime genereLe, Contenu contenu) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            // The document's language, for screen readers (catalog entry /Lang).
            writer.getExtraCatalog().put(com.lowagie.text.pdf.PdfName.LANG, new com.lowagie.text.pdf.PdfString("fr-FR"));
            doc.addTitle(texte(titre));
            doc.addAuthor(texte("Comité d'accompagnement des communs"));
            doc.addCreationDate();
            HeaderFooter pied = new HeaderFooter(new Phrase(texte("Document généré le "
                    + GENERE.format(genereLe.atZoneSameInstant(Dates.ZONE)) + " — page "), PETIT), true);
            pied.setAlignment(Element.ALIGN_CENTER);
            pied.setBorder(Rectangle.NO_BORDER);
            doc.setFooter(pied);
            doc.open();
            contenu.ecrire(doc);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF non produit : " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Paragraph paragraphe(String text, Font font, float avant) {
        Paragraph p = new Paragraph(texte(text), font);
        p.setSpacingBefore(avant);
        return p;
    }

    private static Paragraph champ(String libelle, String valeur) {
        Paragraph p = new Paragraph();
        p.setSpacingBefore(2);
        p.add(new Chunk(texte(libelle + " : "), GRAS));
        p.add(new Chunk(texte(valeur), TEXTE));
        return p;
    }

    private static Paragraph puce(String text) {
        Paragraph p = new Paragraph(texte("• " + text), TEXTE);
        p.setIndentationLeft(12);
        p.setSpacingBefore(1);
        return p;
    }

    private static PdfPCell cellule(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(texte(text), CELLULE));
        cell.setPadding(3);
        return cell;
    }

    /** "mardi 16 juin 2026 à 14 h 00" (Paris time). */
    private static String jourHeure(OffsetDateTime d) {
        java.time.ZonedDateTime z = d.atZoneSameInstant(Dates.ZONE);
        return JOUR_SEMAINE.format(z) + " " + jour(z.toLocalDate()) + " à " + HEURE.format(z);
    }

    /** "16 juin 2026", "1er septembre 2026". */
    private static String jour(java.time.LocalDate d) {
        return (d.getDayOfMonth() == 1 ? "1er" : String.valueOf(d.getDayOfMonth())) + " " + MOIS_ANNEE.format(d);
    }

    /**
     * What Helvetica in WinAnsi can print: the spaces French formatting puts in amounts (no-break, narrow no-break)
     * become plain spaces, the en dash stays, any character outside Windows-1252 becomes "?".
     */
    static String texte(String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder winAnsi = Charset.forName("windows-1252").newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0x00a0 || cp == 0x202f || cp == 0x2009) {
                out.append(' ');
            } else if (cp == '\n' || cp == '\r' || cp == '\t' || (Character.isBmpCodePoint(cp) && winAnsi.canEncode((char) cp))) {
                out.append(Character.toChars(cp));
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }
}
