package fr.communs.livrable.internal;

import static fr.communs.db.Tables.LIVRABLE;

import fr.communs.livrable.Livrable;
import fr.communs.livrable.LivrableData;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqLivrableRepository {
    private final DSLContext dsl;

    JooqLivrableRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(long communId, LivrableData d, long userId) {
        dsl.insertInto(LIVRABLE).set(LIVRABLE.COMMUN_ID, communId).set(LIVRABLE.TITRE, d.titre())
                .set(LIVRABLE.LIEN, d.lien()).set(LIVRABLE.DESCRIPTION, d.description())
                .set(LIVRABLE.RETOUR_EXPERIENCE, d.retourExperience()).set(LIVRABLE.APP_USER_ID, userId).execute();
    }

    public Optional<Livrable> find(long communId) {
        return dsl.selectFrom(LIVRABLE).where(LIVRABLE.COMMUN_ID.eq(communId)).fetchOptional()
                .map(r -> new Livrable(r.getTitre(), r.getLien(), r.getDescription(), r.getRetourExperience(),
                        r.getCreatedAt()));
    }
}
