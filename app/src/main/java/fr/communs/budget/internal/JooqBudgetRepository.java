package fr.communs.budget.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.BUDGET;
import static fr.communs.db.Tables.BUDGET_LIGNE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.INSTRUCTION;

import fr.communs.budget.Budget;
import fr.communs.budget.LigneBudget;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets prévisionnels of communs, and what their rules read about the commun, its groupement and its instruction
 * (read here, so that the budget does not depend on the commun's feature, which shows and freezes it).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqBudgetRepository {
    private static final String DEPENSE = "DEPENSE";
    private static final String RESSOURCE = "RESSOURCE";

    private final DSLContext dsl;

    JooqBudgetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the rules need about a commun: title, list state, campagne and porteur structure. */
    public record CommunRow(long id, String titre, String statut, long campagneId, long porteurStructureId) {
    }

    /** The latest decision of instruction on a commun, with the parts it unlocked (comma-separated names). */
    public record DerniereInstruction(String decision, String partiesDemandees, OffsetDateTime date) {
    }

    /** A saved budget with its version and who saved it last. */
    public record Saved(Budget budget, int version, OffsetDateTime modifieLe, String modifieParNom) {
    }

    public Optional<CommunRow> commun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT, COMMUN.CAMPAGNE_ID, COMMUN.PORTEUR_STRUCTURE_ID)
                .from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The commun, its row locked until the end of the transaction (as every change of the file does). */
    public Optional<CommunRow> lockCommun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT, COMMUN.CAMPAGNE_ID, COMMUN.PORTEUR_STRUCTURE_ID)
                .from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).forUpdate()
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Whether one of the structures is a member of the commun's groupement (any role). */
    public boolean anyMember(long communId, Collection<Long> structureIds) {
        return !structureIds.isEmpty() && dsl.fetchExists(GROUPEMENT_MEMBRE, GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId)
                .and(GROUPEMENT_MEMBRE.STRUCTURE_ID.in(structureIds)));
    }

    public Optional<DerniereInstruction> derniereInstruction(long communId) {
        return dsl.select(INSTRUCTION.DECISION, INSTRUCTION.PARTIES_DEMANDEES, INSTRUCTION.CREATED_AT).from(INSTRUCTION)
                .where(INSTRUCTION.COMMUN_ID.eq(communId))
                .orderBy(INSTRUCTION.CREATED_AT.desc(), INSTRUCTION.INSTRUCTION_ID.desc()).limit(1)
                .fetchOptional(r -> new DerniereInstruction(r.value1(), r.value2(), r.value3()));
    }

    public Optional<Saved> find(long communId) {
        return dsl.select(BUDGET.MONTANT_DEMANDE, BUDGET.VERSION, BUDGET.UPDATED_AT, APP_USER.NOM_COMPLET).from(BUDGET)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(BUDGET.MODIFIE_PAR))
                .where(BUDGET.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new Saved(new Budget(r.value1(), lignes(communId, DEPENSE), lignes(communId, RESSOURCE)),
                        r.value2(), r.value3(), r.value4()));
    }

    /** The version of the commun's budget, 0 when it has none. */
    public int version(long communId) {
        return dsl.select(BUDGET.VERSION).from(BUDGET).where(BUDGET.COMMUN_ID.eq(communId))
                .fetchOptional(r -> r.value1()).orElse(0);
    }

    /** Writes the budget as version {@code current + 1} (inserted when {@code current} is 0), its lines replaced. */
    public void save(long communId, Budget budget, long userId, int current) {
        OffsetDateTime now = OffsetDateTime.now();
        if (current == 0) {
            dsl.insertInto(BUDGET).set(BUDGET.COMMUN_ID, communId).set(BUDGET.MONTANT_DEMANDE, budget.montantDemande())
                    .set(BUDGET.MODIFIE_PAR, userId).set(BUDGET.VERSION, 1).set(BUDGET.CREATED_AT, now)
                    .set(BUDGET.UPDATED_AT, now).execute();
        } else {
            dsl.update(BUDGET).set(BUDGET.MONTANT_DEMANDE, budget.montantDemande()).set(BUDGET.MODIFIE_PAR, userId)
                    .set(BUDGET.VERSION, current + 1).set(BUDGET.UPDATED_AT, now)
                    .where(BUDGET.COMMUN_ID.eq(communId).and(BUDGET.VERSION.eq(current))).execute();
            dsl.deleteFrom(BUDGET_LIGNE).where(BUDGET_LIGNE.COMMUN_ID.eq(communId)).execute();
        }
        insertLignes(communId, DEPENSE, budget.depenses());
        insertLignes(communId, RESSOURCE, budget.ressources());
    }

    /** Whether the budget was saved after {@code depuis}. */
    public boolean modifieDepuis(long communId, OffsetDateTime depuis) {
        return dsl.fetchExists(BUDGET, BUDGET.COMMUN_ID.eq(communId).and(BUDGET.UPDATED_AT.gt(depuis)));
    }

    private void insertLignes(long communId, String sens, List<LigneBudget> lignes) {
        int rang = 1;
        for (LigneBudget l : lignes) {
            dsl.insertInto(BUDGET_LIGNE).set(BUDGET_LIGNE.COMMUN_ID, communId).set(BUDGET_LIGNE.SENS, sens)
                    .set(BUDGET_LIGNE.RANG, rang++).set(BUDGET_LIGNE.LIBELLE, l.libelle())
                    .set(BUDGET_LIGNE.MONTANT, l.montant()).execute();
        }
    }

    private List<LigneBudget> lignes(long communId, String sens) {
        return dsl.select(BUDGET_LIGNE.LIBELLE, BUDGET_LIGNE.MONTANT).from(BUDGET_LIGNE)
                .where(BUDGET_LIGNE.COMMUN_ID.eq(communId).and(BUDGET_LIGNE.SENS.eq(sens)))
                .orderBy(BUDGET_LIGNE.RANG)
                .fetch(r -> new LigneBudget(r.value1(), r.value2()));
    }
}
