package fr.communs.dossier;

import fr.communs.base.CommunStatut;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One file of the agents' "Dossiers" list.
 *
 * @param defis       the file's défis, "Défi 1", "Défi 2"… in the appel's order
 * @param territoire  the communes concerned, joined ("Alès, Nîmes"), or the scale when none is given ("Département")
 * @param transmisLe  when the porteur transmitted the file (null before the transmission)
 * @param echeance    due date of the file's open step, Paris time: "Instruire le dossier" while in instruction,
 *                    "Compléter le dossier" while compléments are asked (null otherwise)
 * @param etiquettes  the labels the agents put on the file, in alphabetical order
 */
public record DossierLigne(long communId, String titre, CommunStatut statut, String porteur, List<String> defis,
                           String territoire, OffsetDateTime transmisLe, Long instructeurId, String instructeurNom,
                           LocalDateTime echeance, List<String> etiquettes) {

    public DossierLigne {
        defis = defis == null ? List.of() : List.copyOf(defis);
        etiquettes = etiquettes == null ? List.of() : List.copyOf(etiquettes);
    }

    /** Whether the due date of the open step has passed at {@code now} (Paris time). */
    public boolean enRetard(LocalDateTime now) {
        return echeance != null && echeance.isBefore(now);
    }
}
