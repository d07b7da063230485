package fr.communs.acces;

/** The nine people the access matrix plays, in the order. */
enum Persona {
    ANONYME("anonyme"),
    MEMBRE("membre du groupement (structure porteuse)"),
    HORS_GROUPEMENT("structure hors du groupement"),
    INSTRUCTEUR("agent instructeur du dossier"),
    AUTRE_AGENT("autre agent du service"),
    REFERENT("référent d'une autre direction (avis demandé sur le dossier en instruction seulement)"),
    COMITE("membre du comité (tâche d'audition sur les dossiers passés en comité)"),
    COMITE_RECUSE("membre du comité récusé (aucune tâche sur ces dossiers)"),
    ADMIN("administrateur");

    final String libelle;

    Persona(String libelle) {
        this.libelle = libelle;
    }
}
