package fr.communs.instruction;

/** The four criteria of the first instruction, as the appel words them. */
public enum Critere {
    CONTRIBUTEURS("Nombre et typologie des contributeurs"),
    GOUVERNANCE("Gouvernance démocratique, coopérative et transparente"),
    DEFIS("Pertinence des projets en lien avec les défis"),
    COMMUNS("Pertinence de la proposition relativement à la notion de communs");

    private final String libelle;

    Critere(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
