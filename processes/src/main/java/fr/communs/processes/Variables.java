package fr.communs.processes;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the process variables, for the delegates. */
final class Variables {

    private Variables() {
    }

    static long communId(VariableScope scope) {
        return requiredLong(scope, CycleCommunProcess.VAR_COMMUN_ID);
    }

    static long avisId(VariableScope scope) {
        return requiredLong(scope, AvisReferentProcess.VAR_AVIS_ID);
    }

    /** A {@link Date} variable that must be set (the job fails with the variable's name otherwise). */
    static Date requiredDate(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date date) {
            return date;
        }
        throw new IllegalStateException("Variable " + name + " absente ou invalide : " + value);
    }

    private static long requiredLong(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Variable " + name + " absente ou invalide : " + value);
    }
}
