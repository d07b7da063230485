package fr.communs.contribution.internal;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.CONTRIBUTION;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.contribution.Contribution;
import fr.communs.contribution.SensContribution;
import fr.communs.contribution.StatutContribution;
import fr.communs.contribution.TypeContribution;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs of contribution and offers of the communs (table {@code contribution}), and what their rules read about the
 * commun (read here, so that the contributions do not depend on the commun's feature, which shows and freezes them).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqContributionRepository {
    private final DSLContext dsl;

    JooqContributionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the rules need about a commun: title, state (the name of its statut) and porteur structure. */
    public record CommunRow(long id, String titre, String statut, long porteurStructureId) {
    }

    public Optional<CommunRow> commun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT, COMMUN.PORTEUR_STRUCTURE_ID)
                .from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Locks the commun's row until the end of the transaction: the same lock as every change of its file and of its
     * groupement (and its transmission, which freezes the needs).
     */
    public void lockCommun(long communId) {
        dsl.select(COMMUN.STATUT).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).forUpdate().fetchOptional();
    }

    public long insert(long communId, SensContribution sens, TypeContribution type, String description,
                       BigDecimal montant, Long structureId, StatutContribution statut, long creePar) {
        return dsl.insertInto(CONTRIBUTION)
                .set(CONTRIBUTION.COMMUN_ID, communId).set(CONTRIBUTION.SENS, sens.name())
                .set(CONTRIBUTION.TYPE, type.name()).set(CONTRIBUTION.DESCRIPTION, description)
                .set(CONTRIBUTION.MONTANT, montant).set(CONTRIBUTION.STRUCTURE_ID, structureId)
                .set(CONTRIBUTION.STATUT, statut.name()).set(CONTRIBUTION.CREE_PAR, creePar)
                .returning(CONTRIBUTION.CONTRIBUTION_ID).fetchOne().getContributionId();
    }

    public Optional<Contribution> findById(long contributionId) {
        return dsl.select(CONTRIBUTION.asterisk(), STRUCTURE.NOM).from(CONTRIBUTION)
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(CONTRIBUTION.STRUCTURE_ID))
                .where(CONTRIBUTION.CONTRIBUTION_ID.eq(contributionId))
                .fetchOptional(JooqContributionRepository::toContribution);
    }

    /** The contributions of a commun in one direction, oldest first. */
    public List<Contribution> list(long communId, SensContribution sens) {
        return dsl.select(CONTRIBUTION.asterisk(), STRUCTURE.NOM).from(CONTRIBUTION)
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(CONTRIBUTION.STRUCTURE_ID))
                .where(CONTRIBUTION.COMMUN_ID.eq(communId)).and(CONTRIBUTION.SENS.eq(sens.name()))
                .orderBy(CONTRIBUTION.CREATED_AT, CONTRIBUTION.CONTRIBUTION_ID)
                .fetch(JooqContributionRepository::toContribution);
    }

    /** Whether the structure already has an offer of this type waiting for an answer on the commun. */
    public boolean pendingOfferExists(long communId, long structureId, TypeContribution type) {
        return dsl.fetchExists(CONTRIBUTION, CONTRIBUTION.COMMUN_ID.eq(communId)
                .and(CONTRIBUTION.SENS.eq(SensContribution.OFFRE.name()))
                .and(CONTRIBUTION.STRUCTURE_ID.eq(structureId)).and(CONTRIBUTION.TYPE.eq(type.name()))
                .and(CONTRIBUTION.STATUT.eq(StatutContribution.PROPOSEE.name())));
    }

    /**
     * Moves a contribution from one state to another, only if it is still in the expected state. Returns the number
     * of rows changed (0 when someone else changed it first).
     */
    public int changeStatut(long contributionId, StatutContribution from, StatutContribution to, long userId) {
        return dsl.update(CONTRIBUTION).set(CONTRIBUTION.STATUT, to.name())
                .set(CONTRIBUTION.DECIDE_PAR, userId).set(CONTRIBUTION.DECIDE_LE, OffsetDateTime.now())
                .set(CONTRIBUTION.VERSION, CONTRIBUTION.VERSION.plus(1))
                .where(CONTRIBUTION.CONTRIBUTION_ID.eq(contributionId)).and(CONTRIBUTION.STATUT.eq(from.name()))
                .execute();
    }

    public int delete(long contributionId, SensContribution sens) {
        return dsl.deleteFrom(CONTRIBUTION).where(CONTRIBUTION.CONTRIBUTION_ID.eq(contributionId))
                .and(CONTRIBUTION.SENS.eq(sens.name())).execute();
    }

    private static Contribution toContribution(Record r) {
        return new Contribution(r.get(CONTRIBUTION.CONTRIBUTION_ID), r.get(CONTRIBUTION.COMMUN_ID),
                SensContribution.valueOf(r.get(CONTRIBUTION.SENS)), TypeContribution.valueOf(r.get(CONTRIBUTION.TYPE)),
                r.get(CONTRIBUTION.DESCRIPTION), r.get(CONTRIBUTION.MONTANT), r.get(CONTRIBUTION.STRUCTURE_ID),
                r.get(STRUCTURE.NOM), StatutContribution.valueOf(r.get(CONTRIBUTION.STATUT)),
                r.get(CONTRIBUTION.CREATED_AT), r.get(CONTRIBUTION.DECIDE_LE));
    }
}
