package fr.communs.commun;

/** Filter of the public list: free text on title and summary, and state. Both optional. */
public record CommunFilter(String texte, CommunStatut statut) {
    public static CommunFilter none() {
        return new CommunFilter(null, null);
    }
}
