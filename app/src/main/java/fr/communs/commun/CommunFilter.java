package fr.communs.commun;

import fr.communs.base.CommunStatut;
import java.util.Locale;

/**
 * Filter of the public "Communs déposés" list; every criterion is optional ({@code null} or {@code false}: any).
 * Drafts ({@link CommunStatut#BROUILLON}) are never listed, whatever the filter.
 *
 * @param texte              words searched in the title and summary, case and accents ignored (at most 100
 *                           characters are kept; blank: any)
 * @param statut             the list state
 * @param defiId             a défi the commun answers
 * @param enjeu              an enjeu the commun answers
 * @param codeInsee          a commune the commun concerns (code INSEE, "30189")
 * @param cherchePartenaires only communs whose groupement is being formed ({@link CommunStatut#EN_CONSTITUTION})
 *                           and which look for partners
 */
public record CommunFilter(String texte, CommunStatut statut, Long defiId, Enjeu enjeu, String codeInsee,
                           boolean cherchePartenaires) {
    public static final int TEXTE_MAX = 100;

    public CommunFilter {
        texte = texte == null || texte.isBlank() ? null : texte.strip();
        if (texte != null && texte.length() > TEXTE_MAX) {
            texte = texte.substring(0, TEXTE_MAX).strip();
        }
        codeInsee = codeInsee == null || codeInsee.isBlank() ? null : codeInsee.strip().toUpperCase(Locale.ROOT);
    }

    /** No criterion: every published commun. */
    public static CommunFilter none() {
        return new CommunFilter(null, null, null, null, null, false);
    }

    /** Whether no criterion is set. */
    public boolean isEmpty() {
        return texte == null && statut == null && defiId == null && enjeu == null && codeInsee == null
                && !cherchePartenaires;
    }
}
