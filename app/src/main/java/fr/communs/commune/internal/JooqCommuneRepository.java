package fr.communs.commune.internal;

import static fr.communs.db.Tables.COMMUNE;

import fr.communs.commune.Commune;
import fr.communs.commune.CommuneService.SearchCriteria;
import fr.communs.commune.Epci;
import fr.communs.db.tables.records.CommuneRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqCommuneRepository {
    private final DSLContext dsl;

    JooqCommuneRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The name of a département of the official list, or empty. */
    public Optional<String> nomDepartement(String codeDepartement) {
        return dsl.select(COMMUNE.NOM_DEPARTEMENT).from(COMMUNE).where(COMMUNE.CODE_DEPARTEMENT.eq(codeDepartement))
                .limit(1).fetchOptional(COMMUNE.NOM_DEPARTEMENT);
    }

    public Optional<Commune> findByCode(String codeInsee) {
        return dsl.selectFrom(COMMUNE).where(COMMUNE.CODE_INSEE.eq(codeInsee)).fetchOptional()
                .map(JooqCommuneRepository::toCommune);
    }

    public List<Commune> search(SearchCriteria c, int offset, int limit) {
        return dsl.selectFrom(COMMUNE).where(condition(c)).orderBy(order(c)).offset(offset).limit(limit)
                .fetch(JooqCommuneRepository::toCommune);
    }

    public int count(SearchCriteria c) {
        return dsl.fetchCount(COMMUNE, condition(c));
    }

    public List<Epci> epcisOfDepartement(String codeDepartement) {
        return dsl.selectDistinct(COMMUNE.CODE_EPCI, COMMUNE.NOM_EPCI).from(COMMUNE)
                .where(COMMUNE.CODE_DEPARTEMENT.eq(codeDepartement), COMMUNE.CODE_EPCI.isNotNull())
                .orderBy(COMMUNE.NOM_EPCI, COMMUNE.CODE_EPCI)
                .fetch(r -> new Epci(r.value1(), r.value2()));
    }

    /** codes_postaux with a comma before each code: ",30000,30900". */
    private static Field<String> postaux() {
        return DSL.inline(",").concat(COMMUNE.CODES_POSTAUX);
    }

    private static Condition condition(SearchCriteria c) {
        Condition condition = DSL.noCondition();
        if (c.code() != null) {
            condition = COMMUNE.CODE_INSEE.startsWith(c.code()).or(postaux().contains("," + c.code()));
        } else if (c.nom() != null) {
            // every word of the text, in any order ("ceze molieres")
            for (String word : c.nom().split(" ")) {
                condition = condition.and(COMMUNE.NOM_RECHERCHE.contains(word));
            }
        }
        if (c.codeDepartement() != null) {
            condition = condition.and(COMMUNE.CODE_DEPARTEMENT.eq(c.codeDepartement()));
        }
        return condition;
    }

    private static List<SortField<?>> order(SearchCriteria c) {
        List<SortField<?>> order = new ArrayList<>();
        if (c.code() != null) {
            // exact INSEE code, then exact postal code, then codes starting with the text
            order.add(DSL.when(COMMUNE.CODE_INSEE.eq(c.code()), 0)
                    .when(postaux().concat(DSL.inline(",")).contains("," + c.code() + ","), 1)
                    .otherwise(2).asc());
        } else if (c.nom() != null) {
            // exact name, then names starting with the text, then names containing it, then the other word matches
            order.add(DSL.when(COMMUNE.NOM_RECHERCHE.eq(c.nom()), 0)
                    .when(COMMUNE.NOM_RECHERCHE.startsWith(c.nom()), 1)
                    .when(COMMUNE.NOM_RECHERCHE.contains(c.nom()), 2)
                    .otherwise(3).asc());
        }
        order.add(COMMUNE.POPULATION.desc().nullsLast());
        order.add(COMMUNE.NOM.asc());
        order.add(COMMUNE.CODE_INSEE.asc());
        return order;
    }

    public static Commune toCommune(CommuneRecord r) {
        return new Commune(r.getCodeInsee(), r.getNom(), r.getCodeDepartement(), r.getNomDepartement(),
                r.getCodeEpci(), r.getNomEpci(), r.getCodesPostaux(), r.getPopulation(), toDouble(r.getLatitude()),
                toDouble(r.getLongitude()));
    }

    private static Double toDouble(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
