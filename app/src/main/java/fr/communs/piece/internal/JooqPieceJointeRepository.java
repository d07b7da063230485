package fr.communs.piece.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.INSTRUCTION;
import static fr.communs.db.Tables.PIECE_JOINTE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.piece.CategoriePiece;
import fr.communs.piece.PieceJointe;
import fr.communs.piece.StructureDeposante;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Attachments of communs, and what their rules read about the commun, its groupement and its instruction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqPieceJointeRepository {
    private final DSLContext dsl;

    JooqPieceJointeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the rules need about a commun: its list state, campagne and porteur structure. */
    public record CommunRow(long id, String statut, long campagneId, long porteurStructureId) {
    }

    /** The latest decision of instruction on a commun, with the parts it asked to complete (comma-separated). */
    public record DerniereInstruction(String decision, String partiesDemandees, OffsetDateTime date) {
    }

    /** An attachment not deleted, with what the service needs beyond {@link PieceJointe}. */
    public record PieceRow(PieceJointe piece, long structureId, String cleStockage) {
    }

    public Optional<CommunRow> commun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.STATUT, COMMUN.CAMPAGNE_ID, COMMUN.PORTEUR_STRUCTURE_ID).from(COMMUN)
                .where(COMMUN.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The commun, its row locked until the end of the transaction (as every change of the groupement does). */
    public Optional<CommunRow> lockCommun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.STATUT, COMMUN.CAMPAGNE_ID, COMMUN.PORTEUR_STRUCTURE_ID).from(COMMUN)
                .where(COMMUN.COMMUN_ID.eq(communId)).forUpdate()
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Those of the structures that are members of the commun's groupement (any role), with their names. */
    public List<StructureDeposante> groupementMembersAmong(long communId, Collection<Long> structureIds) {
        if (structureIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(STRUCTURE.STRUCTURE_ID, STRUCTURE.NOM).from(GROUPEMENT_MEMBRE)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(GROUPEMENT_MEMBRE.STRUCTURE_ID))
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId).and(GROUPEMENT_MEMBRE.STRUCTURE_ID.in(structureIds)))
                .orderBy(STRUCTURE.NOM, STRUCTURE.STRUCTURE_ID)
                .fetch(r -> new StructureDeposante(r.value1(), r.value2()));
    }

    public Optional<DerniereInstruction> derniereInstruction(long communId) {
        return dsl.select(INSTRUCTION.DECISION, INSTRUCTION.PARTIES_DEMANDEES, INSTRUCTION.CREATED_AT).from(INSTRUCTION)
                .where(INSTRUCTION.COMMUN_ID.eq(communId))
                .orderBy(INSTRUCTION.CREATED_AT.desc(), INSTRUCTION.INSTRUCTION_ID.desc()).limit(1)
                .fetchOptional(r -> new DerniereInstruction(r.value1(), r.value2(), r.value3()));
    }

    /** Bytes used by the commun's attachments that are not deleted. */
    public long usedBytes(long communId) {
        Long sum = dsl.select(DSL.coalesce(DSL.sum(PIECE_JOINTE.TAILLE), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(PIECE_JOINTE)
                .where(PIECE_JOINTE.COMMUN_ID.eq(communId).and(PIECE_JOINTE.SUPPRIME_LE.isNull()))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    public long insert(long communId, long structureId, long userId, CategoriePiece categorie, String nomFichier,
                       String typeMime, long taille, String sha256, String cleStockage) {
        return dsl.insertInto(PIECE_JOINTE).set(PIECE_JOINTE.COMMUN_ID, communId)
                .set(PIECE_JOINTE.STRUCTURE_ID, structureId).set(PIECE_JOINTE.APP_USER_ID, userId)
                .set(PIECE_JOINTE.CATEGORIE, categorie.name()).set(PIECE_JOINTE.NOM_FICHIER, nomFichier)
                .set(PIECE_JOINTE.TYPE_MIME, typeMime).set(PIECE_JOINTE.TAILLE, taille)
                .set(PIECE_JOINTE.SHA256, sha256).set(PIECE_JOINTE.CLE_STOCKAGE, cleStockage)
                .returning(PIECE_JOINTE.PIECE_JOINTE_ID).fetchOne().getPieceJointeId();
    }

    /** The commun's attachments not deleted, oldest first. */
    public List<PieceJointe> list(long communId) {
        return select().where(PIECE_JOINTE.COMMUN_ID.eq(communId).and(PIECE_JOINTE.SUPPRIME_LE.isNull()))
                .orderBy(PIECE_JOINTE.CREATED_AT, PIECE_JOINTE.PIECE_JOINTE_ID)
                .fetch(JooqPieceJointeRepository::toPiece);
    }

    /** The same, with the depositing structure and the storage key. */
    public List<PieceRow> rows(long communId) {
        return select().where(PIECE_JOINTE.COMMUN_ID.eq(communId).and(PIECE_JOINTE.SUPPRIME_LE.isNull()))
                .orderBy(PIECE_JOINTE.CREATED_AT, PIECE_JOINTE.PIECE_JOINTE_ID)
                .fetch(JooqPieceJointeRepository::toRow);
    }

    /** The attachment if it exists and is not deleted. */
    public Optional<PieceRow> find(long pieceId) {
        return select().where(PIECE_JOINTE.PIECE_JOINTE_ID.eq(pieceId).and(PIECE_JOINTE.SUPPRIME_LE.isNull()))
                .fetchOptional(JooqPieceJointeRepository::toRow);
    }

    /** Marks the attachment deleted; false if it already was. */
    public boolean markDeleted(long pieceId) {
        return dsl.update(PIECE_JOINTE).set(PIECE_JOINTE.SUPPRIME_LE, OffsetDateTime.now())
                .where(PIECE_JOINTE.PIECE_JOINTE_ID.eq(pieceId).and(PIECE_JOINTE.SUPPRIME_LE.isNull())).execute() == 1;
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(PIECE_JOINTE.asterisk(), STRUCTURE.NOM, APP_USER.NOM_COMPLET).from(PIECE_JOINTE)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(PIECE_JOINTE.STRUCTURE_ID))
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(PIECE_JOINTE.APP_USER_ID));
    }

    private static PieceRow toRow(Record r) {
        return new PieceRow(toPiece(r), r.get(PIECE_JOINTE.STRUCTURE_ID), r.get(PIECE_JOINTE.CLE_STOCKAGE));
    }

    private static PieceJointe toPiece(Record r) {
        return new PieceJointe(r.get(PIECE_JOINTE.PIECE_JOINTE_ID), r.get(PIECE_JOINTE.COMMUN_ID),
                CategoriePiece.valueOf(r.get(PIECE_JOINTE.CATEGORIE)), r.get(PIECE_JOINTE.NOM_FICHIER),
                r.get(PIECE_JOINTE.TYPE_MIME), r.get(PIECE_JOINTE.TAILLE), r.get(STRUCTURE.NOM),
                r.get(APP_USER.NOM_COMPLET), r.get(PIECE_JOINTE.CREATED_AT));
    }
}
