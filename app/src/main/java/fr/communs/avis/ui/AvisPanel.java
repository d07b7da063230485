package fr.communs.avis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.communs.avis.AvisReferent;
import fr.communs.avis.AvisService;
import fr.communs.avis.SensAvis;
import fr.communs.avis.StatutAvis;
import fr.communs.base.Dates;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.layout.Ui;
import java.time.LocalDate;
import java.util.List;

/**
 * The avis of référents thématiques on a file, for the agents' back office: the requests with their state and the
 * avis given, "Annuler" for a pending one, and "Demander un avis à un référent". For a référent
 * ({@link #forReferent}): their own requests, read only.
 */
public class AvisPanel extends VerticalLayout {
    private final AvisService service;
    private final long communId;
    final ErrorPanel errors = new ErrorPanel();
    final VerticalLayout list = new VerticalLayout();
    final Button demander;
    private final boolean gestion;

    public AvisPanel(AvisService service, long communId) {
        this(service, communId, true);
    }

    /** The référent's own requests on the file (the question put to them, their avis), without any action. */
    public static AvisPanel forReferent(AvisService service, long communId) {
        return new AvisPanel(service, communId, false);
    }

    private AvisPanel(AvisService service, long communId, boolean gestion) {
        this.service = service;
        this.communId = communId;
        this.gestion = gestion;
        setPadding(false);
        addClassName("avis-referents");
        demander = new Button("Demander un avis à un référent", VaadinIcon.COMMENTS_O.create(),
                e -> openRequestDialog());
        demander.setVisible(gestion);
        HorizontalLayout header = new HorizontalLayout(new H3(gestion ? "Avis des référents thématiques"
                : "Votre avis sur ce dossier"), demander);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.expand(header.getComponentAt(0));
        list.setPadding(false);
        add(header, errors, list);
        refresh();
    }

    /** Reads the requests again. */
    public void refresh() {
        list.removeAll();
        List<AvisReferent> all = service.ofCommun(communId);
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph("Aucun avis demandé.");
            empty.addClassName("muted");
            list.add(empty);
            return;
        }
        LocalDate today = Dates.today();
        all.forEach(a -> list.add(card(a, today)));
    }

    private Div card(AvisReferent a, LocalDate today) {
        Div card = new Div();
        card.addClassNames("card", "avis-referent");
        HorizontalLayout title = new HorizontalLayout(new H4(a.referentNom()), new Span(direction(a.direction())),
                statutBadge(a));
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        title.getComponentAt(1).getElement().getClassList().add("muted");
        card.add(title);

        Paragraph meta = new Paragraph("Demandé par " + a.demandeurNom() + " le " + Ui.dateTime(a.demandeLe())
                + " · à rendre avant le " + Ui.date(a.dateLimite()) + " ");
        meta.addClassName("muted");
        if (a.enRetard(today)) {
            meta.add(Ui.badge("en retard", false));
        }
        if (a.relances() > 0) {
            meta.add(new Span(" · relancé" + (a.relances() > 1 ? " " + a.relances() + " fois" : " une fois")));
        }
        card.add(meta);
        Paragraph question = new Paragraph("Question : " + a.question());
        question.addClassName("texte");
        card.add(question);

        if (a.statut() == StatutAvis.RENDU) {
            Paragraph sens = new Paragraph("Avis rendu le " + Ui.dateTime(a.renduLe()) + " ");
            Span badge = new Span(a.avis().libelle());
            badge.addClassName("badge");
            if (a.avis() != SensAvis.RESERVE) {
                badge.addClassName(a.avis() == SensAvis.FAVORABLE ? "ok" : "ko");
            }
            sens.add(badge);
            Paragraph reponse = new Paragraph(a.reponse());
            reponse.addClassName("texte");
            card.add(sens, reponse);
        } else if (a.statut() == StatutAvis.EN_ATTENTE && gestion) {
            Button annuler = new Button("Annuler la demande", e -> confirmCancel(a));
            annuler.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            card.add(annuler);
        }
        return card;
    }

    private static Span statutBadge(AvisReferent a) {
        Span badge = new Span(a.statut().libelle());
        badge.addClassName("badge");
        if (a.statut() == StatutAvis.RENDU) {
            badge.addClassName("ok");
        }
        return badge;
    }

    static String direction(String direction) {
        return direction == null || direction.isBlank() ? "Direction non renseignée" : direction;
    }

    Dialog confirmCancel(AvisReferent a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Annuler la demande d'avis ?");
        dialog.setMaxWidth("36em");
        dialog.add(new Paragraph("La demande adressée à " + a.referentNom() + " sera annulée et sa tâche retirée de "
                + "sa liste. Cette action est définitive."));
        Button ok = new Button("Annuler la demande", e -> {
            dialog.close();
            cancel(a);
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Garder la demande", e -> dialog.close()), ok);
        dialog.open();
        return dialog;
    }

    /** Cancels a pending request (after confirmation), then shows the list as it is now. */
    void cancel(AvisReferent a) {
        if (errors.run(() -> service.cancel(a.id()))) {
            Ui.success("La demande d'avis adressée à " + a.referentNom() + " est annulée.");
        } else {
            errors.reveal();
        }
        refresh();
    }

    AvisRequestDialog openRequestDialog() {
        AvisRequestDialog dialog = new AvisRequestDialog(service, communId, this::refresh);
        dialog.open();
        return dialog;
    }
}
