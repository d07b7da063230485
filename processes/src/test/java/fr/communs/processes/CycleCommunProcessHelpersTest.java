package fr.communs.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;

import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import org.junit.jupiter.api.Test;

class CycleCommunProcessHelpersTest {

    @Test
    void business_key_is_commun_dash_id_and_round_trips() {
        assertThat(CycleCommunProcess.businessKey(42L)).isEqualTo("commun-42");
        assertThat(CycleCommunProcess.communIdFromBusinessKey(CycleCommunProcess.businessKey(9_876_543_210L)))
                .isEqualTo(9_876_543_210L);
    }

    @Test
    void a_foreign_business_key_is_rejected() {
        assertThatThrownBy(() -> CycleCommunProcess.communIdFromBusinessKey("structure-3"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CycleCommunProcess.communIdFromBusinessKey("commun-abc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CycleCommunProcess.communIdFromBusinessKey(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void structure_group_is_structure_dash_id() {
        assertThat(CycleCommunProcess.structureGroup(7L)).isEqualTo("structure-7");
    }

    @Test
    void start_variables_hold_typed_commun_id_porteur_group_deadline_and_reminder_dates() {
        Date deadline = new Date(1_700_000_000_000L);

        var variables = CycleCommunProcess.startVariables(12L, 34L, deadline);

        assertThat(variables)
                .containsEntry(CycleCommunProcess.VAR_COMMUN_ID, 12L)
                .containsEntry(CycleCommunProcess.VAR_PORTEUR_GROUP, "structure-34")
                .containsEntry(CycleCommunProcess.VAR_DATE_LIMITE_DEPOT, deadline)
                .containsEntry(CycleCommunProcess.VAR_DATE_RAPPEL_7_JOURS, new Date(1_700_000_000_000L - 7 * 86_400_000L))
                .containsEntry(CycleCommunProcess.VAR_DATE_RAPPEL_2_JOURS, new Date(1_700_000_000_000L - 2 * 86_400_000L))
                .containsKey(CycleCommunProcess.VAR_DATE_PUBLICATION)
                .hasSize(6);
        assertThat(variables.get(CycleCommunProcess.VAR_COMMUN_ID)).isInstanceOf(Long.class);
    }

    @Test
    void decision_and_vote_are_stored_as_enum_names() {
        assertThat(CycleCommunProcess.decision(DecisionInstruction.NON_RECEVABLE))
                .containsExactly(java.util.Map.entry(CycleCommunProcess.VAR_DECISION_INSTRUCTION, "NON_RECEVABLE"));
        assertThat(CycleCommunProcess.vote(ResultatVote.AJOURNE))
                .containsExactly(java.util.Map.entry(CycleCommunProcess.VAR_RESULTAT_VOTE, "AJOURNE"));
    }

    @Test
    void milestones_follow_the_laureate_path_in_order() {
        assertThat(CycleCommunProcess.MILESTONES).containsExactly(
                "StartEvent_IdeeDeposee", "Task_ConstituerGroupement", "Task_Instruire", "Task_NoterAudition",
                "Task_AvisComite", "Task_VoteAssemblee", "Task_DeposerLivrable", "EndEvent_Laureat");
    }
}
