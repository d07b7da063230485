package fr.communs.comite.pv;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_AJOURNEMENT;
import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_CRITERE;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMITE_NOTATION;
import static fr.communs.db.Tables.COMITE_SCORE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONTRIBUTION_COMITE;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;
import static fr.communs.db.Tables.SEANCE_PRESENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.resultat.DossierMasque;
import fr.communs.comite.resultat.ResultatCritere;
import fr.communs.comite.resultat.ResultatDossier;
import fr.communs.comite.resultat.ResultatService;
import fr.communs.comite.resultat.ResultatsSeance;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import fr.communs.support.PdfTexte;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The comité's results and documents on a séance inserted row by row (as the séance and scoring services write it):
 * exact aggregates through {@link ResultatService}, who may see them, the procès-verbal's text and the groupement's
 * extract without any score nor scorer. Two files: Alpha (2 scores, 14,5 / 20, avis favorable avec réserves, one
 * contribution; a member recused through the organisation they represent) and Bêta (3 scores, 12,67 / 20,
 * disagreement on the first criterion, adjourned).
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultatsEtProcesVerbalIT {
    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;
    @Autowired ResultatService resultats;
    @Autowired ProcesVerbalService documents;

    Fixtures.Transmis alpha;
    Fixtures.Transmis beta;
    String titreAlpha;
    String titreBeta;
    String agent;
    String camille;
    String dominique;
    String alix;
    String sacha;
    String referent;
    long seanceId;
    List<Long> criteres;

    @BeforeAll
    void seance() {
        fx.campagne();
        alpha = fx.transmis();
        beta = fx.transmis();
        titreAlpha = titre(alpha.communId());
        titreBeta = titre(beta.communId());
        long campagneId = dsl.select(COMMUN.CAMPAGNE_ID).from(COMMUN).where(COMMUN.COMMUN_ID.eq(alpha.communId()))
                .fetchOne().value1();
        criteres = grille(campagneId);
        agent = fx.account(Roles.AGENT);
        camille = membre("Camille Notatrice");
        dominique = membre("Dominique Notateur");
        alix = membre("Alix Excusée");
        sacha = membre("Sacha Déporté");
        referent = fx.referent("Culture");
        // Sacha represents Alpha's porteur structure: recused from Alpha automatically (cause ORGANISATION).
        dsl.update(COMITE_MEMBRE).set(COMITE_MEMBRE.STRUCTURE_ID, alpha.porteurStructureId())
                .where(COMITE_MEMBRE.APP_USER_ID.eq(fx.idOf(sacha))).execute();

        OffsetDateTime debut = LocalDateTime.of(2026, 6, 16, 14, 0).atZone(Dates.ZONE).toOffsetDateTime();
        seanceId = dsl.insertInto(SEANCE).set(SEANCE.CAMPAGNE_ID, campagneId).set(SEANCE.DEBUT, debut)
                .set(SEANCE.LIEU, "Hôtel du Département, Nîmes").set(SEANCE.STATUT, "CLOSE")
                .set(SEANCE.CREE_PAR, fx.idOf(agent)).returning(SEANCE.SEANCE_ID).fetchOne().getSeanceId();
        audition(alpha.communId(), debut);
        audition(beta.communId(), debut.plusMinutes(30));
        presence(camille, "PRESENT");
        presence(dominique, "PRESENT");
        presence(sacha, "PRESENT");
        presence(alix, "EXCUSE");

        notation(alpha.communId(), camille, 4, 4, 3, 4);
        notation(alpha.communId(), dominique, 4, 3, 4, 3);
        notation(beta.communId(), camille, 5, 3, 4, 2);
        notation(beta.communId(), dominique, 2, 3, 4, 3);
        notation(beta.communId(), sacha, 1, 3, 5, 3);

        dsl.insertInto(COMITE_AVIS).set(COMITE_AVIS.COMMUN_ID, alpha.communId()).set(COMITE_AVIS.SEANCE_ID, seanceId)
                .set(COMITE_AVIS.AVIS, "RESERVE").set(COMITE_AVIS.SUBVENTION_PROPOSEE, new BigDecimal("15000"))
                .set(COMITE_AVIS.MOTIVATION, "Un commun solide, porté par un groupement engagé.")
                .set(COMITE_AVIS.RESERVES, "Préciser les règles de gouvernance avant le vote.")
                .set(COMITE_AVIS.AGENT_ID, fx.idOf(agent)).execute();
        dsl.insertInto(COMITE_AJOURNEMENT).set(COMITE_AJOURNEMENT.SEANCE_ID, seanceId)
                .set(COMITE_AJOURNEMENT.COMMUN_ID, beta.communId())
                .set(COMITE_AJOURNEMENT.MOTIVATION, "Le budget prévisionnel est à préciser.")
                .set(COMITE_AJOURNEMENT.AGENT_ID, fx.idOf(agent)).execute();
        dsl.insertInto(CONTRIBUTION_COMITE).set(CONTRIBUTION_COMITE.COMMUN_ID, alpha.communId())
                .set(CONTRIBUTION_COMITE.SEANCE_ID, seanceId).set(CONTRIBUTION_COMITE.CONTRIBUTEUR, "DEPARTEMENT")
                .set(CONTRIBUTION_COMITE.CONTRIBUTEUR_NOM, "Département du Gard")
                .set(CONTRIBUTION_COMITE.TYPE, "MISE_EN_RELATION")
                .set(CONTRIBUTION_COMITE.DESCRIPTION, "Mise en relation avec la CRESS Occitanie")
                .set(CONTRIBUTION_COMITE.DATE_PREVUE, java.time.LocalDate.of(2026, 9, 1))
                .set(CONTRIBUTION_COMITE.CREE_PAR, fx.idOf(agent)).execute();
    }

    @AfterEach
    void tearDown() {
        statut("CLOSE");
        fx.logout();
    }

    // --- Aggregates ---------------------------------------------------------------------------------------------

    @Test
    void an_agent_gets_the_exact_aggregates_and_the_ranking_of_the_seance() {
        fx.as(agent);
        ResultatsSeance r = resultats.resultats(seanceId);

        assertThat(r.masques()).isEmpty();
        assertThat(r.grille()).hasSize(4);
        assertThat(r.dossiers()).extracting(ResultatDossier::titre).containsExactly(titreAlpha, titreBeta);
        assertThat(r.dossiers()).extracting(ResultatDossier::rang).containsExactly(1, 2);
        assertThat(r.dossiers()).extracting(ResultatDossier::moyenneSur20)
                .containsExactly(new BigDecimal("14.50"), new BigDecimal("12.67"));
        assertThat(r.dossiers()).extracting(ResultatDossier::nombreNotations).containsExactly(2, 3);
        ResultatDossier b = r.dossiers().get(1);
        assertThat(b.criteres()).extracting(ResultatCritere::moyenne).containsExactly(new BigDecimal("2.67"),
                new BigDecimal("3.00"), new BigDecimal("4.33"), new BigDecimal("2.67"));
        assertThat(b.criteres()).extracting(ResultatCritere::mediane).containsExactly(new BigDecimal("2.00"),
                new BigDecimal("3.00"), new BigDecimal("4.00"), new BigDecimal("3.00"));
        assertThat(b.criteres().get(0)).extracting(ResultatCritere::min, ResultatCritere::max, ResultatCritere::nombreNotes)
                .containsExactly(1, 5, 3);
        assertThat(b.desaccords()).extracting(c -> c.critere().numero()).containsExactly(1);
        assertThat(r.dossiers().get(0).desaccord()).isFalse();
    }

    @Test
    void a_member_recused_from_a_file_does_not_see_its_results() {
        fx.as(sacha);
        ResultatsSeance r = resultats.resultats(seanceId);

        assertThat(r.dossiers()).extracting(ResultatDossier::communId).containsExactly(beta.communId());
        assertThat(r.dossiers().get(0).rang()).as("ranks stay those of the whole séance").isEqualTo(2);
        assertThat(r.masques()).singleElement().satisfies(m -> {
            assertThat(m.communId()).isEqualTo(alpha.communId());
            assertThat(m.raison()).isEqualTo(DossierMasque.Raison.DEPORTE);
        });
    }

    @Test
    void a_member_who_has_not_scored_sees_the_results_only_once_the_seance_is_closed() {
        statut("OUVERTE");
        fx.as(alix);
        assertThat(resultats.resultats(seanceId).dossiers()).isEmpty();
        assertThat(resultats.resultats(seanceId).masques()).extracting(DossierMasque::raison)
                .containsOnly(DossierMasque.Raison.NOTATION_A_SOUMETTRE).hasSize(2);
        fx.as(camille);
        assertThat(resultats.resultats(seanceId).dossiers()).as("Camille scored both").hasSize(2);

        statut("CLOSE");
        fx.as(alix);
        assertThat(resultats.resultats(seanceId).dossiers()).hasSize(2);
    }

    @Test
    void a_structure_a_referent_and_the_administrator_never_see_the_results() {
        for (String email : List.of(alpha.porteurEmail(), alpha.membreEmail(), referent, fx.admin())) {
            fx.as(email);
            assertThatThrownBy(() -> resultats.resultats(seanceId)).as(email).isInstanceOf(NotAllowedException.class)
                    .hasMessage(ResultatService.RESERVE);
        }
        fx.logout();
        assertThatThrownBy(() -> resultats.resultats(seanceId)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void a_deactivated_member_of_the_comite_no_longer_sees_the_results_nor_the_proces_verbal() {
        String ancien = membre("Ancien Membre");
        dsl.update(COMITE_MEMBRE).set(COMITE_MEMBRE.DESACTIVE_LE, OffsetDateTime.now())
                .where(COMITE_MEMBRE.APP_USER_ID.eq(fx.idOf(ancien))).execute();
        fx.as(ancien);
        assertThatThrownBy(() -> resultats.resultats(seanceId)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> documents.procesVerbal(seanceId)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void a_cancelled_seance_has_no_proces_verbal() {
        statut("ANNULEE");
        fx.as(agent);
        assertThatThrownBy(() -> documents.procesVerbal(seanceId)).isInstanceOf(ValidationException.class)
                .hasMessage("Cette séance a été annulée : elle n'a pas de procès-verbal.");
    }

    @Test
    void an_unknown_seance_is_refused_in_french() {
        fx.as(agent);
        assertThatThrownBy(() -> resultats.resultats(seanceId + 100_000)).isInstanceOf(ValidationException.class)
                .hasMessage("Cette séance n'existe pas.");
    }

    // --- Procès-verbal ------------------------------------------------------------------------------------------

    @Test
    void the_proces_verbal_records_attendance_recusals_scores_avis_and_contributions() {
        fx.as(agent);
        DocumentPdf pdf = documents.procesVerbal(seanceId);
        String texte = PdfTexte.of(pdf.contenu());

        assertThat(pdf.nomFichier()).isEqualTo("proces-verbal-seance-2026-06-16.pdf");
        assertThat(texte).contains("Procès-verbal de la séance du comité d'accompagnement des communs")
                .doesNotContain("Projet")
                .contains("Séance du : mardi 16 juin 2026 à 14 h 00", "Lieu : Hôtel du Département, Nîmes")
                .contains("Présents (3)", "Camille Notatrice", "Dominique Notateur", "Sacha Déporté")
                .contains("Excusés (1) • Alix Excusée", "Absents (0) Aucun.")
                .contains(titreAlpha, "Moyenne pondérée : 14,5 / 20", "Rang : 1 sur 2", "Nombre de notations : 2")
                .contains("Sacha Déporté (représente une structure liée au dossier (")
                .contains("Avis : Favorable avec réserves",
                        "Motivation : Un commun solide, porté par un groupement engagé.",
                        "Réserves : Préciser les règles de gouvernance avant le vote.",
                        "Subvention proposée : 15 000,00 €")
                .contains("Mise en relation — Département du Gard : Mise en relation avec la CRESS Occitanie, prévue le "
                        + "1er septembre 2026 (proposée)")
                .contains(titreBeta, "Moyenne pondérée : 12,67 / 20",
                        "Désaccord sur « Nombre et typologie des contributeurs » : notes de 1 à 5 (écart de 4 points).",
                        "Avis : Ajourné à une séance ultérieure", "Motivation : Le budget prévisionnel est à préciser.");
        assertThat(texte.indexOf(titreAlpha)).as("ranked: Alpha first").isLessThan(texte.indexOf(titreBeta));
    }

    @Test
    void until_the_seance_is_closed_it_is_a_project_of_proces_verbal() {
        statut("OUVERTE");
        fx.as(camille);
        DocumentPdf pdf = documents.procesVerbal(seanceId);

        assertThat(pdf.nomFichier()).isEqualTo("projet-proces-verbal-seance-2026-06-16.pdf");
        assertThat(PdfTexte.of(pdf.contenu())).contains("Projet de procès-verbal de la séance")
                .contains("Moyenne pondérée : 14,5 / 20");
    }

    @Test
    void the_copy_of_a_recused_member_leaves_out_the_deliberation_of_that_file() {
        fx.as(sacha);
        String texte = PdfTexte.of(documents.procesVerbal(seanceId).contenu());

        assertThat(texte).contains(titreAlpha, "Vous êtes déporté(e) de ce dossier")
                .doesNotContain("14,5 / 20", "Un commun solide", "Préciser les règles", "CRESS Occitanie")
                .contains(titreBeta, "Moyenne pondérée : 12,67 / 20");
    }

    @Test
    void the_proces_verbal_is_refused_to_structures_referents_and_the_administrator() {
        for (String email : List.of(alpha.porteurEmail(), alpha.membreEmail(), referent, fx.admin())) {
            fx.as(email);
            assertThatThrownBy(() -> documents.procesVerbal(seanceId)).as(email)
                    .isInstanceOf(NotAllowedException.class);
        }
    }

    // --- The groupement's extract -------------------------------------------------------------------------------

    @Test
    void the_groupement_gets_the_avis_motivation_and_contributions_without_any_score_nor_scorer() {
        fx.as(alpha.membreEmail());
        AvisDuComite avis = documents.avisDuComite(alpha.communId()).orElseThrow();
        assertThat(avis.avisLibelle()).isEqualTo("Favorable avec réserves");
        assertThat(avis.definitif()).isTrue();
        assertThat(avis.contributions()).extracting(ContributionProposee::description)
                .containsExactly("Mise en relation avec la CRESS Occitanie");

        DocumentPdf pdf = documents.avisDuComitePdf(alpha.communId());
        String texte = PdfTexte.of(pdf.contenu());
        assertThat(pdf.nomFichier()).isEqualTo("avis-comite-" + alpha.communId() + ".pdf");
        assertThat(texte).contains("Avis du comité d'accompagnement des communs")
                .contains(titreAlpha, "Avis : Favorable avec réserves",
                        "Motivation : Un commun solide, porté par un groupement engagé.",
                        "Réserves : Préciser les règles de gouvernance avant le vote.",
                        "Subvention proposée : 15 000,00 €", "Mise en relation avec la CRESS Occitanie")
                .doesNotContain("Moyenne", "/ 20", "14,5", "Rang", "Médiane", "Critère", "Désaccord")
                .doesNotContain("Camille", "Dominique", "Sacha", "Alix", "Notat")
                .doesNotContain(titreBeta);
    }

    @Test
    void the_adjourned_groupement_gets_the_adjournment_and_its_motivation() {
        fx.as(beta.porteurEmail());
        String texte = PdfTexte.of(documents.avisDuComitePdf(beta.communId()).contenu());

        assertThat(texte).contains(titreBeta, "Avis : Ajourné à une séance ultérieure",
                        "Motivation : Le budget prévisionnel est à préciser.")
                .doesNotContain("Subvention", "12,67", "Moyenne", "Camille", "Sacha");
    }

    @Test
    void the_extract_is_refused_to_another_groupement_to_comite_members_and_to_referents() {
        for (String email : List.of(beta.porteurEmail(), camille, referent, fx.admin())) {
            fx.as(email);
            assertThatThrownBy(() -> documents.avisDuComitePdf(alpha.communId())).as(email)
                    .isInstanceOf(NotAllowedException.class);
        }
    }

    @Test
    void the_groupement_waits_for_the_closing_of_the_seance_while_agents_read_the_project() {
        statut("OUVERTE");
        fx.as(alpha.porteurEmail());
        assertThat(documents.avisDuComite(alpha.communId())).isEmpty();
        assertThatThrownBy(() -> documents.avisDuComitePdf(alpha.communId())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("clôture de la séance");

        fx.as(agent);
        assertThat(documents.avisDuComite(alpha.communId())).hasValueSatisfying(a -> assertThat(a.definitif()).isFalse());
        assertThat(PdfTexte.of(documents.avisDuComitePdf(alpha.communId()).contenu()))
                .contains("Projet : la séance n'est pas close");
    }

    // --- Data, inserted as the séance and scoring services write it ---------------------------------------------

    private String titre(long communId) {
        return dsl.select(COMMUN.TITRE).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).fetchOne().value1();
    }

    /** The campagne's four criteria (seeded by the migration for campagnes that existed then; inserted otherwise). */
    private List<Long> grille(long campagneId) {
        if (dsl.fetchCount(COMITE_CRITERE, COMITE_CRITERE.CAMPAGNE_ID.eq(campagneId)) == 0) {
            String[] libelles = {"Nombre et typologie des contributeurs",
                    "Gouvernance démocratique, coopérative et transparente",
                    "Pertinence des projets en lien avec les défis",
                    "Pertinence de la proposition relativement à la notion de communs"};
            for (int i = 0; i < libelles.length; i++) {
                dsl.insertInto(COMITE_CRITERE).set(COMITE_CRITERE.CAMPAGNE_ID, campagneId)
                        .set(COMITE_CRITERE.NUMERO, i + 1).set(COMITE_CRITERE.LIBELLE, libelles[i]).execute();
            }
        }
        return dsl.select(COMITE_CRITERE.COMITE_CRITERE_ID).from(COMITE_CRITERE)
                .where(COMITE_CRITERE.CAMPAGNE_ID.eq(campagneId)).orderBy(COMITE_CRITERE.NUMERO)
                .fetch(COMITE_CRITERE.COMITE_CRITERE_ID);
    }

    private String membre(String nom) {
        String email = fx.account(Roles.COMITE);
        dsl.update(APP_USER).set(APP_USER.NOM_COMPLET, nom).where(APP_USER.EMAIL.eq(email)).execute();
        return email;
    }

    private void audition(long communId, OffsetDateTime debut) {
        dsl.insertInto(SEANCE_AUDITION).set(SEANCE_AUDITION.SEANCE_ID, seanceId).set(SEANCE_AUDITION.COMMUN_ID, communId)
                .set(SEANCE_AUDITION.DEBUT, debut).set(SEANCE_AUDITION.DUREE_MINUTES, (short) 30)
                .set(SEANCE_AUDITION.STATUT, "TENUE").execute();
    }

    private void presence(String email, String presence) {
        dsl.insertInto(SEANCE_PRESENCE).set(SEANCE_PRESENCE.SEANCE_ID, seanceId).set(SEANCE_PRESENCE.APP_USER_ID, fx.idOf(email))
                .set(SEANCE_PRESENCE.PRESENCE, presence).set(SEANCE_PRESENCE.ENREGISTRE_PAR, fx.idOf(agent)).execute();
    }

    private void notation(long communId, String email, int... notes) {
        long membre = fx.idOf(email);
        dsl.insertInto(COMITE_NOTATION).set(COMITE_NOTATION.SEANCE_ID, seanceId).set(COMITE_NOTATION.COMMUN_ID, communId)
                .set(COMITE_NOTATION.APP_USER_ID, membre).execute();
        for (int i = 0; i < notes.length; i++) {
            dsl.insertInto(COMITE_SCORE).set(COMITE_SCORE.SEANCE_ID, seanceId).set(COMITE_SCORE.COMMUN_ID, communId)
                    .set(COMITE_SCORE.APP_USER_ID, membre).set(COMITE_SCORE.COMITE_CRITERE_ID, criteres.get(i))
                    .set(COMITE_SCORE.NOTE, (short) notes[i]).set(COMITE_SCORE.COMMENTAIRE, "Commentaire de " + email)
                    .execute();
        }
    }

    private void statut(String statut) {
        dsl.update(SEANCE).set(SEANCE.STATUT, statut).where(SEANCE.SEANCE_ID.eq(seanceId)).execute();
    }
}
