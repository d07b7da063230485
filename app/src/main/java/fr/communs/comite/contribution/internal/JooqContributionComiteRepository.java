package fr.communs.comite.contribution.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_DEPORT_V;
import static fr.communs.db.Tables.COMITE_MEMBRE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONTRIBUTION_COMITE;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.INSTRUCTION;
import static fr.communs.db.Tables.SEANCE;
import static fr.communs.db.Tables.SEANCE_AUDITION;
import static fr.communs.db.Tables.STRUCTURE;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;

import fr.communs.comite.contribution.ContributeurComite;
import fr.communs.comite.contribution.ContributionComite;
import fr.communs.comite.contribution.MembreComiteOption;
import fr.communs.comite.contribution.SeanceOption;
import fr.communs.comite.contribution.StatutContributionComite;
import fr.communs.comite.contribution.TypeContributionComite;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comité's contributions (table {@code contribution_comite}), and what their rules read about the file, the
 * comité members, the groupement and the séances (read here, so that the feature depends on none of those features).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqContributionComiteRepository {
    private static final String RECEVABLE = "RECEVABLE";
    private static final String MEMBRE = "MEMBRE";
    private static final String COMITE = "COMITE";

    private final DSLContext dsl;

    JooqContributionComiteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the rules need about a commun: its title and the name of its statut. */
    public record CommunRow(long id, String titre, String statut) {
    }

    public Optional<CommunRow> commun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT).from(COMMUN)
                .where(COMMUN.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), r.value3()));
    }

    /** Locks the commun's row until the end of the transaction (the lock every change of its file takes). */
    public void lockCommun(long communId) {
        dsl.select(COMMUN.STATUT).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).forUpdate().fetchOptional();
    }

    /** Whether the instruction declared the file recevable (one of its decisions). */
    public boolean declaredRecevable(long communId) {
        return dsl.fetchExists(INSTRUCTION, INSTRUCTION.COMMUN_ID.eq(communId).and(INSTRUCTION.DECISION.eq(RECEVABLE)));
    }

    // --- the comité members

    private static org.jooq.Field<String> organisation() {
        return DSL.coalesce(STRUCTURE.NOM, COMITE_MEMBRE.ORGANISATION);
    }

    private Condition actif(LocalDate today) {
        return COMITE_MEMBRE.DESACTIVE_LE.isNull().and(COMITE_MEMBRE.ACTIF_DU.le(today))
                .and(COMITE_MEMBRE.ACTIF_AU.isNull().or(COMITE_MEMBRE.ACTIF_AU.ge(today)))
                .and(APP_USER.ACTIF.isTrue()).and(APP_USER.ROLE.eq(COMITE));
    }

    /** The member, if active on that day: name, organisation (its structure's name when it is one), structure. */
    public Optional<MembreComiteOption> activeMembre(long membreId, LocalDate today) {
        return dsl.select(COMITE_MEMBRE.APP_USER_ID, APP_USER.NOM_COMPLET, organisation(), COMITE_MEMBRE.STRUCTURE_ID)
                .from(COMITE_MEMBRE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID))
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMITE_MEMBRE.STRUCTURE_ID))
                .where(COMITE_MEMBRE.APP_USER_ID.eq(membreId)).and(actif(today))
                .fetchOptional(r -> new MembreComiteOption(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The members active on that day, by organisation then name. */
    public List<MembreComiteOption> activeMembres(LocalDate today) {
        return dsl.select(COMITE_MEMBRE.APP_USER_ID, APP_USER.NOM_COMPLET, organisation(), COMITE_MEMBRE.STRUCTURE_ID)
                .from(COMITE_MEMBRE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_MEMBRE.APP_USER_ID))
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMITE_MEMBRE.STRUCTURE_ID))
                .where(actif(today))
                .orderBy(organisation(), APP_USER.NOM_COMPLET, COMITE_MEMBRE.APP_USER_ID)
                .fetch(r -> new MembreComiteOption(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Whether the comité member is recused from the file (automatically or declared). */
    public boolean deporte(long communId, long membreId) {
        return dsl.fetchExists(COMITE_DEPORT_V, COMITE_DEPORT_V.COMMUN_ID.eq(communId)
                .and(COMITE_DEPORT_V.APP_USER_ID.eq(membreId)));
    }

    // --- structures and groupement

    public Optional<String> structureNom(long structureId) {
        return dsl.select(STRUCTURE.NOM).from(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.eq(structureId))
                .fetchOptional(r -> r.value1());
    }

    /** Every structure of the commun's groupement (porteur, members, contributors). */
    public List<Long> groupementStructures(long communId) {
        return dsl.select(GROUPEMENT_MEMBRE.STRUCTURE_ID).from(GROUPEMENT_MEMBRE)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId))
                .orderBy(GROUPEMENT_MEMBRE.STRUCTURE_ID).fetch(r -> r.value1());
    }

    /** Whether the account administers (accepted member and administrator of) a structure of the commun's groupement. */
    public boolean administersGroupement(long communId, long userId) {
        return dsl.fetchExists(dsl.selectOne().from(GROUPEMENT_MEMBRE).join(STRUCTURE_MEMBRE)
                .on(STRUCTURE_MEMBRE.STRUCTURE_ID.eq(GROUPEMENT_MEMBRE.STRUCTURE_ID))
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId)).and(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId))
                .and(STRUCTURE_MEMBRE.ADMINISTRATEUR.isTrue()).and(STRUCTURE_MEMBRE.STATUT.eq(MEMBRE)));
    }

    // --- séances

    /** Whether the file is on the séance's agenda (an audition, whatever became of it), the séance not cancelled. */
    public boolean seanceHolds(long seanceId, long communId) {
        return dsl.fetchExists(dsl.selectOne().from(SEANCE_AUDITION).join(SEANCE).on(SEANCE.SEANCE_ID.eq(SEANCE_AUDITION.SEANCE_ID))
                .where(SEANCE_AUDITION.SEANCE_ID.eq(seanceId)).and(SEANCE_AUDITION.COMMUN_ID.eq(communId))
                .and(SEANCE.STATUT.ne("ANNULEE")));
    }

    /** The séances (not cancelled) whose agenda holds the file, latest first. */
    public List<SeanceOption> seancesOf(long communId) {
        return dsl.selectDistinct(SEANCE.SEANCE_ID, SEANCE.DEBUT, DSL.coalesce(SEANCE.LIEU, DSL.inline("Visioconférence")))
                .from(SEANCE).join(SEANCE_AUDITION).on(SEANCE_AUDITION.SEANCE_ID.eq(SEANCE.SEANCE_ID))
                .where(SEANCE_AUDITION.COMMUN_ID.eq(communId)).and(SEANCE.STATUT.ne("ANNULEE"))
                .orderBy(SEANCE.DEBUT.desc(), SEANCE.SEANCE_ID.desc())
                .fetch(r -> new SeanceOption(r.value1(), r.value2(), r.value3()));
    }

    // --- the contributions

    /** Whether the same contribution (same giver, type and text) already waits for the groupement's answer. */
    public boolean samePending(long communId, ContributeurComite contributeur, Long membreId, Long structureId,
                               TypeContributionComite type, String description) {
        return dsl.fetchExists(CONTRIBUTION_COMITE, CONTRIBUTION_COMITE.COMMUN_ID.eq(communId)
                .and(CONTRIBUTION_COMITE.CONTRIBUTEUR.eq(contributeur.name()))
                .and(CONTRIBUTION_COMITE.MEMBRE_ID.isNotDistinctFrom(membreId))
                .and(CONTRIBUTION_COMITE.STRUCTURE_ID.isNotDistinctFrom(structureId))
                .and(CONTRIBUTION_COMITE.TYPE.eq(type.name()))
                .and(CONTRIBUTION_COMITE.DESCRIPTION.eq(description))
                .and(CONTRIBUTION_COMITE.STATUT.eq(StatutContributionComite.PROPOSEE.name())));
    }

    public long insert(long communId, Long seanceId, ContributeurComite contributeur, Long membreId, Long structureId,
                       String contributeurNom, TypeContributionComite type, String description, LocalDate datePrevue,
                       long creePar) {
        return dsl.insertInto(CONTRIBUTION_COMITE)
                .set(CONTRIBUTION_COMITE.COMMUN_ID, communId).set(CONTRIBUTION_COMITE.SEANCE_ID, seanceId)
                .set(CONTRIBUTION_COMITE.CONTRIBUTEUR, contributeur.name()).set(CONTRIBUTION_COMITE.MEMBRE_ID, membreId)
                .set(CONTRIBUTION_COMITE.STRUCTURE_ID, structureId)
                .set(CONTRIBUTION_COMITE.CONTRIBUTEUR_NOM, contributeurNom)
                .set(CONTRIBUTION_COMITE.TYPE, type.name()).set(CONTRIBUTION_COMITE.DESCRIPTION, description)
                .set(CONTRIBUTION_COMITE.DATE_PREVUE, datePrevue).set(CONTRIBUTION_COMITE.CREE_PAR, creePar)
                .returning(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID).fetchOne().getContributionComiteId();
    }

    public Optional<ContributionComite> find(long contributionId) {
        return select().where(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID.eq(contributionId))
                .fetchOptional(JooqContributionComiteRepository::toContribution);
    }

    /** The contributions proposed to a commun, oldest first. */
    public List<ContributionComite> ofCommun(long communId) {
        return select().where(CONTRIBUTION_COMITE.COMMUN_ID.eq(communId))
                .orderBy(CONTRIBUTION_COMITE.CREATED_AT, CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID)
                .fetch(JooqContributionComiteRepository::toContribution);
    }

    /** The contributions a structure gives (as a structure of the directory or as a member's organisation), newest first. */
    public List<ContributionComite> ofStructure(long structureId) {
        return select().where(CONTRIBUTION_COMITE.STRUCTURE_ID.eq(structureId))
                .orderBy(CONTRIBUTION_COMITE.CREATED_AT.desc(), CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID.desc())
                .fetch(JooqContributionComiteRepository::toContribution);
    }

    /**
     * The groupement's answer (PROPOSEE → ACCEPTEE or DECLINEE), only if the contribution is still proposed and at the
     * version the caller saw. Returns the number of rows changed (0: someone changed it first).
     */
    public int answer(long contributionId, int version, StatutContributionComite to, String motif, long userId) {
        return dsl.update(CONTRIBUTION_COMITE).set(CONTRIBUTION_COMITE.STATUT, to.name())
                .set(CONTRIBUTION_COMITE.MOTIF, motif)
                .set(CONTRIBUTION_COMITE.REPONDU_PAR, userId).set(CONTRIBUTION_COMITE.REPONDU_LE, OffsetDateTime.now())
                .set(CONTRIBUTION_COMITE.VERSION, CONTRIBUTION_COMITE.VERSION.plus(1))
                .where(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID.eq(contributionId))
                .and(CONTRIBUTION_COMITE.VERSION.eq(version))
                .and(CONTRIBUTION_COMITE.STATUT.eq(StatutContributionComite.PROPOSEE.name()))
                .execute();
    }

    /**
     * The contributor's closing (→ REALISEE or ABANDONNEE), only from one of the {@code from} states and at the version
     * the caller saw. Returns the number of rows changed.
     */
    public int close(long contributionId, int version, Collection<StatutContributionComite> from,
                     StatutContributionComite to, String motif, long userId) {
        var update = dsl.update(CONTRIBUTION_COMITE).set(CONTRIBUTION_COMITE.STATUT, to.name());
        if (motif != null) {
            update = update.set(CONTRIBUTION_COMITE.MOTIF, motif);
        }
        return update.set(CONTRIBUTION_COMITE.CLOTURE_PAR, userId).set(CONTRIBUTION_COMITE.CLOTURE_LE, OffsetDateTime.now())
                .set(CONTRIBUTION_COMITE.VERSION, CONTRIBUTION_COMITE.VERSION.plus(1))
                .where(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID.eq(contributionId))
                .and(CONTRIBUTION_COMITE.VERSION.eq(version))
                .and(CONTRIBUTION_COMITE.STATUT.in(from.stream().map(Enum::name).toList()))
                .execute();
    }

    /**
     * The open contributions (proposed or accepted) whose expected date is before {@code today} and that were never
     * reminded, locked (rows another node is reminding are skipped).
     */
    public List<ContributionComite> dueForReminder(LocalDate today) {
        return dsl.select(CONTRIBUTION_COMITE.asterisk(), COMMUN.TITRE).from(CONTRIBUTION_COMITE)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(CONTRIBUTION_COMITE.COMMUN_ID))
                .where(CONTRIBUTION_COMITE.DATE_PREVUE.lt(today))
                .and(CONTRIBUTION_COMITE.RAPPEL_LE.isNull())
                .and(CONTRIBUTION_COMITE.STATUT.in(StatutContributionComite.PROPOSEE.name(),
                        StatutContributionComite.ACCEPTEE.name()))
                .orderBy(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID)
                .forUpdate().of(CONTRIBUTION_COMITE).skipLocked()
                .fetch(JooqContributionComiteRepository::toContribution);
    }

    /** Records that the reminder was sent (the version does not change: the people's actions are not in conflict). */
    public void markReminded(long contributionId) {
        dsl.update(CONTRIBUTION_COMITE).set(CONTRIBUTION_COMITE.RAPPEL_LE, OffsetDateTime.now())
                .where(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID.eq(contributionId)).execute();
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(CONTRIBUTION_COMITE.asterisk(), COMMUN.TITRE).from(CONTRIBUTION_COMITE)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(CONTRIBUTION_COMITE.COMMUN_ID));
    }

    private static ContributionComite toContribution(Record r) {
        return new ContributionComite(r.get(CONTRIBUTION_COMITE.CONTRIBUTION_COMITE_ID), r.get(CONTRIBUTION_COMITE.COMMUN_ID),
                r.get(COMMUN.TITRE), r.get(CONTRIBUTION_COMITE.SEANCE_ID),
                ContributeurComite.valueOf(r.get(CONTRIBUTION_COMITE.CONTRIBUTEUR)), r.get(CONTRIBUTION_COMITE.MEMBRE_ID),
                r.get(CONTRIBUTION_COMITE.STRUCTURE_ID), r.get(CONTRIBUTION_COMITE.CONTRIBUTEUR_NOM),
                TypeContributionComite.valueOf(r.get(CONTRIBUTION_COMITE.TYPE)), r.get(CONTRIBUTION_COMITE.DESCRIPTION),
                r.get(CONTRIBUTION_COMITE.DATE_PREVUE), StatutContributionComite.valueOf(r.get(CONTRIBUTION_COMITE.STATUT)),
                r.get(CONTRIBUTION_COMITE.MOTIF), r.get(CONTRIBUTION_COMITE.REPONDU_LE), r.get(CONTRIBUTION_COMITE.CLOTURE_LE),
                r.get(CONTRIBUTION_COMITE.RAPPEL_LE), r.get(CONTRIBUTION_COMITE.CREATED_AT), r.get(CONTRIBUTION_COMITE.VERSION),
                false, false);
    }
}
