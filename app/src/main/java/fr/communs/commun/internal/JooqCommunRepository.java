package fr.communs.commun.internal;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMMUN_DEFI;
import static fr.communs.db.Tables.DEFI;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.campagne.Defi;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunFilter;
import fr.communs.commun.CommunStatut;
import fr.communs.commun.CommunSummary;
import fr.communs.commun.RoleGroupement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqCommunRepository {
    private final DSLContext dsl;

    JooqCommunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(long campagneId, long porteurStructureId, CommunData d) {
        long id = dsl.insertInto(COMMUN)
                .set(COMMUN.CAMPAGNE_ID, campagneId).set(COMMUN.PORTEUR_STRUCTURE_ID, porteurStructureId)
                .set(COMMUN.TITRE, d.titre()).set(COMMUN.RESUME, d.resume()).set(COMMUN.BESOIN, d.besoin())
                .set(COMMUN.INTERET_GENERAL, d.interetGeneral()).set(COMMUN.GOUVERNANCE, d.gouvernance())
                .set(COMMUN.STATUT, CommunStatut.EN_CONSTITUTION.name())
                .returning(COMMUN.COMMUN_ID).fetchOne().getCommunId();
        for (Long defiId : d.defiIds()) {
            dsl.insertInto(COMMUN_DEFI).set(COMMUN_DEFI.COMMUN_ID, id).set(COMMUN_DEFI.DEFI_ID, defiId).execute();
        }
        insertMembre(id, porteurStructureId, RoleGroupement.PORTEUR);
        return id;
    }

    public void setProcessInstance(long communId, String processInstanceId) {
        dsl.update(COMMUN).set(COMMUN.PROCESS_INSTANCE_ID, processInstanceId).where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    /** Updates the texts a porteur may complete during the compléments loop. */
    public void updateTexts(long communId, String besoin, String interetGeneral, String gouvernance) {
        dsl.update(COMMUN).set(COMMUN.BESOIN, besoin).set(COMMUN.INTERET_GENERAL, interetGeneral)
                .set(COMMUN.GOUVERNANCE, gouvernance).set(COMMUN.VERSION, COMMUN.VERSION.plus(1))
                .set(COMMUN.UPDATED_AT, OffsetDateTime.now()).where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    public void updateStatut(long communId, CommunStatut statut) {
        dsl.update(COMMUN).set(COMMUN.STATUT, statut.name()).set(COMMUN.VERSION, COMMUN.VERSION.plus(1))
                .set(COMMUN.UPDATED_AT, OffsetDateTime.now()).where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    public void markTransmitted(long communId) {
        dsl.update(COMMUN).set(COMMUN.STATUT, CommunStatut.EN_INSTRUCTION.name())
                .set(COMMUN.DATE_TRANSMISSION, OffsetDateTime.now()).set(COMMUN.VERSION, COMMUN.VERSION.plus(1))
                .set(COMMUN.UPDATED_AT, OffsetDateTime.now()).where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    /** Locks the commun's row for the rest of the transaction (serialises changes to its groupement). */
    public Optional<CommunStatut> lockStatut(long communId) {
        return dsl.select(COMMUN.STATUT).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).forUpdate()
                .fetchOptional(r -> CommunStatut.valueOf(r.value1()));
    }

    public Optional<Commun> findById(long id) {
        return dsl.select(COMMUN.asterisk(), STRUCTURE.NOM).from(COMMUN)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(COMMUN.COMMUN_ID.eq(id)).fetchOptional().map(r -> toCommun(r, defisOf(id)));
    }

    private List<Defi> defisOf(long communId) {
        return dsl.select(DEFI.DEFI_ID, DEFI.NUMERO, DEFI.LIBELLE, DEFI.HASHTAGS).from(DEFI)
                .join(COMMUN_DEFI).on(COMMUN_DEFI.DEFI_ID.eq(DEFI.DEFI_ID))
                .where(COMMUN_DEFI.COMMUN_ID.eq(communId)).orderBy(DEFI.NUMERO)
                .fetch(r -> new Defi(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static Commun toCommun(Record r, List<Defi> defis) {
        return new Commun(r.get(COMMUN.COMMUN_ID), r.get(COMMUN.CAMPAGNE_ID), r.get(COMMUN.TITRE), r.get(COMMUN.RESUME),
                r.get(COMMUN.BESOIN), r.get(COMMUN.INTERET_GENERAL), r.get(COMMUN.GOUVERNANCE),
                r.get(COMMUN.PORTEUR_STRUCTURE_ID), r.get(STRUCTURE.NOM), CommunStatut.valueOf(r.get(COMMUN.STATUT)),
                r.get(COMMUN.DATE_TRANSMISSION), r.get(COMMUN.CREATED_AT), defis);
    }

    public List<CommunSummary> search(CommunFilter filter, int offset, int limit) {
        var membres = DSL.field(DSL.selectCount().from(GROUPEMENT_MEMBRE)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(COMMUN.COMMUN_ID)));
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.RESUME, STRUCTURE.NOM, COMMUN.STATUT, membres,
                        COMMUN.CREATED_AT)
                .from(COMMUN).join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(conditions(filter))
                .orderBy(COMMUN.CREATED_AT.desc(), COMMUN.COMMUN_ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new CommunSummary(r.value1(), r.value2(), r.value3(), r.value4(),
                        CommunStatut.valueOf(r.value5()), r.value6(), r.value7()));
    }

    public int count(CommunFilter filter) {
        return dsl.fetchCount(dsl.selectFrom(COMMUN).where(conditions(filter)));
    }

    private static Condition conditions(CommunFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.texte() != null && !filter.texte().isBlank()) {
            String like = "%" + filter.texte().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            conditions.add(DSL.lower(COMMUN.TITRE).like(like, '\\').or(DSL.lower(COMMUN.RESUME).like(like, '\\')));
        }
        if (filter.statut() != null) {
            conditions.add(COMMUN.STATUT.eq(filter.statut().name()));
        }
        return DSL.and(conditions);
    }

    public void insertMembre(long communId, long structureId, RoleGroupement role) {
        dsl.insertInto(GROUPEMENT_MEMBRE).set(GROUPEMENT_MEMBRE.COMMUN_ID, communId)
                .set(GROUPEMENT_MEMBRE.STRUCTURE_ID, structureId).set(GROUPEMENT_MEMBRE.ROLE, role.name()).execute();
    }

    public int deleteMembre(long communId, long structureId) {
        return dsl.deleteFrom(GROUPEMENT_MEMBRE).where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId)
                .and(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId))
                .and(GROUPEMENT_MEMBRE.ROLE.ne(RoleGroupement.PORTEUR.name()))).execute();
    }

    /** Structure ids of the groupement with their role, in order of joining. */
    public Map<Long, RoleGroupement> membres(long communId) {
        Map<Long, RoleGroupement> result = new java.util.LinkedHashMap<>();
        dsl.select(GROUPEMENT_MEMBRE.STRUCTURE_ID, GROUPEMENT_MEMBRE.ROLE).from(GROUPEMENT_MEMBRE)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId)).orderBy(GROUPEMENT_MEMBRE.CREATED_AT, GROUPEMENT_MEMBRE.STRUCTURE_ID)
                .forEach(r -> result.put(r.value1(), RoleGroupement.valueOf(r.value2())));
        return result;
    }
}
