package fr.communs.messagerie.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.DOSSIER_SUIVI;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.MESSAGE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.messagerie.Cote;
import fr.communs.messagerie.Message;
import fr.communs.messagerie.StructureOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.SelectConditionStep;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Messages of the files' threads, and what the thread needs to know of the commun and its groupement. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqMessageRepository {
    /** Statut of a commun that is not published yet: it has no thread. */
    private static final String BROUILLON = "BROUILLON";

    /** A commun as the thread sees it. */
    public record CommunRow(long id, String titre, boolean brouillon) {
    }

    private final DSLContext dsl;

    JooqMessageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<CommunRow> commun(long communId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT).from(COMMUN)
                .where(COMMUN.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new CommunRow(r.value1(), r.value2(), BROUILLON.equals(r.value3())));
    }

    /** The communs among these ids that exist, by id. */
    public Map<Long, CommunRow> communs(Collection<Long> communIds) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT).from(COMMUN)
                .where(COMMUN.COMMUN_ID.in(communIds))
                .fetch(r -> new CommunRow(r.value1(), r.value2(), BROUILLON.equals(r.value3())))
                .stream().collect(Collectors.toMap(CommunRow::id, Function.identity()));
    }

    /** Every structure of the commun's groupement (porteur, members, contributors). */
    public List<Long> groupementStructures(long communId) {
        return dsl.select(GROUPEMENT_MEMBRE.STRUCTURE_ID).from(GROUPEMENT_MEMBRE)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId))
                .orderBy(GROUPEMENT_MEMBRE.STRUCTURE_ID)
                .fetch(r -> r.value1());
    }

    /** Those of these structures that belong to the commun's groupement, with their names, by name. */
    public List<StructureOption> groupementStructuresAmong(long communId, Collection<Long> structureIds) {
        if (structureIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(STRUCTURE.STRUCTURE_ID, STRUCTURE.NOM).from(GROUPEMENT_MEMBRE)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(GROUPEMENT_MEMBRE.STRUCTURE_ID))
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId))
                .and(GROUPEMENT_MEMBRE.STRUCTURE_ID.in(structureIds))
                .orderBy(STRUCTURE.NOM, STRUCTURE.STRUCTURE_ID)
                .fetch(r -> new StructureOption(r.value1(), r.value2()));
    }

    /**
     * Whether the structure is in the commun's groupement, keeping its membership row locked (shared) until the end of
     * the transaction, so that it cannot leave the groupement while its message is being written.
     */
    public boolean lockMembre(long communId, long structureId) {
        // The commun row first, as every change of the groupement does (FOR UPDATE): same lock order, no deadlock.
        dsl.selectOne().from(fr.communs.db.Tables.COMMUN).where(fr.communs.db.Tables.COMMUN.COMMUN_ID.eq(communId))
                .forShare().execute();
        return dsl.selectOne().from(GROUPEMENT_MEMBRE)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId))
                .and(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId))
                .forShare().fetchOptional().isPresent();
    }

    public long insert(long communId, long auteurId, Long structureId, Cote cote, String texte) {
        return dsl.insertInto(MESSAGE)
                .set(MESSAGE.COMMUN_ID, communId)
                .set(MESSAGE.AUTEUR_ID, auteurId)
                .set(MESSAGE.STRUCTURE_ID, structureId)
                .set(MESSAGE.COTE, cote.name())
                .set(MESSAGE.TEXTE, texte)
                .returning(MESSAGE.MESSAGE_ID)
                .fetchOne()
                .getMessageId();
    }

    /** The whole thread, oldest first. */
    public List<Message> thread(long communId) {
        return select(MESSAGE.COMMUN_ID.eq(communId))
                .orderBy(MESSAGE.CREATED_AT, MESSAGE.MESSAGE_ID)
                .fetch(JooqMessageRepository::toMessage);
    }

    /** The {@code limit} latest messages of the thread, oldest first. */
    public List<Message> latest(long communId, int limit) {
        List<Message> newestFirst = new ArrayList<>(select(MESSAGE.COMMUN_ID.eq(communId))
                .orderBy(MESSAGE.CREATED_AT.desc(), MESSAGE.MESSAGE_ID.desc())
                .limit(limit)
                .fetch(JooqMessageRepository::toMessage));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public int count(long communId) {
        return dsl.fetchCount(MESSAGE, MESSAGE.COMMUN_ID.eq(communId));
    }

    private SelectConditionStep<Record7<Long, Long, String, String, String, String, java.time.OffsetDateTime>> select(
            Condition condition) {
        return dsl.select(MESSAGE.MESSAGE_ID, MESSAGE.COMMUN_ID, MESSAGE.COTE, APP_USER.NOM_COMPLET, STRUCTURE.NOM,
                        MESSAGE.TEXTE, MESSAGE.CREATED_AT)
                .from(MESSAGE)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(MESSAGE.AUTEUR_ID))
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(MESSAGE.STRUCTURE_ID))
                .where(condition);
    }

    private static Message toMessage(Record7<Long, Long, String, String, String, String, java.time.OffsetDateTime> r) {
        return new Message(r.value1(), r.value2(), Cote.valueOf(r.value3()), r.value4(), r.value5(), r.value6(),
                r.value7());
    }
}
