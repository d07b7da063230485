package fr.communs.comite.deliberation;

import fr.communs.base.Montants;
import fr.communs.commun.CommunService;
import fr.communs.comite.deliberation.internal.JooqAvisSeanceRepository;
import fr.communs.comite.seance.SeanceEvents;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a séance closes, each groupement whose file received an avis is told it (notification and e-mail), with a link
 * to its « Avis du comité » page: the avis, its motivation, the réserves, the subsidy proposed and the contributions —
 * never the individual scores. Same transaction as the close: if it rolls back, nobody is told.
 */
@Component
class AvisNotifications {
    private final JooqAvisSeanceRepository avis;
    private final CommunService communs;
    private final NotificationService notifications;

    AvisNotifications(JooqAvisSeanceRepository avis, CommunService communs, NotificationService notifications) {
        this.avis = avis;
        this.communs = communs;
        this.notifications = notifications;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onClose(SeanceEvents.SeanceClose event) {
        for (long communId : event.communIds()) {
            avis.ofCommun(communId).stream()
                    .filter(a -> a.seanceId() == event.seanceId() && a.type() != AvisSeance.Type.AJOURNE)
                    .findFirst().ifPresent(a -> notifier(communId, a));
        }
    }

    private void notifier(long communId, AvisRendu a) {
        String titre = communs.get(communId).titre();
        StringBuilder texte = new StringBuilder("Le Comité d'accompagnement des communs a rendu son avis sur votre commun « ")
                .append(titre).append(" » : ").append(a.type().libelle().toLowerCase(Locale.FRENCH)).append('.');
        if (a.type().proposeUneSubvention() && a.subvention() != null) {
            texte.append("\nSubvention proposée à l'Assemblée : ").append(Montants.format(a.subvention())).append('.');
        }
        if (a.reserves() != null) {
            texte.append("\n\nRéserves : ").append(a.reserves());
        }
        if (a.motivation() != null) {
            texte.append("\n\nMotivation : ").append(a.motivation());
        }
        texte.append("\n\nL'avis et les contributions proposées par le comité sont sur la page « Avis du comité » de votre "
                + "commun. La subvention est ensuite soumise au vote de l'Assemblée.");
        notifications.notifyStructures(communs.membres(communId).stream().map(m -> m.structure().id()).toList(),
                NotificationType.AVIS_COMITE, "Avis du comité sur « " + titre + " »", texte.toString(),
                "communs/" + communId + "/avis-comite");
    }
}
