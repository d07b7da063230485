package fr.communs.comite.pv.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.CAMPAGNE;
import static fr.communs.db.Tables.COMITE_AJOURNEMENT;
import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_DEPORT_V;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONTRIBUTION_COMITE;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;
import static fr.communs.db.Tables.SEANCE_PRESENCE;
import static fr.communs.db.Tables.STRUCTURE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the procès-verbal and the groupement's extract print besides the scores: the campagne, attendance,
 * recusals, the avis or adjournment, the contributions proposed. Written by the séance services; only read here.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqProcesVerbalRepository {
    private final DSLContext dsl;

    JooqProcesVerbalRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Presence(long membreId, String nom, String organisation, String college, String presence) {
    }

    public record Deport(long communId, long membreId, String nom, String cause, String detail) {
    }

    public record Avis(Long seanceId, OffsetDateTime debutSeance, String statutSeance, String avis, String motivation,
                       String reserves, BigDecimal subvention, String contributions) {
    }

    public record Ajournement(long seanceId, OffsetDateTime debutSeance, String statutSeance, String motivation) {
    }

    /** {@code seanceClose}: proposed outside a séance, or at a séance now closed. */
    public record Contribution(String contributeurNom, String type, String description, LocalDate datePrevue,
                               String statut, boolean seanceClose) {
    }

    public record CommunRow(long id, String titre, String porteurNom) {
    }

    public String campagneNom(long seanceId) {
        return dsl.select(CAMPAGNE.NOM).from(SEANCE).join(CAMPAGNE).on(CAMPAGNE.CAMPAGNE_ID.eq(SEANCE.CAMPAGNE_ID))
                .where(SEANCE.SEANCE_ID.eq(seanceId)).fetchOptional(CAMPAGNE.NOM).orElse("");
    }

    /** The attendance recorded for the séance, by name. */
    public List<Presence> presences(long seanceId) {
        return dsl.select(SEANCE_PRESENCE.APP_USER_ID, APP_USER.NOM_COMPLET,
                        DSL.coalesce(STRUCTURE.NOM, COMITE_MEMBRE.ORGANISATION), COMITE_MEMBRE.COLLEGE, SEANCE_PRESENCE.PRESENCE)
                .from(SEANCE_PRESENCE)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(SEANCE_PRESENCE.APP_USER_ID))
                .join(COMITE_MEMBRE).on(COMITE_MEMBRE.APP_USER_ID.eq(SEANCE_PRESENCE.APP_USER_ID))
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMITE_MEMBRE.STRUCTURE_ID))
                .where(SEANCE_PRESENCE.SEANCE_ID.eq(seanceId))
                .orderBy(APP_USER.NOM_COMPLET, SEANCE_PRESENCE.APP_USER_ID)
                .fetch(r -> new Presence(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /**
     * The recusals from the files of the séance (every cause, one row per cause and structure) of the members concerned
     * by the séance: those whose attendance was recorded, and the members not deactivated.
     */
    public List<Deport> deports(long seanceId) {
        Condition concerne = COMITE_MEMBRE.DESACTIVE_LE.isNull().or(DSL.exists(DSL.selectOne().from(SEANCE_PRESENCE)
                .where(SEANCE_PRESENCE.SEANCE_ID.eq(seanceId).and(SEANCE_PRESENCE.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID)))));
        return dsl.select(COMITE_DEPORT_V.COMMUN_ID, COMITE_DEPORT_V.APP_USER_ID, APP_USER.NOM_COMPLET,
                        COMITE_DEPORT_V.CAUSE, COMITE_DEPORT_V.DETAIL)
                .from(COMITE_DEPORT_V)
                .join(COMITE_MEMBRE).on(COMITE_MEMBRE.APP_USER_ID.eq(COMITE_DEPORT_V.APP_USER_ID))
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_DEPORT_V.APP_USER_ID))
                .where(COMITE_DEPORT_V.COMMUN_ID.in(DSL.select(SEANCE_AUDITION.COMMUN_ID).from(SEANCE_AUDITION)
                        .where(SEANCE_AUDITION.SEANCE_ID.eq(seanceId))))
                .and(concerne)
                .orderBy(APP_USER.NOM_COMPLET, COMITE_DEPORT_V.APP_USER_ID, COMITE_DEPORT_V.CAUSE, COMITE_DEPORT_V.DETAIL)
                .fetch(r -> new Deport(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Optional<CommunRow> commun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, STRUCTURE.NOM).from(COMMUN)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(COMMUN.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), r.value3()));
    }

    /** The comité's avis on the file (one per file), with its séance when it was given in one. */
    public Optional<Avis> avis(long communId) {
        return dsl.select(COMITE_AVIS.SEANCE_ID, SEANCE.DEBUT, SEANCE.STATUT, COMITE_AVIS.AVIS, COMITE_AVIS.MOTIVATION,
                        COMITE_AVIS.RESERVES, COMITE_AVIS.SUBVENTION_PROPOSEE, COMITE_AVIS.CONTRIBUTIONS)
                .from(COMITE_AVIS).leftJoin(SEANCE).on(SEANCE.SEANCE_ID.eq(COMITE_AVIS.SEANCE_ID))
                .where(COMITE_AVIS.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new Avis(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    /** The adjournments of the file, latest séance first. */
    public List<Ajournement> ajournements(long communId) {
        return dsl.select(COMITE_AJOURNEMENT.SEANCE_ID, SEANCE.DEBUT, SEANCE.STATUT, COMITE_AJOURNEMENT.MOTIVATION)
                .from(COMITE_AJOURNEMENT).join(SEANCE).on(SEANCE.SEANCE_ID.eq(COMITE_AJOURNEMENT.SEANCE_ID))
                .where(COMITE_AJOURNEMENT.COMMUN_ID.eq(communId))
                .orderBy(SEANCE.DEBUT.desc())
                .fetch(r -> new Ajournement(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The contributions the comité proposed to the file: at this séance, or at any séance with {@code null}. */
    public List<Contribution> contributions(long communId, Long seanceId) {
        Condition condition = CONTRIBUTION_COMITE.COMMUN_ID.eq(communId);
        if (seanceId != null) {
            condition = condition.and(CONTRIBUTION_COMITE.SEANCE_ID.eq(seanceId));
        }
        return dsl.select(CONTRIBUTION_COMITE.CONTRIBUTEUR_NOM, CONTRIBUTION_COMITE.TYPE, CONTRIBUTION_COMITE.DESCRIPTION,
                        CONTRIBUTION_COMITE.DATE_PREVUE, CONTRIBUTION_COMITE.STATUT,
                        DSL.field(SEANCE.SEANCE_ID.isNull().or(SEANCE.STATUT.eq("CLOSE"))))
                .from(CONTRIBUTION_COMITE).leftJoin(SEANCE).on(SEANCE.SEANCE_ID.eq(CONTRIBUTION_COMITE.SEANCE_ID))
                .where(condition)
                .orderBy(CONTRIBUTION_COMITE.CREATED_AT, CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID)
                .fetch(r -> new Contribution(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        Boolean.TRUE.equals(r.value6())));
    }
}
