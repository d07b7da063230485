package fr.communs.commun.internal;

import static fr.communs.db.Tables.PIECE_JOINTE;

import fr.communs.commun.Eligibility;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachments of a file as the eligibility rules read them (category and structure), straight from the table:
 * the attachments' feature depends on the commun's, not the reverse.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqPiecesDeposees {
    private final DSLContext dsl;

    JooqPiecesDeposees(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The commun's attachments not deleted. */
    public List<Eligibility.PieceDeposee> of(long communId) {
        return dsl.select(PIECE_JOINTE.CATEGORIE, PIECE_JOINTE.STRUCTURE_ID).from(PIECE_JOINTE)
                .where(PIECE_JOINTE.COMMUN_ID.eq(communId).and(PIECE_JOINTE.SUPPRIME_LE.isNull()))
                .fetch(r -> new Eligibility.PieceDeposee(r.value1(), r.value2()));
    }
}
