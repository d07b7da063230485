package fr.communs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a generated PDF, read with PDFBox in the order it was written (a page's footer and tables may come before its paragraphs), every run of white space made one plain space: to assert on it. */
public final class PdfTexte {
    private PdfTexte() {
    }

    public static String of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Not a readable PDF", e);
        }
    }
}
