package fr.communs.historique;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One line of a file's timeline for the agents: what happened, when, who did it and, when useful, a detail (the motif
 * of a decision, the beginning of a message…).
 *
 * @param acteur the person (or structure) who acted, {@code null} when the platform or the engine did
 * @param detail {@code null} when there is nothing more to say
 */
public record Evenement(OffsetDateTime date, Type type, String titre, String detail, String acteur) {

    /** The kind of event, to filter the timeline. */
    public enum Type {
        /** The file itself: publication, transmission, versions, livrable. */
        DOSSIER("Dossier"),
        /** Who handles the file, private notes. */
        SUIVI("Suivi"),
        /** Instruction decisions, the comité's avis, the Assemblée's votes. */
        DECISION("Décision"),
        /** Avis of référents thématiques and notes of the comité's members. */
        AVIS("Avis"),
        MESSAGE("Message"),
        PIECE("Pièce jointe"),
        /** The engine's user tasks and the end of the cycle. */
        TACHE("Tâche");

        private final String libelle;

        Type(String libelle) {
            this.libelle = libelle;
        }

        /** French label, for the UI. */
        public String libelle() {
            return libelle;
        }
    }

    /** The filters of the timeline: everything, decisions (and avis), messages, tasks of the engine. */
    public enum Filtre {
        TOUT("Tout", Set.of(Type.values())),
        DECISIONS("Décisions", Set.of(Type.DECISION, Type.AVIS)),
        MESSAGES("Messages", Set.of(Type.MESSAGE)),
        TACHES("Tâches", Set.of(Type.TACHE));

        private final String libelle;
        private final Set<Type> types;

        Filtre(String libelle, Set<Type> types) {
            this.libelle = libelle;
            this.types = types;
        }

        public String libelle() {
            return libelle;
        }

        public boolean retient(Evenement evenement) {
            return types.contains(evenement.type());
        }
    }
}
