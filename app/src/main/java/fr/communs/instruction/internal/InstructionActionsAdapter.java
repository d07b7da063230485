package fr.communs.instruction.internal;

import fr.communs.instruction.InstructionService;
import fr.communs.processes.InstructionActions;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the instruction part of the BPMN asks of the application. Runs in the engine's (Spring) transaction. */
@Component
class InstructionActionsAdapter implements InstructionActions {
    private final InstructionService instructions;

    InstructionActionsAdapter(InstructionService instructions) {
        this.instructions = instructions;
    }

    @Override
    @Transactional
    public void remindComplements(long communId, Date dateLimite) {
        instructions.remindComplements(communId, dateLimite);
    }
}
