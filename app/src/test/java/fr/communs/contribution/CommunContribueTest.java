package fr.communs.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communs.commun.Commun;
import fr.communs.base.CommunStatut;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contributions judge the commun's state exactly as the commun's feature does. */
class CommunContribueTest {

    @ParameterizedTest
    @EnumSource(CommunStatut.class)
    void a_commun_state_means_the_same_for_its_contributions_as_for_the_commun(CommunStatut statut) {
        Commun commun = new Commun(1, 1, "Titre", null, null, null, null, 7, "Porteur", statut, null, null, List.of(),
                Set.of(), null, false, false, List.of(), null, false, null, 0);
        CommunContribue vu = new CommunContribue(1, "Titre", statut, 7, false);

        assertThat(vu.brouillon()).isEqualTo(commun.brouillon());
        assertThat(vu.modifiable()).isEqualTo(commun.modifiable());
        assertThat(vu.termine()).isEqualTo(statut.termine());
        assertThat(vu.libelleTermine()).isEqualTo(statut.termine() ? statut.libelle() : null);
    }
}
