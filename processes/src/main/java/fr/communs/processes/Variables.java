package fr.communs.processes;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the process variables, for the delegates. */
final class Variables {

    private Variables() {
    }

    static long communId(VariableScope scope) {
        Object value = scope.getVariable(CycleCommunProcess.VAR_COMMUN_ID);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException(
                "Variable " + CycleCommunProcess.VAR_COMMUN_ID + " absente ou invalide : " + value);
    }
}
