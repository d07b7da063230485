package fr.communs.mail.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fr.communs.base.Mailer;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.communs.layout.MainLayout;
import fr.communs.layout.Ui;
import fr.communs.mail.MailService;
import fr.communs.mail.OutboxMail;
import fr.communs.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Administrators read the mails kept in the outbox (demo profile: nothing is sent over SMTP). */
@Route(value = "admin/courriels", layout = MainLayout.class)
@PageTitle("Courriels — Communs")
@RolesAllowed(Roles.ADMIN)
class OutboxView extends VerticalLayout {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final Div reader = new Div();
    private final MailService mails;

    OutboxView(MailService mails) {
        this.mails = mails;
        addClassName("page");
        add(new H1("Courriels de la plateforme"));
        add(new Paragraph(mails.outboxMode()
                ? "Les courriels sont conservés ici au lieu d'être envoyés. Cliquez sur un courriel pour le lire."
                : "Les courriels sont envoyés par SMTP : cette boîte ne contient que ceux conservés auparavant."));
        Grid<OutboxMail> grid = new Grid<>(OutboxMail.class, false);
        grid.addColumn(m -> Ui.dateTime(m.createdAt())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxMail::destinataire).setHeader("Destinataire").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxMail::sujet).setHeader("Sujet").setFlexGrow(1);
        grid.addColumn(m -> m.piecesJointes().isEmpty() ? "" : m.piecesJointes().size() == 1 ? "1 pièce jointe"
                : m.piecesJointes().size() + " pièces jointes").setHeader("Pièces jointes").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> mails.outbox(query.getOffset(), query.getLimit()).stream(), query -> mails.outboxCount());
        grid.setHeight("24em");
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::show, () -> reader.setVisible(false)));
        reader.setVisible(false);
        reader.setWidthFull();
        add(grid, reader);
    }

    private void show(OutboxMail mail) {
        reader.removeAll();
        Div body = new Div();
        body.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit").set("padding", "1em")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        Matcher m = LINK.matcher(mail.texte());
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                body.add(new Span(mail.texte().substring(last, m.start())));
            }
            body.add(new Anchor(m.group(), m.group()));
            last = m.end();
        }
        if (last < mail.texte().length()) {
            body.add(new Span(mail.texte().substring(last)));
        }
        reader.add(new H2(mail.sujet()), new Paragraph("À : " + mail.destinataire() + " — " + Ui.dateTime(mail.createdAt())), body);
        if (!mail.piecesJointes().isEmpty()) {
            UnorderedList pieces = new UnorderedList();
            pieces.getElement().setAttribute("aria-label", "Pièces jointes");
            for (OutboxMail.OutboxAttachment piece : mail.piecesJointes()) {
                Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
                    Mailer.Attachment a = mails.outboxAttachment(piece.id());
                    byte[] content = a.content();
                    return new DownloadResponse(new ByteArrayInputStream(content), a.filename(), a.mimeType(), content.length);
                }), AttachmentType.DOWNLOAD, "Télécharger " + piece.nomFichier() + " (" + taille(piece.taille()) + ")");
                pieces.add(new ListItem(download));
            }
            reader.add(new H3("Pièces jointes"), pieces);
        }
        reader.setVisible(true);
    }

    private static String taille(int octets) {
        return octets < 1024 ? octets + " octets" : String.format(java.util.Locale.FRANCE, "%.1f ko", octets / 1024.0);
    }
}
