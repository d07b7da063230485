package fr.communs.comite.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_NOTE;

import fr.communs.comite.AvisComite;
import fr.communs.comite.NoteComite;
import fr.communs.comite.NotesAudition;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqComiteRepository {
    private final DSLContext dsl;

    JooqComiteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean noteExists(long communId, long userId) {
        return dsl.fetchExists(COMITE_NOTE, COMITE_NOTE.COMMUN_ID.eq(communId).and(COMITE_NOTE.APP_USER_ID.eq(userId)));
    }

    public void insertNote(long communId, long userId, NotesAudition n, String commentaire) {
        dsl.insertInto(COMITE_NOTE).set(COMITE_NOTE.COMMUN_ID, communId).set(COMITE_NOTE.APP_USER_ID, userId)
                .set(COMITE_NOTE.NOTE_CONTRIBUTEURS, n.contributeurs().shortValue())
                .set(COMITE_NOTE.NOTE_GOUVERNANCE, n.gouvernance().shortValue())
                .set(COMITE_NOTE.NOTE_DEFIS, n.defis().shortValue())
                .set(COMITE_NOTE.NOTE_COMMUNS, n.communs().shortValue())
                .set(COMITE_NOTE.COMMENTAIRE, commentaire).execute();
    }

    public List<NoteComite> notes(long communId) {
        return dsl.select(APP_USER.NOM_COMPLET, COMITE_NOTE.NOTE_CONTRIBUTEURS, COMITE_NOTE.NOTE_GOUVERNANCE,
                        COMITE_NOTE.NOTE_DEFIS, COMITE_NOTE.NOTE_COMMUNS, COMITE_NOTE.COMMENTAIRE)
                .from(COMITE_NOTE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_NOTE.APP_USER_ID))
                .where(COMITE_NOTE.COMMUN_ID.eq(communId)).orderBy(APP_USER.NOM_COMPLET)
                .fetch(r -> new NoteComite(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    public void insertAvis(long communId, AvisComite a, String contributions, long agentId) {
        dsl.insertInto(COMITE_AVIS).set(COMITE_AVIS.COMMUN_ID, communId).set(COMITE_AVIS.AVIS, a.avis().name())
                .set(COMITE_AVIS.SUBVENTION_PROPOSEE, a.subventionProposee()).set(COMITE_AVIS.CONTRIBUTIONS, contributions)
                .set(COMITE_AVIS.AGENT_ID, agentId).execute();
    }

    public Optional<AvisComite> avis(long communId) {
        return dsl.selectFrom(COMITE_AVIS).where(COMITE_AVIS.COMMUN_ID.eq(communId)).fetchOptional()
                .map(r -> new AvisComite(AvisComite.Avis.valueOf(r.getAvis()), r.getSubventionProposee(), r.getContributions()));
    }
}
