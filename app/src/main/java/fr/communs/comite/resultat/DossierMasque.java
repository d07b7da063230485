package fr.communs.comite.resultat;

/** A file of the séance whose results the caller may not see (yet), and why. */
public record DossierMasque(long communId, String titre, Raison raison) {

    public enum Raison {
        /** The member is recused from this file (comite_deport_v): nothing of its deliberation, ever. */
        DEPORTE("Vous êtes déporté(e) de ce dossier : vous ne voyez ni ses notes ni sa délibération."),
        /** The séance is not closed and the member has not submitted their own scores for this file yet. */
        NOTATION_A_SOUMETTRE("Les résultats de ce dossier s'affichent quand vous avez soumis votre propre notation "
                + "(ou à la clôture de la séance).");

        private final String explication;

        Raison(String explication) {
            this.explication = explication;
        }

        public String explication() {
            return explication;
        }
    }
}
