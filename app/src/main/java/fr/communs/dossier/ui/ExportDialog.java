package fr.communs.dossier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fr.communs.base.Dates;
import fr.communs.base.ui.ErrorPanel;
import fr.communs.dossier.Colonne;
import fr.communs.dossier.DossierService;
import fr.communs.dossier.FormatExport;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Bulk action "Exporter": the agent chooses the columns and the format, the file is prepared (and checked) by the
 * service, then offered as a download (an attachment, never shown in the browser).
 */
class ExportDialog extends Dialog {
    private final CheckboxGroup<Colonne> colonnes = new CheckboxGroup<>("Colonnes");
    private final RadioButtonGroup<FormatExport> format = new RadioButtonGroup<>("Format");
    private final VerticalLayout download = new VerticalLayout();

    ExportDialog(DossierService dossiers, List<Long> communIds) {
        int n = communIds.size();
        setHeaderTitle(n == 1 ? "Exporter le dossier sélectionné" : "Exporter les " + n + " dossiers sélectionnés");
        setWidth("min(36em, 95vw)");
        ErrorPanel errors = new ErrorPanel();
        colonnes.setItems(Colonne.values());
        colonnes.setItemLabelGenerator(Colonne::entete);
        colonnes.setValue(java.util.Set.of(Colonne.values()));
        colonnes.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        format.setItems(FormatExport.values());
        format.setItemLabelGenerator(FormatExport::libelle);
        format.setValue(FormatExport.CSV);
        download.setPadding(false);
        download.setVisible(false);
        colonnes.addValueChangeListener(e -> download.setVisible(false));
        format.addValueChangeListener(e -> download.setVisible(false));
        add(new VerticalLayout(errors, colonnes, format, download));

        Button prepare = new Button("Préparer le fichier", VaadinIcon.FILE_TABLE.create(), e -> {
            List<Colonne> chosen = Arrays.stream(Colonne.values()).filter(colonnes.getValue()::contains).toList();
            FormatExport f = format.getValue();
            byte[][] bytes = new byte[1][];
            if (errors.run(() -> bytes[0] = dossiers.export(communIds, chosen, f))) {
                offer(bytes[0], f);
            } else {
                errors.reveal();
            }
        });
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Fermer", e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close, prepare);
    }

    private void offer(byte[] bytes, FormatExport f) {
        String name = "dossiers-" + Dates.today() + "." + f.extension();
        DownloadHandler handler = DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new ByteArrayInputStream(bytes), name, f.typeMime(), bytes.length));
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, "Télécharger " + name + " (" + taille(bytes.length) + ")");
        link.getElement().setAttribute("aria-label", "Télécharger le fichier " + name);
        download.removeAll();
        download.add(link);
        download.setVisible(true);
    }

    private static String taille(int bytes) {
        return bytes < 1024 ? bytes + " octets" : (bytes + 1023) / 1024 + " Ko";
    }
}
