package fr.communs.commun;

import fr.communs.base.CommunStatut;
import fr.communs.task.PendingAnswers;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers the groupements wait for, listed in "Mes tâches": invitations received, join requests to accept or
 * refuse (porteur), proposals to become porteur administratif and participations to confirm. Each is answered at the
 * top of the commun's page.
 */
@Component
class GroupementAnswers implements PendingAnswers {
    private final GroupementService groupements;

    GroupementAnswers(GroupementService groupements) {
        this.groupements = groupements;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Answer> mine() {
        List<Answer> answers = new ArrayList<>();
        for (DemandeGroupement d : groupements.myPending()) {
            if (d.sens() == DemandeGroupement.Sens.INVITATION) {
                answers.add(answer(d.communId(), d.communTitre(), d.structureNom(), "Invitation à rejoindre le groupement ("
                        + d.role().libelle().toLowerCase() + ") : accepter ou décliner", d.createdAt()));
            }
        }
        for (DemandeGroupement d : groupements.requestsToAnswer()) {
            answers.add(answer(d.communId(), d.communTitre(), d.structureNom(), "Demande de « " + d.structureNom()
                    + " » pour rejoindre votre groupement (" + d.role().libelle().toLowerCase() + ") : accepter ou refuser",
                    d.createdAt()));
        }
        for (GroupementService.MonCommun m : groupements.myCommuns()) {
            if (m.commun().statut() != CommunStatut.EN_CONSTITUTION) {
                continue;
            }
            if (m.porteurPropose()) {
                answers.add(answer(m.commun().id(), m.commun().titre(), m.structureNom(),
                        "Proposition de devenir porteur administratif : accepter ou décliner", null));
            }
            if (!m.confirme()) {
                answers.add(answer(m.commun().id(), m.commun().titre(), m.structureNom(),
                        "Confirmer votre participation en tant que " + m.role().libelle().toLowerCase(), null));
            }
        }
        answers.sort(Comparator.comparing(Answer::depuis, Comparator.nullsLast(Comparator.naturalOrder())));
        return answers;
    }

    private static Answer answer(long communId, String titre, String structure, String quoi, OffsetDateTime depuis) {
        return new Answer(communId, titre, structure, quoi, depuis, "communs/" + communId);
    }
}
