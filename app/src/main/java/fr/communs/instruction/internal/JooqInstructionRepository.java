package fr.communs.instruction.internal;

import static fr.communs.db.Tables.ANNOTATION;
import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMPLEMENT;
import static fr.communs.db.Tables.DOSSIER_ATTRIBUTION;
import static fr.communs.db.Tables.DOSSIER_SUIVI;
import static fr.communs.db.Tables.INSTRUCTION;
import static fr.communs.db.Tables.INSTRUCTION_CRITERE;

import fr.communs.instruction.Agent;
import fr.communs.instruction.Annotation;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.Instruction;
import fr.communs.instruction.PartieDossier;
import fr.communs.instruction.SuiviDossier;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqInstructionRepository {
    private final DSLContext dsl;

    JooqInstructionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ------------------------------------------------------------------ decisions

    public long insert(long communId, DecisionInstruction decision, Map<Critere, AppreciationCritere> criteres,
                       String motif, Set<PartieDossier> parties, LocalDate dateLimite, long agentId) {
        return dsl.insertInto(INSTRUCTION).set(INSTRUCTION.COMMUN_ID, communId)
                .set(INSTRUCTION.DECISION, decision.name()).set(INSTRUCTION.MOTIF, motif)
                .set(INSTRUCTION.CRITERE_CONTRIBUTEURS, criteres.get(Critere.CONTRIBUTEURS).appreciation().name())
                .set(INSTRUCTION.CRITERE_GOUVERNANCE, criteres.get(Critere.GOUVERNANCE).appreciation().name())
                .set(INSTRUCTION.CRITERE_DEFIS, criteres.get(Critere.DEFIS).appreciation().name())
                .set(INSTRUCTION.CRITERE_COMMUNS, criteres.get(Critere.COMMUNS).appreciation().name())
                .set(INSTRUCTION.COMMENTAIRE_CONTRIBUTEURS, criteres.get(Critere.CONTRIBUTEURS).commentaire())
                .set(INSTRUCTION.COMMENTAIRE_GOUVERNANCE, criteres.get(Critere.GOUVERNANCE).commentaire())
                .set(INSTRUCTION.COMMENTAIRE_DEFIS, criteres.get(Critere.DEFIS).commentaire())
                .set(INSTRUCTION.COMMENTAIRE_COMMUNS, criteres.get(Critere.COMMUNS).commentaire())
                .set(INSTRUCTION.PARTIES_DEMANDEES, parties.isEmpty() ? null
                        : parties.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .set(INSTRUCTION.DATE_LIMITE_COMPLEMENTS, dateLimite)
                .set(INSTRUCTION.AGENT_ID, agentId)
                .returning(INSTRUCTION.INSTRUCTION_ID).fetchOne().getInstructionId();
    }

    /** The comité's reading of the latest « recevable » decision: its appreciations and the summary for the comité. */
    public java.util.Optional<fr.communs.instruction.SyntheseComite> syntheseComite(long communId) {
        return dsl.select(INSTRUCTION.asterisk(), APP_USER.NOM_COMPLET)
                .from(INSTRUCTION).join(APP_USER).on(APP_USER.APP_USER_ID.eq(INSTRUCTION.AGENT_ID))
                .where(INSTRUCTION.COMMUN_ID.eq(communId)).and(INSTRUCTION.DECISION.eq(DecisionInstruction.RECEVABLE.name()))
                .orderBy(INSTRUCTION.CREATED_AT.desc(), INSTRUCTION.INSTRUCTION_ID.desc()).limit(1)
                .fetchOptional(r -> new fr.communs.instruction.SyntheseComite(toInstruction(r).criteres(),
                        r.get(INSTRUCTION.SYNTHESE_COMITE), r.get(APP_USER.NOM_COMPLET), r.get(INSTRUCTION.CREATED_AT)));
    }

    /** Writes the summary for the comité on the latest « recevable » decision; false when there is none. */
    public boolean saveSyntheseComite(long communId, String synthese) {
        Long id = dsl.select(INSTRUCTION.INSTRUCTION_ID).from(INSTRUCTION).where(INSTRUCTION.COMMUN_ID.eq(communId))
                .and(INSTRUCTION.DECISION.eq(DecisionInstruction.RECEVABLE.name()))
                .orderBy(INSTRUCTION.CREATED_AT.desc(), INSTRUCTION.INSTRUCTION_ID.desc()).limit(1).fetchOne(INSTRUCTION.INSTRUCTION_ID);
        return id != null && dsl.update(INSTRUCTION).set(INSTRUCTION.SYNTHESE_COMITE, synthese)
                .where(INSTRUCTION.INSTRUCTION_ID.eq(id)).execute() == 1;
    }

    /** Decisions on a commun, the latest first. */
    public List<Instruction> findByCommun(long communId) {
        return dsl.select(INSTRUCTION.asterisk(), APP_USER.NOM_COMPLET)
                .from(INSTRUCTION).join(APP_USER).on(APP_USER.APP_USER_ID.eq(INSTRUCTION.AGENT_ID))
                .where(INSTRUCTION.COMMUN_ID.eq(communId))
                .orderBy(INSTRUCTION.CREATED_AT.desc(), INSTRUCTION.INSTRUCTION_ID.desc())
                .fetch(JooqInstructionRepository::toInstruction);
    }

    private static Instruction toInstruction(Record r) {
        List<AppreciationCritere> criteres = List.of(
                critere(Critere.CONTRIBUTEURS, r.get(INSTRUCTION.CRITERE_CONTRIBUTEURS), r.get(INSTRUCTION.COMMENTAIRE_CONTRIBUTEURS)),
                critere(Critere.GOUVERNANCE, r.get(INSTRUCTION.CRITERE_GOUVERNANCE), r.get(INSTRUCTION.COMMENTAIRE_GOUVERNANCE)),
                critere(Critere.DEFIS, r.get(INSTRUCTION.CRITERE_DEFIS), r.get(INSTRUCTION.COMMENTAIRE_DEFIS)),
                critere(Critere.COMMUNS, r.get(INSTRUCTION.CRITERE_COMMUNS), r.get(INSTRUCTION.COMMENTAIRE_COMMUNS)));
        return new Instruction(r.get(INSTRUCTION.INSTRUCTION_ID), r.get(INSTRUCTION.COMMUN_ID),
                DecisionInstruction.valueOf(r.get(INSTRUCTION.DECISION)), r.get(INSTRUCTION.MOTIF),
                r.get(APP_USER.NOM_COMPLET), r.get(INSTRUCTION.CREATED_AT), criteres,
                parties(r.get(INSTRUCTION.PARTIES_DEMANDEES)), r.get(INSTRUCTION.DATE_LIMITE_COMPLEMENTS));
    }

    private static AppreciationCritere critere(Critere critere, String appreciation, String commentaire) {
        return new AppreciationCritere(critere, appreciation == null ? null : Appreciation.valueOf(appreciation), commentaire);
    }

    static Set<PartieDossier> parties(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        Set<PartieDossier> set = EnumSet.noneOf(PartieDossier.class);
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(PartieDossier::valueOf).forEach(set::add);
        return set;
    }

    public void insertComplement(long communId, Long instructionId, String reponse, long userId) {
        dsl.insertInto(COMPLEMENT).set(COMPLEMENT.COMMUN_ID, communId).set(COMPLEMENT.REPONSE, reponse)
                .set(COMPLEMENT.INSTRUCTION_ID, instructionId).set(COMPLEMENT.APP_USER_ID, userId).execute();
    }

    /** The porteur's answers, the latest first. */
    public List<String> complements(long communId) {
        return dsl.select(COMPLEMENT.REPONSE).from(COMPLEMENT).where(COMPLEMENT.COMMUN_ID.eq(communId))
                .orderBy(COMPLEMENT.CREATED_AT.desc(), COMPLEMENT.COMPLEMENT_ID.desc()).fetch(COMPLEMENT.REPONSE);
    }

    /** Attachments deposited (and not deleted) on a file since a date: those answering a request for compléments. */
    public int piecesDeposeesDepuis(long communId, OffsetDateTime depuis) {
        var p = fr.communs.db.Tables.PIECE_JOINTE;
        return dsl.fetchCount(p, p.COMMUN_ID.eq(communId).and(p.SUPPRIME_LE.isNull()).and(p.CREATED_AT.gt(depuis)));
    }

    /** Whether the commun's budget prévisionnel was saved after {@code depuis}. */
    public boolean budgetModifieDepuis(long communId, OffsetDateTime depuis) {
        var b = fr.communs.db.Tables.BUDGET;
        return dsl.fetchExists(b, b.COMMUN_ID.eq(communId).and(b.UPDATED_AT.gt(depuis)));
    }

    // ------------------------------------------------------------------ working appreciations

    public List<AppreciationCritere> appreciations(long communId) {
        Map<Critere, AppreciationCritere> saved = dsl.selectFrom(INSTRUCTION_CRITERE)
                .where(INSTRUCTION_CRITERE.COMMUN_ID.eq(communId)).fetch().stream()
                .map(r -> critere(Critere.valueOf(r.getCritere()), r.getAppreciation(), r.getCommentaire()))
                .collect(Collectors.toMap(AppreciationCritere::critere, a -> a));
        List<AppreciationCritere> all = new ArrayList<>();
        for (Critere c : Critere.values()) {
            all.add(saved.getOrDefault(c, new AppreciationCritere(c, null, null)));
        }
        return all;
    }

    public void saveAppreciation(long communId, AppreciationCritere a, long agentId) {
        String appreciation = a.appreciation() == null ? null : a.appreciation().name();
        dsl.insertInto(INSTRUCTION_CRITERE).set(INSTRUCTION_CRITERE.COMMUN_ID, communId)
                .set(INSTRUCTION_CRITERE.CRITERE, a.critere().name())
                .set(INSTRUCTION_CRITERE.APPRECIATION, appreciation)
                .set(INSTRUCTION_CRITERE.COMMENTAIRE, a.commentaire())
                .set(INSTRUCTION_CRITERE.AGENT_ID, agentId)
                .onConflict(INSTRUCTION_CRITERE.COMMUN_ID, INSTRUCTION_CRITERE.CRITERE).doUpdate()
                .set(INSTRUCTION_CRITERE.APPRECIATION, appreciation)
                .set(INSTRUCTION_CRITERE.COMMENTAIRE, a.commentaire())
                .set(INSTRUCTION_CRITERE.AGENT_ID, agentId)
                .set(INSTRUCTION_CRITERE.UPDATED_AT, OffsetDateTime.now()).execute();
    }

    // ------------------------------------------------------------------ annotations

    public long insertAnnotation(long communId, String texte, long agentId) {
        return dsl.insertInto(ANNOTATION).set(ANNOTATION.COMMUN_ID, communId).set(ANNOTATION.TEXTE, texte)
                .set(ANNOTATION.AGENT_ID, agentId).returning(ANNOTATION.ANNOTATION_ID).fetchOne().getAnnotationId();
    }

    public List<Annotation> annotations(long communId) {
        return dsl.select(ANNOTATION.ANNOTATION_ID, ANNOTATION.COMMUN_ID, APP_USER.NOM_COMPLET, ANNOTATION.TEXTE,
                        ANNOTATION.CREATED_AT)
                .from(ANNOTATION).join(APP_USER).on(APP_USER.APP_USER_ID.eq(ANNOTATION.AGENT_ID))
                .where(ANNOTATION.COMMUN_ID.eq(communId))
                .orderBy(ANNOTATION.CREATED_AT.desc(), ANNOTATION.ANNOTATION_ID.desc())
                .fetch(r -> new Annotation(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    // ------------------------------------------------------------------ assignment

    public SuiviDossier suivi(long communId) {
        return dsl.select(DOSSIER_SUIVI.INSTRUCTEUR_ID, APP_USER.NOM_COMPLET, DOSSIER_SUIVI.ATTRIBUE_LE)
                .from(DOSSIER_SUIVI).leftJoin(APP_USER).on(APP_USER.APP_USER_ID.eq(DOSSIER_SUIVI.INSTRUCTEUR_ID))
                .where(DOSSIER_SUIVI.COMMUN_ID.eq(communId))
                .fetchOptional(r -> new SuiviDossier(communId, r.value1(), r.value2(), r.value3()))
                .orElse(SuiviDossier.none(communId));
    }

    /** Sets (or clears, with null) the instructeur of a file and logs the change. */
    public void assign(long communId, Long instructeurId, long parId) {
        OffsetDateTime now = OffsetDateTime.now();
        dsl.insertInto(DOSSIER_SUIVI).set(DOSSIER_SUIVI.COMMUN_ID, communId)
                .set(DOSSIER_SUIVI.INSTRUCTEUR_ID, instructeurId).set(DOSSIER_SUIVI.ATTRIBUE_LE, now)
                .set(DOSSIER_SUIVI.ATTRIBUE_PAR, parId)
                .onConflict(DOSSIER_SUIVI.COMMUN_ID).doUpdate()
                .set(DOSSIER_SUIVI.INSTRUCTEUR_ID, instructeurId).set(DOSSIER_SUIVI.ATTRIBUE_LE, now)
                .set(DOSSIER_SUIVI.ATTRIBUE_PAR, parId).set(DOSSIER_SUIVI.VERSION, DOSSIER_SUIVI.VERSION.plus(1))
                .execute();
        dsl.insertInto(DOSSIER_ATTRIBUTION).set(DOSSIER_ATTRIBUTION.COMMUN_ID, communId)
                .set(DOSSIER_ATTRIBUTION.INSTRUCTEUR_ID, instructeurId).set(DOSSIER_ATTRIBUTION.PAR_ID, parId).execute();
    }

    /** Active agents, by name. */
    public List<Agent> agents() {
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET, APP_USER.DIRECTION).from(APP_USER)
                .where(APP_USER.ROLE.eq("AGENT").and(APP_USER.ACTIF.isTrue()))
                .orderBy(APP_USER.NOM_COMPLET).fetch(r -> new Agent(r.value1(), r.value2(), r.value3()));
    }

    public Optional<Agent> agent(long id) {
        return agents().stream().filter(a -> a.id() == id).findFirst();
    }

    /** Which of these ids are communs (to refuse unknown ones in bulk actions). */
    public Set<Long> existing(Collection<Long> communIds) {
        return Set.copyOf(dsl.select(COMMUN.COMMUN_ID).from(COMMUN).where(COMMUN.COMMUN_ID.in(communIds))
                .fetch(COMMUN.COMMUN_ID));
    }
}
