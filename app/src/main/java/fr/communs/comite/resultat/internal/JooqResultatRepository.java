package fr.communs.comite.resultat.internal;

import static fr.communs.db.Tables.COMITE_CRITERE;
import static fr.communs.db.Tables.COMITE_DEPORT_V;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMITE_NOTATION;
import static fr.communs.db.Tables.COMITE_SCORE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;

import fr.communs.comite.resultat.Agregation;
import fr.communs.comite.resultat.CritereGrille;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a séance's scores for the results and the procès-verbal: the séance, its grid, the files on its agenda (not
 * those moved to another séance before their audition), every score, and what a member may see (recusals, own
 * notations submitted). Written by the séance and scoring services; only read here.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqResultatRepository {
    /** The audition status of a file taken off the séance before its audition. */
    private static final String DEPLACEE = "DEPLACEE";

    private final DSLContext dsl;

    JooqResultatRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record SeanceRow(long id, long campagneId, OffsetDateTime debut, String lieu, String lienVisio, String statut) {
    }

    public Optional<SeanceRow> seance(long seanceId) {
        return dsl.select(SEANCE.SEANCE_ID, SEANCE.CAMPAGNE_ID, SEANCE.DEBUT, SEANCE.LIEU, SEANCE.LIEN_VISIO, SEANCE.STATUT)
                .from(SEANCE).where(SEANCE.SEANCE_ID.eq(seanceId))
                .fetchOptional(r -> new SeanceRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The campagne's grid, and any other criterion a score of this séance refers to, by number. */
    public List<CritereGrille> grille(long seanceId, long campagneId) {
        return dsl.selectFrom(COMITE_CRITERE)
                .where(COMITE_CRITERE.CAMPAGNE_ID.eq(campagneId).or(COMITE_CRITERE.COMITE_CRITERE_ID.in(
                        dsl.selectDistinct(COMITE_SCORE.COMITE_CRITERE_ID).from(COMITE_SCORE)
                                .where(COMITE_SCORE.SEANCE_ID.eq(seanceId)))))
                .orderBy(COMITE_CRITERE.NUMERO, COMITE_CRITERE.COMITE_CRITERE_ID)
                .fetch(r -> new CritereGrille(r.getComiteCritereId(), r.getNumero(), r.getLibelle(), r.getPoids(),
                        r.getNoteMax()));
    }

    /** The files on the séance's agenda, in the order of their audition slots. */
    public List<Agregation.Dossier> dossiers(long seanceId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE).from(SEANCE_AUDITION)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(SEANCE_AUDITION.COMMUN_ID))
                .where(SEANCE_AUDITION.SEANCE_ID.eq(seanceId).and(SEANCE_AUDITION.STATUT.ne(DEPLACEE)))
                .orderBy(SEANCE_AUDITION.DEBUT, COMMUN.COMMUN_ID)
                .fetch(r -> new Agregation.Dossier(r.value1(), r.value2()));
    }

    /** Every score given at this séance (read by the aggregation only: never returned as such by a service). */
    public List<Agregation.Note> notes(long seanceId) {
        return dsl.select(COMITE_SCORE.COMMUN_ID, COMITE_SCORE.APP_USER_ID, COMITE_SCORE.COMITE_CRITERE_ID, COMITE_SCORE.NOTE)
                .from(COMITE_SCORE).where(COMITE_SCORE.SEANCE_ID.eq(seanceId))
                .fetch(r -> new Agregation.Note(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Whether this account is a member of the comité who has not been deactivated. */
    public boolean membreActif(long userId) {
        return dsl.fetchExists(COMITE_MEMBRE, COMITE_MEMBRE.APP_USER_ID.eq(userId).and(COMITE_MEMBRE.DESACTIVE_LE.isNull()));
    }

    /** The files of this séance the member is recused from, whatever the cause (comite_deport_v). */
    public Set<Long> deports(long seanceId, long membreId) {
        return new HashSet<>(dsl.selectDistinct(COMITE_DEPORT_V.COMMUN_ID).from(COMITE_DEPORT_V)
                .where(COMITE_DEPORT_V.APP_USER_ID.eq(membreId))
                .and(COMITE_DEPORT_V.COMMUN_ID.in(dsl.select(SEANCE_AUDITION.COMMUN_ID).from(SEANCE_AUDITION)
                        .where(SEANCE_AUDITION.SEANCE_ID.eq(seanceId))))
                .fetch(COMITE_DEPORT_V.COMMUN_ID));
    }

    /** The files of this séance for which the member submitted their notation. */
    public Set<Long> notationsSoumises(long seanceId, long membreId) {
        return new HashSet<>(dsl.select(COMITE_NOTATION.COMMUN_ID).from(COMITE_NOTATION)
                .where(COMITE_NOTATION.SEANCE_ID.eq(seanceId).and(COMITE_NOTATION.APP_USER_ID.eq(membreId)))
                .fetch(COMITE_NOTATION.COMMUN_ID));
    }
}
