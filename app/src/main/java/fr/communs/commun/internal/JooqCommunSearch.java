package fr.communs.commun.internal;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMMUN_COMMUNE;
import static fr.communs.db.Tables.COMMUN_DEFI;
import static fr.communs.db.Tables.COMMUN_ENJEU;
import static fr.communs.db.Tables.DEFI;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.base.internal.AccentInsensitive;
import fr.communs.commun.CommunFilter;
import fr.communs.base.CommunStatut;
import fr.communs.commun.CommunSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of published communs. Text search without the {@code unaccent} extension (absent from the embedded
 * PostgreSQL): both the columns and the searched words go through the same {@code translate}/{@code lower}
 * expression, so "ecole" finds "École".
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqCommunSearch {
    private static final int MAX_WORDS = 10;

    private final DSLContext dsl;

    JooqCommunSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<CommunSummary> search(CommunFilter filter, int offset, int limit) {
        Field<Integer> membres = DSL.field(DSL.selectCount().from(GROUPEMENT_MEMBRE)
                .where(GROUPEMENT_MEMBRE.COMMUN_ID.eq(COMMUN.COMMUN_ID)));
        Field<Integer[]> defis = DSL.array(DSL.select(DEFI.NUMERO).from(COMMUN_DEFI)
                .join(DEFI).on(DEFI.DEFI_ID.eq(COMMUN_DEFI.DEFI_ID))
                .where(COMMUN_DEFI.COMMUN_ID.eq(COMMUN.COMMUN_ID)).orderBy(DEFI.NUMERO));
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.RESUME, STRUCTURE.NOM, COMMUN.STATUT, membres, defis,
                        COMMUN.CHERCHE_PARTENAIRES, COMMUN.PUBLIE_LE)
                .from(COMMUN).join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(conditions(filter))
                .orderBy(COMMUN.PUBLIE_LE.desc().nullsLast(), COMMUN.COMMUN_ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> {
                    CommunStatut statut = CommunStatut.valueOf(r.value5());
                    return new CommunSummary(r.value1(), r.value2(), r.value3(), r.value4(), statut, r.value6(),
                            r.value7() == null ? List.of() : Arrays.asList(r.value7()),
                            statut == CommunStatut.EN_CONSTITUTION && r.value8(), r.value9());
                });
    }

    public int count(CommunFilter filter) {
        return dsl.fetchCount(COMMUN, conditions(filter));
    }

    /** Published communs by list state (every state but drafts, zero included), across all campagnes. */
    public Map<CommunStatut, Integer> countsByStatut() {
        Map<CommunStatut, Integer> counts = new EnumMap<>(CommunStatut.class);
        for (CommunStatut s : CommunStatut.values()) {
            if (s != CommunStatut.BROUILLON) {
                counts.put(s, 0);
            }
        }
        dsl.select(COMMUN.STATUT, DSL.count()).from(COMMUN).where(published()).groupBy(COMMUN.STATUT)
                .forEach(r -> counts.put(CommunStatut.valueOf(r.value1()), r.value2()));
        return counts;
    }

    private static Condition published() {
        return COMMUN.STATUT.ne(CommunStatut.BROUILLON.name()).and(COMMUN.PUBLIE_LE.isNotNull());
    }

    private static Condition conditions(CommunFilter f) {
        List<Condition> c = new ArrayList<>();
        c.add(published());
        if (f.texte() != null) {
            c.addAll(AccentInsensitive.containsEveryWord(DSL.concat(COMMUN.TITRE, DSL.inline(" "), DSL.coalesce(COMMUN.RESUME, "")), f.texte(), MAX_WORDS));
        }
        if (f.statut() != null) {
            c.add(COMMUN.STATUT.eq(f.statut().name()));
        }
        if (f.defiId() != null) {
            c.add(DSL.exists(DSL.selectOne().from(COMMUN_DEFI).where(COMMUN_DEFI.COMMUN_ID.eq(COMMUN.COMMUN_ID)
                    .and(COMMUN_DEFI.DEFI_ID.eq(f.defiId())))));
        }
        if (f.enjeu() != null) {
            c.add(DSL.exists(DSL.selectOne().from(COMMUN_ENJEU).where(COMMUN_ENJEU.COMMUN_ID.eq(COMMUN.COMMUN_ID)
                    .and(COMMUN_ENJEU.ENJEU.eq(f.enjeu().name())))));
        }
        if (f.codeInsee() != null) {
            c.add(DSL.exists(DSL.selectOne().from(COMMUN_COMMUNE).where(COMMUN_COMMUNE.COMMUN_ID.eq(COMMUN.COMMUN_ID)
                    .and(COMMUN_COMMUNE.CODE_INSEE.eq(f.codeInsee())))));
        }
        if (f.cherchePartenaires()) {
            c.add(COMMUN.STATUT.eq(CommunStatut.EN_CONSTITUTION.name()).and(COMMUN.CHERCHE_PARTENAIRES.isTrue()));
        }
        return DSL.and(c);
    }
}
