package fr.communs.commun;

import fr.communs.base.CommunStatut;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A line of the public "Communs déposés" list.
 *
 * @param nombreStructures   structures of the groupement, porteur included
 * @param defis              numéros of the défis it answers, in order
 * @param cherchePartenaires whether it looks for partners now: groupement being formed and the porteur's wish
 * @param publieLe           when it was published
 */
public record CommunSummary(long id, String titre, String resume, String porteurNom, CommunStatut statut,
                            int nombreStructures, List<Integer> defis, boolean cherchePartenaires,
                            OffsetDateTime publieLe) {

    public CommunSummary {
        defis = defis == null ? List.of() : List.copyOf(defis);
    }
}
