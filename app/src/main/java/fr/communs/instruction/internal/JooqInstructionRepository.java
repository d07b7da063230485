package fr.communs.instruction.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMPLEMENT;
import static fr.communs.db.Tables.INSTRUCTION;

import fr.communs.instruction.Instruction;
import fr.communs.instruction.InstructionDecision;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import java.util.List;
import org.jooq.DSLContext;
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

    public void insert(long communId, InstructionDecision d, String motif, long agentId) {
        dsl.insertInto(INSTRUCTION).set(INSTRUCTION.COMMUN_ID, communId)
                .set(INSTRUCTION.DECISION, d.decision().name()).set(INSTRUCTION.MOTIF, motif)
                .set(INSTRUCTION.CRITERE_CONTRIBUTEURS, d.contributeurs().name())
                .set(INSTRUCTION.CRITERE_GOUVERNANCE, d.gouvernance().name())
                .set(INSTRUCTION.CRITERE_DEFIS, d.defis().name())
                .set(INSTRUCTION.CRITERE_COMMUNS, d.communs().name())
                .set(INSTRUCTION.AGENT_ID, agentId).execute();
    }

    /** Decisions on a commun, the latest first. */
    public List<Instruction> findByCommun(long communId) {
        return dsl.select(INSTRUCTION.INSTRUCTION_ID, INSTRUCTION.COMMUN_ID, INSTRUCTION.DECISION, INSTRUCTION.MOTIF,
                        APP_USER.NOM_COMPLET, INSTRUCTION.CREATED_AT)
                .from(INSTRUCTION).join(APP_USER).on(APP_USER.APP_USER_ID.eq(INSTRUCTION.AGENT_ID))
                .where(INSTRUCTION.COMMUN_ID.eq(communId))
                .orderBy(INSTRUCTION.CREATED_AT.desc(), INSTRUCTION.INSTRUCTION_ID.desc())
                .fetch(r -> new Instruction(r.value1(), r.value2(), DecisionInstruction.valueOf(r.value3()), r.value4(),
                        r.value5(), r.value6()));
    }

    public void insertComplement(long communId, String reponse, long userId) {
        dsl.insertInto(COMPLEMENT).set(COMPLEMENT.COMMUN_ID, communId).set(COMPLEMENT.REPONSE, reponse)
                .set(COMPLEMENT.APP_USER_ID, userId).execute();
    }

    /** The porteur's answers, the latest first. */
    public List<String> complements(long communId) {
        return dsl.select(COMPLEMENT.REPONSE).from(COMPLEMENT).where(COMPLEMENT.COMMUN_ID.eq(communId))
                .orderBy(COMPLEMENT.CREATED_AT.desc(), COMPLEMENT.COMPLEMENT_ID.desc()).fetch(COMPLEMENT.REPONSE);
    }
}
