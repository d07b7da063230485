package fr.communs.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

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
                "StartEvent_IdeeDeposee", "Task_ConstituerGroupement", "Task_Instruire", "Task_AttendreSeance",
                "Task_NoterSeance", "Task_AvisSeance", "Task_VoteAssemblee", "Task_DeposerLivrable", "EndEvent_Laureat");
    }

    @Test
    void the_old_comite_steps_stand_for_the_seance_steps_of_the_milestones() {
        assertThat(CycleCommunProcess.ANCIENNES_ETAPES).containsOnly(
                Map.entry("Task_ConvoquerComite", "Task_AttendreSeance"),
                Map.entry("Task_NoterAudition", "Task_NoterSeance"),
                Map.entry("Task_AvisComite", "Task_AvisSeance"));
        assertThat(CycleCommunProcess.MILESTONES).containsAll(CycleCommunProcess.ANCIENNES_ETAPES.values())
                .doesNotContainAnyElementsOf(CycleCommunProcess.ANCIENNES_ETAPES.keySet());
    }

    @Test
    void convocation_holds_the_seance_its_day_as_the_notes_due_date_and_the_avis_a_week_later() {
        Date debut = Date.from(Instant.parse("2026-04-16T14:00:00Z"));

        Map<String, Object> variables = CycleCommunProcess.convocation(5L, debut);

        assertThat(variables).containsOnly(
                Map.entry(CycleCommunProcess.VAR_SEANCE_ID, 5L),
                Map.entry(CycleCommunProcess.VAR_DATE_AUDITION, debut),
                Map.entry(CycleCommunProcess.VAR_DATE_AVIS_COMITE, Date.from(Instant.parse("2026-04-23T14:00:00Z"))));
        assertThat(variables.get(CycleCommunProcess.VAR_SEANCE_ID)).isInstanceOf(Long.class);
        assertThatThrownBy(() -> CycleCommunProcess.convocation(5L, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void audition_opened_holds_a_copy_of_the_scoring_members_and_the_avis_its_name() {
        java.util.List<String> membres = new java.util.ArrayList<>(java.util.List.of("alice", "bob"));

        Map<String, Object> variables = CycleCommunProcess.auditionOuverte(membres);
        membres.add("carole");

        assertThat(variables).containsOnly(Map.entry(CycleCommunProcess.VAR_MEMBRES_COMITE, java.util.List.of("alice", "bob")));
        assertThat(variables.get(CycleCommunProcess.VAR_MEMBRES_COMITE)).isInstanceOf(java.util.ArrayList.class);
        assertThat(CycleCommunProcess.avisComite(CycleCommunProcess.AVIS_AJOURNE))
                .containsOnly(Map.entry(CycleCommunProcess.VAR_AVIS_COMITE, "AJOURNE"));
        assertThatThrownBy(() -> CycleCommunProcess.avisComite(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void complements_reminder_is_three_days_before_a_far_due_date() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        Date due = Date.from(Instant.parse("2026-03-16T17:00:00Z"));

        assertThat(CycleCommunProcess.complementsReminderDate(Date.from(now), due))
                .isEqualTo(Date.from(Instant.parse("2026-03-13T17:00:00Z")));
    }

    @Test
    void complements_reminder_is_half_way_when_the_due_date_is_less_than_six_days_away() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        assertThat(CycleCommunProcess.complementsReminderDate(Date.from(now),
                Date.from(now.plus(Duration.ofDays(4))))).isEqualTo(Date.from(now.plus(Duration.ofDays(2))));
        assertThat(CycleCommunProcess.complementsReminderDate(Date.from(now),
                Date.from(now.plus(Duration.ofDays(6))))).as("both rules agree at 6 days")
                .isEqualTo(Date.from(now.plus(Duration.ofDays(3))));
        assertThat(CycleCommunProcess.complementsReminderDate(Date.from(now),
                Date.from(now.plus(Duration.ofHours(10))))).isEqualTo(Date.from(now.plus(Duration.ofHours(5))));
    }

    @Test
    void complements_reminder_for_a_past_or_present_due_date_is_now() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        assertThat(CycleCommunProcess.complementsReminderDate(Date.from(now), Date.from(now.minusSeconds(60))))
                .isEqualTo(Date.from(now));
        assertThat(CycleCommunProcess.complementsReminderDate(Date.from(now), Date.from(now)))
                .isEqualTo(Date.from(now));
    }

    @Test
    void complements_variables_hold_the_decision_the_due_date_and_the_reminder_date() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        Date due = Date.from(Instant.parse("2026-03-16T17:00:00Z"));

        assertThat(CycleCommunProcess.complements(Date.from(now), due)).containsOnly(
                Map.entry(CycleCommunProcess.VAR_DECISION_INSTRUCTION, "COMPLEMENTS"),
                Map.entry(CycleCommunProcess.VAR_DATE_LIMITE_COMPLEMENTS, due),
                Map.entry(CycleCommunProcess.VAR_DATE_RAPPEL_COMPLEMENTS,
                        Date.from(Instant.parse("2026-03-13T17:00:00Z"))));
        assertThatThrownBy(() -> CycleCommunProcess.complements(Date.from(now), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void instructeur_variable_names_the_agent_or_releases_the_file_with_null() {
        assertThat(CycleCommunProcess.instructeur("12")).containsOnly(Map.entry(CycleCommunProcess.VAR_INSTRUCTEUR, "12"));
        assertThat(CycleCommunProcess.instructeur(null)).containsKey(CycleCommunProcess.VAR_INSTRUCTEUR)
                .hasSize(1).containsValue(null);
    }
}
