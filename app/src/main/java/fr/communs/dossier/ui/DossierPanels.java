package fr.communs.dossier.ui;

import com.vaadin.flow.component.Component;
import fr.communs.dossier.DossierService;
import fr.communs.avis.AvisService;
import fr.communs.historique.HistoriqueService;
import fr.communs.historique.ui.HistoriquePanel;
import fr.communs.livrable.LivrableService;
import fr.communs.livrable.ui.LivrablePanel;
import fr.communs.avis.ui.AvisPanel;
import fr.communs.messagerie.MessageService;
import fr.communs.piece.PieceJointeService;
import fr.communs.piece.ui.PiecesPanel;
import fr.communs.messagerie.ui.MessagesPanel;
import fr.communs.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;

/** The panels of the other features shown on a file's screen (attachments, avis, messages, livrable, timeline, labels). */
@org.springframework.stereotype.Component
class DossierPanels {
    private final MessageService messages;
    private final CurrentUser currentUser;
    private final AvisService avis;
    private final PieceJointeService pieces;
    private final HistoriqueService historique;
    private final DossierService dossiers;
    private final LivrableService livrables;
    private final fr.communs.instruction.InstructionService instructions;

    DossierPanels(MessageService messages, CurrentUser currentUser, AvisService avis, PieceJointeService pieces,
                  HistoriqueService historique, DossierService dossiers, LivrableService livrables,
                  fr.communs.instruction.InstructionService instructions) {
        this.instructions = instructions;
        this.livrables = livrables;
        this.historique = historique;
        this.dossiers = dossiers;
        this.pieces = pieces;
        this.messages = messages;
        this.avis = avis;
        this.currentUser = currentUser;
    }

    /** The labels of the file, with add / remove. */
    Component labels(long communId) {
        return new EtiquettesPanel(dossiers, communId);
    }

    /** How many avis of référents are still awaited on the file. */
    long pendingAvis(long communId) {
        return avis.ofCommun(communId).stream().filter(a -> a.statut() == fr.communs.avis.StatutAvis.EN_ATTENTE).count();
    }

    /** Tab title → content for a référent whose avis was asked: their requests, then the pieces (read only). */
    Map<String, Component> referentTabs(long communId) {
        Map<String, Component> tabs = new LinkedHashMap<>();
        tabs.put("Votre avis", AvisPanel.forReferent(avis, communId));
        int nbPieces = pieces.list(communId).size();
        tabs.put(nbPieces == 0 ? "Pièces" : "Pièces (" + nbPieces + ")", new PiecesPanel(pieces, communId, false));
        return tabs;
    }

    /** Tab title → content, in display order. */
    Map<String, Component> tabs(long communId) {
        Map<String, Component> tabs = new LinkedHashMap<>();
        int nbPieces = pieces.list(communId).size();
        tabs.put(nbPieces == 0 ? "Pièces" : "Pièces (" + nbPieces + ")", new PiecesPanel(pieces, communId, false));
        long pending = pendingAvis(communId);
        tabs.put(pending == 0 ? "Avis" : "Avis (" + pending + " attendus)", new AvisPanel(avis, communId));
        int count = messages.count(communId);
        tabs.put(count == 0 ? "Messages" : "Messages (" + count + ")", new MessagesPanel(messages, currentUser, communId));
        instructions.syntheseComite(communId).ifPresent(synthese ->
                tabs.put("Synthèse pour le comité", new SynthesePanel(instructions, communId, synthese)));
        LivrablePanel.forAgents(livrables, communId).ifPresent(livrable -> tabs.put("Livrable", livrable));
        tabs.put("Historique", new HistoriquePanel(historique, communId));
        return tabs;
    }
}
