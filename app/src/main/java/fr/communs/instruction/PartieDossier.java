package fr.communs.instruction;

/** The parts of a file the instructeur can unlock when asking for compléments. */
public enum PartieDossier {
    RESUME("Résumé", true),
    BESOIN("Besoin du territoire (diagnostic)", true),
    INTERET_GENERAL("Caractère d'intérêt général", true),
    GOUVERNANCE("Gouvernance", true),
    PRODUCTIONS("Productions attendues et leur appropriation", true),
    BUDGET("Montant demandé et budget prévisionnel", false),
    PIECES("Pièces jointes (statuts, budget, lettres d'engagement…)", false);

    private final String libelle;
    private final boolean texte;

    PartieDossier(String libelle, boolean texte) {
        this.libelle = libelle;
        this.texte = texte;
    }

    public String libelle() {
        return libelle;
    }

    /** A text of the file (the others are the budget and the attachments, changed on their own screens). */
    public boolean texte() {
        return texte;
    }
}
