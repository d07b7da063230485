package fr.communs.dossier.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMMUNE;
import static fr.communs.db.Tables.COMMUN_COMMUNE;
import static fr.communs.db.Tables.COMMUN_DEFI;
import static fr.communs.db.Tables.DEFI;
import static fr.communs.db.Tables.DOSSIER_ETIQUETTE;
import static fr.communs.db.Tables.DOSSIER_SUIVI;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.base.internal.AccentInsensitive;
import fr.communs.base.Dates;
import fr.communs.base.CommunStatut;
import fr.communs.commun.Echelle;
import fr.communs.dossier.DossierFiltre;
import fr.communs.dossier.DossierLigne;
import fr.communs.dossier.DossierTri;
import fr.communs.processes.CycleCommunProcess;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' list of files, read in one query per page: the commun, its porteur, défis, communes, instructeur and
 * labels, and the due date of its open step read from the Camunda tables (schema {@code public}) by business key.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqDossierRepository {
    private static final int MAX_WORDS = 10;

    // Camunda's runtime tables: they live in schema "public", ours in "app".
    private static final Table<?> TASK = DSL.table(DSL.name("public", "act_ru_task")).as("echeance_task");
    private static final Field<String> TASK_PROC_INST = DSL.field(DSL.name("echeance_task", "proc_inst_id_"), String.class);
    private static final Field<String> TASK_PROC_DEF = DSL.field(DSL.name("echeance_task", "proc_def_id_"), String.class);
    private static final Field<String> TASK_KEY = DSL.field(DSL.name("echeance_task", "task_def_key_"), String.class);
    private static final Field<LocalDateTime> TASK_DUE = DSL.field(DSL.name("echeance_task", "due_date_"), SQLDataType.LOCALDATETIME);
    private static final Table<?> EXECUTION = DSL.table(DSL.name("public", "act_ru_execution")).as("echeance_execution");
    private static final Field<String> EXECUTION_ID = DSL.field(DSL.name("echeance_execution", "id_"), String.class);
    private static final Field<String> EXECUTION_BUSINESS_KEY = DSL.field(DSL.name("echeance_execution", "business_key_"), String.class);
    private static final Table<?> PROCDEF = DSL.table(DSL.name("public", "act_re_procdef")).as("echeance_procdef");
    private static final Field<String> PROCDEF_ID = DSL.field(DSL.name("echeance_procdef", "id_"), String.class);
    private static final Field<String> PROCDEF_KEY = DSL.field(DSL.name("echeance_procdef", "key_"), String.class);

    /**
     * Due date of the file's open step ("Instruire le dossier" or "Compléter le dossier"), as Camunda stores it (the
     * JVM's local time): the open task of the cycle whose process instance has the business key {@code commun-<id>}.
     */
    static final Field<LocalDateTime> ECHEANCE = DSL.field(DSL.select(DSL.min(TASK_DUE)).from(TASK)
            .join(EXECUTION).on(EXECUTION_ID.eq(TASK_PROC_INST))
            .join(PROCDEF).on(PROCDEF_ID.eq(TASK_PROC_DEF))
            .where(EXECUTION_BUSINESS_KEY.eq(DSL.concat(DSL.inline("commun-"), COMMUN.COMMUN_ID.cast(SQLDataType.VARCHAR)))
                    .and(PROCDEF_KEY.eq(DSL.inline(CycleCommunProcess.KEY)))
                    .and(TASK_KEY.in(DSL.inline(CycleCommunProcess.TASK_INSTRUIRE),
                            DSL.inline(CycleCommunProcess.TASK_COMPLETER_DOSSIER)))));

    private static final Field<Integer[]> DEFIS = DSL.array(DSL.select(DEFI.NUMERO).from(COMMUN_DEFI)
            .join(DEFI).on(DEFI.DEFI_ID.eq(COMMUN_DEFI.DEFI_ID))
            .where(COMMUN_DEFI.COMMUN_ID.eq(COMMUN.COMMUN_ID)).orderBy(DEFI.NUMERO));
    private static final Field<String[]> COMMUNES = DSL.array(DSL.select(COMMUNE.NOM).from(COMMUN_COMMUNE)
            .join(COMMUNE).on(COMMUNE.CODE_INSEE.eq(COMMUN_COMMUNE.CODE_INSEE))
            .where(COMMUN_COMMUNE.COMMUN_ID.eq(COMMUN.COMMUN_ID)).orderBy(COMMUNE.NOM));
    private static final Field<String[]> ETIQUETTES = DSL.array(DSL.select(DOSSIER_ETIQUETTE.ETIQUETTE)
            .from(DOSSIER_ETIQUETTE).where(DOSSIER_ETIQUETTE.COMMUN_ID.eq(COMMUN.COMMUN_ID))
            .orderBy(DOSSIER_ETIQUETTE.ETIQUETTE));

    private final DSLContext dsl;

    JooqDossierRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A page of the campagne's files matching the filter; {@code moi} is the caller (filter "mes dossiers"). */
    public List<DossierLigne> page(long campagneId, DossierFiltre filtre, long moi, DossierTri tri, boolean asc,
                                   int offset, int limit) {
        List<Condition> c = conditions(filtre, moi);
        c.add(COMMUN.CAMPAGNE_ID.eq(campagneId));
        c.add(COMMUN.STATUT.in(names(filtre.statutsEffectifs())));
        return dsl.select(columns()).from(joined()).where(c)
                .orderBy(order(tri, asc), COMMUN.COMMUN_ID.sort(asc ? org.jooq.SortOrder.ASC : org.jooq.SortOrder.DESC))
                .offset(offset).limit(limit)
                .fetch(JooqDossierRepository::toLigne);
    }

    public int count(long campagneId, DossierFiltre filtre, long moi) {
        List<Condition> c = conditions(filtre, moi);
        c.add(COMMUN.CAMPAGNE_ID.eq(campagneId));
        c.add(COMMUN.STATUT.in(names(filtre.statutsEffectifs())));
        return dsl.selectCount().from(joined()).where(c).fetchOne(0, int.class);
    }

    /** Files per state (every published state, zero included) matching the filter but for its states. */
    public Map<CommunStatut, Integer> countsByStatut(long campagneId, DossierFiltre filtre, long moi) {
        Map<CommunStatut, Integer> counts = new EnumMap<>(CommunStatut.class);
        for (CommunStatut s : CommunStatut.values()) {
            if (s != CommunStatut.BROUILLON) {
                counts.put(s, 0);
            }
        }
        List<Condition> c = conditions(filtre, moi);
        c.add(COMMUN.CAMPAGNE_ID.eq(campagneId));
        dsl.select(COMMUN.STATUT, DSL.count()).from(joined()).where(c).groupBy(COMMUN.STATUT)
                .forEach(r -> counts.put(CommunStatut.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** These published files (of any campagne), unknown ids and drafts left out, by transmission date then id. */
    public List<DossierLigne> lignes(Collection<Long> communIds) {
        if (communIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(columns()).from(joined())
                .where(COMMUN.COMMUN_ID.in(communIds).and(published()))
                .orderBy(COMMUN.DATE_TRANSMISSION.asc().nullsLast(), COMMUN.COMMUN_ID)
                .fetch(JooqDossierRepository::toLigne);
    }

    /** Which of these ids are published communs (not drafts). */
    public Set<Long> published(Collection<Long> communIds) {
        if (communIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(dsl.select(COMMUN.COMMUN_ID).from(COMMUN).where(COMMUN.COMMUN_ID.in(communIds).and(published()))
                .fetch(COMMUN.COMMUN_ID));
    }

    /** Puts the label on these files (those that already bear it are left as they are); returns how many got it. */
    public int addLabel(Collection<Long> communIds, String etiquette, long agentId) {
        int added = 0;
        for (long id : communIds) {
            added += dsl.insertInto(DOSSIER_ETIQUETTE)
                    .set(DOSSIER_ETIQUETTE.COMMUN_ID, id)
                    .set(DOSSIER_ETIQUETTE.ETIQUETTE, etiquette)
                    .set(DOSSIER_ETIQUETTE.CREE_PAR, agentId)
                    .onConflictDoNothing().execute();
        }
        return added;
    }

    public int removeLabel(long communId, String etiquette) {
        return dsl.deleteFrom(DOSSIER_ETIQUETTE)
                .where(DOSSIER_ETIQUETTE.COMMUN_ID.eq(communId).and(DOSSIER_ETIQUETTE.ETIQUETTE.eq(etiquette))).execute();
    }

    /** Every label in use, most used first. */
    public List<String> usedLabels() {
        return dsl.select(DOSSIER_ETIQUETTE.ETIQUETTE).from(DOSSIER_ETIQUETTE).groupBy(DOSSIER_ETIQUETTE.ETIQUETTE)
                .orderBy(DSL.count().desc(), DOSSIER_ETIQUETTE.ETIQUETTE).fetch(DOSSIER_ETIQUETTE.ETIQUETTE);
    }

    // ------------------------------------------------------------------ query parts

    private static List<SelectField<?>> columns() {
        return List.of(COMMUN.COMMUN_ID, COMMUN.TITRE, COMMUN.STATUT, STRUCTURE.NOM, DEFIS, COMMUNES, COMMUN.ECHELLE,
                COMMUN.DATE_TRANSMISSION, DOSSIER_SUIVI.INSTRUCTEUR_ID, APP_USER.NOM_COMPLET, ECHEANCE, ETIQUETTES);
    }

    private static TableLike<?> joined() {
        return COMMUN.join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .leftJoin(DOSSIER_SUIVI).on(DOSSIER_SUIVI.COMMUN_ID.eq(COMMUN.COMMUN_ID))
                .leftJoin(APP_USER).on(APP_USER.APP_USER_ID.eq(DOSSIER_SUIVI.INSTRUCTEUR_ID));
    }

    private static Condition published() {
        return COMMUN.STATUT.ne(CommunStatut.BROUILLON.name());
    }

    /** Every condition of the filter but its states (and the campagne). */
    private static List<Condition> conditions(DossierFiltre f, long moi) {
        List<Condition> c = new ArrayList<>();
        c.add(published());
        if (f.defiId() != null) {
            c.add(DSL.exists(DSL.selectOne().from(COMMUN_DEFI).where(COMMUN_DEFI.COMMUN_ID.eq(COMMUN.COMMUN_ID)
                    .and(COMMUN_DEFI.DEFI_ID.eq(f.defiId())))));
        }
        switch (f.instructeur()) {
            case MOI -> c.add(DOSSIER_SUIVI.INSTRUCTEUR_ID.eq(moi));
            case PERSONNE -> c.add(DOSSIER_SUIVI.INSTRUCTEUR_ID.isNull());
            case AGENT -> c.add(DOSSIER_SUIVI.INSTRUCTEUR_ID.eq(f.instructeurId()));
            case TOUS -> { }
        }
        if (f.etiquette() != null) {
            c.add(DSL.exists(DSL.selectOne().from(DOSSIER_ETIQUETTE)
                    .where(DOSSIER_ETIQUETTE.COMMUN_ID.eq(COMMUN.COMMUN_ID).and(DOSSIER_ETIQUETTE.ETIQUETTE.eq(f.etiquette())))));
        }
        if (f.texte() != null) {
            c.addAll(AccentInsensitive.containsEveryWord(DSL.concat(COMMUN.TITRE, DSL.inline(" "), STRUCTURE.NOM), f.texte(), MAX_WORDS));
        }
        if (f.enRetard()) {
            // Camunda writes due dates in the JVM's local time: compare with the JVM's local time.
            c.add(ECHEANCE.lt(LocalDateTime.now()));
        }
        return c;
    }

    private static SortField<?> order(DossierTri tri, boolean asc) {
        Field<?> field = switch (tri == null ? DossierTri.TRANSMIS_LE : tri) {
            case TRANSMIS_LE -> COMMUN.DATE_TRANSMISSION;
            case ECHEANCE -> ECHEANCE;
            case TITRE -> DSL.lower(COMMUN.TITRE);
            case PORTEUR -> DSL.lower(STRUCTURE.NOM);
            case STATUT -> statutOrder();
            case INSTRUCTEUR -> DSL.lower(APP_USER.NOM_COMPLET);
        };
        return (asc ? field.asc() : field.desc()).nullsLast();
    }

    /** The state's rank in the cycle (not the alphabetical order of its code). */
    private static Field<Integer> statutOrder() {
        CaseValueStep<String> choose = DSL.choose(COMMUN.STATUT);
        CaseWhenStep<String, Integer> when = null;
        for (CommunStatut s : CommunStatut.values()) {
            when = when == null ? choose.when(DSL.inline(s.name()), DSL.inline(s.ordinal()))
                    : when.when(DSL.inline(s.name()), DSL.inline(s.ordinal()));
        }
        return when.otherwise(DSL.inline(CommunStatut.values().length));
    }

    private static List<String> names(Set<CommunStatut> statuts) {
        return statuts.stream().map(Enum::name).toList();
    }

    private static DossierLigne toLigne(Record r) {
        Integer[] defis = r.get(DEFIS);
        String[] communes = r.get(COMMUNES);
        String[] etiquettes = r.get(ETIQUETTES);
        String territoire;
        if (communes != null && communes.length > 0) {
            territoire = String.join(", ", communes);
        } else {
            String echelle = r.get(COMMUN.ECHELLE);
            territoire = echelle == null ? null : Echelle.valueOf(echelle).libelle();
        }
        LocalDateTime echeance = r.get(ECHEANCE);
        OffsetDateTime transmis = r.get(COMMUN.DATE_TRANSMISSION);
        return new DossierLigne(r.get(COMMUN.COMMUN_ID), r.get(COMMUN.TITRE), CommunStatut.valueOf(r.get(COMMUN.STATUT)),
                r.get(STRUCTURE.NOM),
                defis == null ? List.of() : Arrays.stream(defis).map(n -> "Défi " + n).toList(),
                territoire, transmis, r.get(DOSSIER_SUIVI.INSTRUCTEUR_ID), r.get(APP_USER.NOM_COMPLET),
                echeance == null ? null : echeance.atZone(ZoneId.systemDefault()).withZoneSameInstant(Dates.ZONE).toLocalDateTime(),
                etiquettes == null ? List.of() : List.of(etiquettes));
    }
}
