package fr.communs.structure.internal;

import static fr.communs.db.Tables.COMMUNE;
import static fr.communs.db.Tables.STRUCTURE;
import static fr.communs.db.Tables.STRUCTURE_DOMAINE;

import fr.communs.db.tables.records.StructureRecord;
import fr.communs.structure.AnnuaireFilter;
import fr.communs.structure.AnnuaireSort;
import fr.communs.structure.Domaine;
import fr.communs.structure.Facets;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.MapPoint;
import fr.communs.structure.StatutVerification;
import fr.communs.structure.Structure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The public directory: full-text search (PostgreSQL, French configuration), filters, facets, map. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqAnnuaireRepository {
    private static final Field<Object> VECTOR = DSL.field("to_tsvector('french', {0})", Object.class, STRUCTURE.RECHERCHE_TEXTE);

    private final DSLContext dsl;
    private final JooqStructureRepository structures;

    JooqAnnuaireRepository(DSLContext dsl, JooqStructureRepository structures) {
        this.dsl = dsl;
        this.structures = structures;
    }

    /**
     * Builds the tsquery of normalised words, each as a prefix, all required; null when there are none.
     * Words are reduced to letters and digits, so the query cannot be malformed.
     */
    public static String tsquery(String normalised) {
        if (normalised == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String word : normalised.split("[^a-z0-9]+")) {
            if (!word.isBlank()) {
                words.add(word + ":*");
            }
        }
        return words.isEmpty() ? null : String.join(" & ", words);
    }

    private Condition conditions(AnnuaireFilter f, String query, boolean withDomaine, boolean withForme,
                                 boolean withEss, boolean withEpci, boolean withCommune) {
        List<Condition> c = new ArrayList<>();
        if (query != null) {
            c.add(DSL.condition("{0} @@ to_tsquery('french', {1})", VECTOR, DSL.val(query)));
        }
        if (withDomaine && f.domaine() != null) {
            c.add(DSL.exists(DSL.selectOne().from(STRUCTURE_DOMAINE).where(STRUCTURE_DOMAINE.STRUCTURE_ID
                    .eq(STRUCTURE.STRUCTURE_ID).and(STRUCTURE_DOMAINE.DOMAINE.eq(f.domaine().name())))));
        }
        if (withForme && f.forme() != null) {
            c.add(STRUCTURE.FORME_JURIDIQUE.eq(f.forme().name()));
        }
        if (withEss && f.ess() != null) {
            c.add(STRUCTURE.ESS.eq(f.ess()));
        }
        if (withEpci && f.epci() != null) {
            c.add(STRUCTURE.COMMUNE_INSEE.in(DSL.select(COMMUNE.CODE_INSEE).from(COMMUNE).where(COMMUNE.CODE_EPCI.eq(f.epci()))));
        }
        if (withCommune && f.communeInsee() != null) {
            c.add(STRUCTURE.COMMUNE_INSEE.eq(f.communeInsee()));
        }
        return DSL.and(c);
    }

    private Condition all(AnnuaireFilter f, String query) {
        return conditions(f, query, true, true, true, true, true);
    }

    public List<Structure> search(AnnuaireFilter f, String query, AnnuaireSort sort, int offset, int limit) {
        List<SortField<?>> order = new ArrayList<>();
        switch (sort) {
            case COMMUNE -> order.add(STRUCTURE.COMMUNE.asc());
            case RECENTES -> order.add(STRUCTURE.CREATED_AT.desc());
            case PERTINENCE -> {
                if (query != null) {
                    order.add(DSL.field("ts_rank({0}, to_tsquery('french', {1}))", Double.class, VECTOR, DSL.val(query)).desc());
                }
            }
            default -> { }
        }
        order.add(STRUCTURE.RECHERCHE_TEXTE.asc()); // starts with the lower-case, accent-free name: French order
        order.add(STRUCTURE.STRUCTURE_ID.asc());
        List<StructureRecord> records = dsl.selectFrom(STRUCTURE).where(all(f, query)).orderBy(order)
                .offset(offset).limit(limit).fetch();
        return structures.toStructures(records);
    }

    public int count(AnnuaireFilter f, String query) {
        return dsl.fetchCount(STRUCTURE, all(f, query));
    }

    /** Counts per facet value; each facet ignores its own filter so the other values stay selectable. */
    public Facets facets(AnnuaireFilter f, String query) {
        Map<Domaine, Integer> domaines = new EnumMap<>(Domaine.class);
        dsl.select(STRUCTURE_DOMAINE.DOMAINE, DSL.count()).from(STRUCTURE_DOMAINE)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(STRUCTURE_DOMAINE.STRUCTURE_ID))
                .where(conditions(f, query, false, true, true, true, true)).groupBy(STRUCTURE_DOMAINE.DOMAINE)
                .forEach(r -> domaines.put(Domaine.valueOf(r.value1()), r.value2()));
        Map<FormeJuridique, Integer> formes = new EnumMap<>(FormeJuridique.class);
        dsl.select(STRUCTURE.FORME_JURIDIQUE, DSL.count()).from(STRUCTURE)
                .where(conditions(f, query, true, false, true, true, true)).groupBy(STRUCTURE.FORME_JURIDIQUE)
                .forEach(r -> formes.put(FormeJuridique.valueOf(r.value1()), r.value2()));
        int[] ess = new int[2];
        dsl.select(STRUCTURE.ESS, DSL.count()).from(STRUCTURE)
                .where(conditions(f, query, true, true, false, true, true)).groupBy(STRUCTURE.ESS)
                .forEach(r -> ess[r.value1() ? 0 : 1] = r.value2());
        List<Facets.Count> epcis = dsl.select(COMMUNE.CODE_EPCI, COMMUNE.NOM_EPCI, DSL.count()).from(STRUCTURE)
                .join(COMMUNE).on(COMMUNE.CODE_INSEE.eq(STRUCTURE.COMMUNE_INSEE))
                .where(conditions(f, query, true, true, true, false, true).and(COMMUNE.CODE_EPCI.isNotNull()))
                .groupBy(COMMUNE.CODE_EPCI, COMMUNE.NOM_EPCI).orderBy(DSL.count().desc(), COMMUNE.NOM_EPCI).limit(50)
                .fetch(r -> new Facets.Count(r.value1(), r.value2(), r.value3()));
        List<Facets.Count> communes = dsl.select(COMMUNE.CODE_INSEE, COMMUNE.NOM, COMMUNE.CODE_DEPARTEMENT, DSL.count())
                .from(STRUCTURE).join(COMMUNE).on(COMMUNE.CODE_INSEE.eq(STRUCTURE.COMMUNE_INSEE))
                .where(conditions(f, query, true, true, true, true, false))
                .groupBy(COMMUNE.CODE_INSEE, COMMUNE.NOM, COMMUNE.CODE_DEPARTEMENT).orderBy(DSL.count().desc(), COMMUNE.NOM)
                .limit(100).fetch(r -> new Facets.Count(r.value1(), r.value2() + " (" + r.value3() + ")", r.value4()));
        return new Facets(domaines, formes, ess[0], ess[1], epcis, communes);
    }

    public List<MapPoint> mapPoints(AnnuaireFilter f, String query, int limit) {
        return dsl.select(STRUCTURE.STRUCTURE_ID, STRUCTURE.NOM, STRUCTURE.COMMUNE, STRUCTURE.LATITUDE, STRUCTURE.LONGITUDE,
                        STRUCTURE.ESS, STRUCTURE.STATUT_VERIFICATION)
                .from(STRUCTURE).where(all(f, query).and(STRUCTURE.LATITUDE.isNotNull()))
                .orderBy(STRUCTURE.NOM).limit(limit)
                .fetch(r -> new MapPoint(r.value1(), r.value2(), r.value3(), r.value4().doubleValue(),
                        r.value5().doubleValue(), r.value6(), StatutVerification.VERIFIEE.name().equals(r.value7())));
    }
}
