package fr.communs.campagne.internal;

import static fr.communs.db.Tables.CAMPAGNE;
import static fr.communs.db.Tables.DEFI;

import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneSettings;
import fr.communs.campagne.Defi;
import fr.communs.db.tables.records.CampagneRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqCampagneRepository {
    private final DSLContext dsl;

    JooqCampagneRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Campagne> findCurrent() {
        return dsl.selectFrom(CAMPAGNE).where(CAMPAGNE.OUVERTE.isTrue())
                .orderBy(CAMPAGNE.CAMPAGNE_ID.desc()).limit(1).fetchOptional().map(this::toCampagne);
    }

    /** Locks the campagne's row for the caller's transaction: changes of its calendar are serialised. */
    public void lock(long id) {
        dsl.select(CAMPAGNE.CAMPAGNE_ID).from(CAMPAGNE).where(CAMPAGNE.CAMPAGNE_ID.eq(id)).forUpdate().fetchOptional();
    }

    public Optional<Campagne> findById(long id) {
        return dsl.selectFrom(CAMPAGNE).where(CAMPAGNE.CAMPAGNE_ID.eq(id)).fetchOptional().map(this::toCampagne);
    }

    private Campagne toCampagne(CampagneRecord r) {
        List<Defi> defis = dsl.selectFrom(DEFI).where(DEFI.CAMPAGNE_ID.eq(r.getCampagneId())).orderBy(DEFI.NUMERO)
                .fetch(d -> new Defi(d.getDefiId(), d.getNumero(), d.getLibelle(), d.getHashtags()));
        return new Campagne(r.getCampagneId(), r.getNom(), r.getCollectivite(), r.getTerritoireNom(),
                r.getTerritoireCode(), r.getDateLimiteDepot(), r.getDateComite(), defis);
    }

    public long insert(CampagneSettings s) {
        return dsl.insertInto(CAMPAGNE)
                .set(CAMPAGNE.NOM, s.nom()).set(CAMPAGNE.COLLECTIVITE, s.collectivite())
                .set(CAMPAGNE.TERRITOIRE_NOM, s.territoireNom()).set(CAMPAGNE.TERRITOIRE_CODE, s.territoireCode())
                .set(CAMPAGNE.DATE_LIMITE_DEPOT, s.dateLimiteDepot()).set(CAMPAGNE.DATE_COMITE, s.dateComite())
                .returning(CAMPAGNE.CAMPAGNE_ID).fetchOne().getCampagneId();
    }

    public void update(long id, CampagneSettings s) {
        dsl.update(CAMPAGNE)
                .set(CAMPAGNE.NOM, s.nom()).set(CAMPAGNE.COLLECTIVITE, s.collectivite())
                .set(CAMPAGNE.TERRITOIRE_NOM, s.territoireNom()).set(CAMPAGNE.TERRITOIRE_CODE, s.territoireCode())
                .set(CAMPAGNE.DATE_LIMITE_DEPOT, s.dateLimiteDepot()).set(CAMPAGNE.DATE_COMITE, s.dateComite())
                .set(CAMPAGNE.VERSION, CAMPAGNE.VERSION.plus(1)).set(CAMPAGNE.UPDATED_AT, OffsetDateTime.now())
                .where(CAMPAGNE.CAMPAGNE_ID.eq(id)).execute();
    }

    public void insertDefi(long campagneId, int numero, String libelle, String hashtags) {
        dsl.insertInto(DEFI).set(DEFI.CAMPAGNE_ID, campagneId).set(DEFI.NUMERO, numero)
                .set(DEFI.LIBELLE, libelle).set(DEFI.HASHTAGS, hashtags).execute();
    }
}
