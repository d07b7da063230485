package fr.communs.commun.internal;

import static fr.communs.db.Tables.ASSEMBLEE_VOTE;
import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_NOTE;
import static fr.communs.db.Tables.COMMUN_VERSION;
import static fr.communs.db.Tables.DEPOT_EVENEMENT;
import static fr.communs.db.Tables.INSTRUCTION;
import static fr.communs.db.Tables.LIVRABLE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated facts of a commun's public timeline, read from the tables of the later steps (closures and reopenings of
 * the deposit, versions, decisions, comité, Assemblée, livrable). Only what happened and when: never who, why or with what avis.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqJalons {
    private final DSLContext dsl;

    JooqJalons(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What kind of step was reached. */
    public enum Quoi {
        DEPOT_CLOS, DEPOT_ROUVERT, TRANSMISSION, COMPLEMENTS_DEMANDES, COMPLEMENTS_APPORTES, RECEVABLE, NON_RECEVABLE, AUDITION,
        PROPOSE_ASSEMBLEE, VOTE_ADOPTE, VOTE_REJETE, VOTE_AJOURNE, LIVRABLE
    }

    /** A step reached, and when. */
    public record Fait(OffsetDateTime date, Quoi quoi) {
    }

    /**
     * Records that the deadline closed the deposit of the commun now (the deadline then in force is kept): the real
     * date of the closure, shown on the public timeline and in the agents' history.
     */
    public void recordClosure(long communId, OffsetDateTime deadline) {
        dsl.insertInto(DEPOT_EVENEMENT).set(DEPOT_EVENEMENT.COMMUN_ID, communId).set(DEPOT_EVENEMENT.NATURE, "CLOS")
                .set(DEPOT_EVENEMENT.DATE_LIMITE, deadline).execute();
    }

    /** The steps reached after publication, in no particular order. */
    public List<Fait> faits(long communId) {
        List<Fait> faits = new ArrayList<>();
        dsl.select(DEPOT_EVENEMENT.NATURE, DEPOT_EVENEMENT.CREATED_AT).from(DEPOT_EVENEMENT)
                .where(DEPOT_EVENEMENT.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> faits.add(new Fait(r.value2(), "CLOS".equals(r.value1()) ? Quoi.DEPOT_CLOS : Quoi.DEPOT_ROUVERT)));
        dsl.select(COMMUN_VERSION.MOTIF, COMMUN_VERSION.CREATED_AT).from(COMMUN_VERSION)
                .where(COMMUN_VERSION.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> faits.add(new Fait(r.value2(),
                        "TRANSMISSION".equals(r.value1()) ? Quoi.TRANSMISSION : Quoi.COMPLEMENTS_APPORTES)));
        dsl.select(INSTRUCTION.DECISION, INSTRUCTION.CREATED_AT).from(INSTRUCTION)
                .where(INSTRUCTION.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> faits.add(new Fait(r.value2(), switch (r.value1()) {
                    case "RECEVABLE" -> Quoi.RECEVABLE;
                    case "NON_RECEVABLE" -> Quoi.NON_RECEVABLE;
                    default -> Quoi.COMPLEMENTS_DEMANDES;
                })));
        OffsetDateTime audition = dsl.select(DSL.min(DSL.field("t", OffsetDateTime.class))).from(
                dsl.select(COMITE_NOTE.CREATED_AT.as("t")).from(COMITE_NOTE).where(COMITE_NOTE.COMMUN_ID.eq(communId))
                        .unionAll(dsl.select(fr.communs.db.Tables.COMITE_NOTATION.SOUMISE_LE.as("t"))
                                .from(fr.communs.db.Tables.COMITE_NOTATION)
                                .where(fr.communs.db.Tables.COMITE_NOTATION.COMMUN_ID.eq(communId))).asTable("a"))
                .fetchOne(0, OffsetDateTime.class);
        if (audition != null) {
            faits.add(new Fait(audition, Quoi.AUDITION));
        }
        // An avis given in séance is told to the groupement when the séance closes (with the PV).
        dsl.select(DSL.coalesce(fr.communs.db.Tables.SEANCE.CLOSE_LE, COMITE_AVIS.CREATED_AT)).from(COMITE_AVIS)
                .leftJoin(fr.communs.db.Tables.SEANCE).on(fr.communs.db.Tables.SEANCE.SEANCE_ID.eq(COMITE_AVIS.SEANCE_ID))
                .where(COMITE_AVIS.COMMUN_ID.eq(communId))
                .and(COMITE_AVIS.SEANCE_ID.isNull().or(fr.communs.db.Tables.SEANCE.STATUT.eq("CLOSE"))).fetch()
                .forEach(r -> faits.add(new Fait(r.value1(), Quoi.PROPOSE_ASSEMBLEE)));
        dsl.select(ASSEMBLEE_VOTE.RESULTAT, ASSEMBLEE_VOTE.CREATED_AT).from(ASSEMBLEE_VOTE)
                .where(ASSEMBLEE_VOTE.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> faits.add(new Fait(r.value2(), switch (r.value1()) {
                    case "ADOPTE" -> Quoi.VOTE_ADOPTE;
                    case "REJETE" -> Quoi.VOTE_REJETE;
                    default -> Quoi.VOTE_AJOURNE;
                })));
        dsl.select(LIVRABLE.CREATED_AT).from(LIVRABLE).where(LIVRABLE.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> faits.add(new Fait(r.value1(), Quoi.LIVRABLE)));
        return faits;
    }

    /** Due date of the latest request for compléments, if the latest decision is one. */
    public Optional<LocalDate> dateLimiteComplements(long communId) {
        return dsl.select(INSTRUCTION.DECISION, INSTRUCTION.DATE_LIMITE_COMPLEMENTS).from(INSTRUCTION)
                .where(INSTRUCTION.COMMUN_ID.eq(communId))
                .orderBy(INSTRUCTION.CREATED_AT.desc(), INSTRUCTION.INSTRUCTION_ID.desc()).limit(1)
                .fetchOptional()
                .filter(r -> "COMPLEMENTS".equals(r.value1()))
                .map(r -> r.value2());
    }
}
