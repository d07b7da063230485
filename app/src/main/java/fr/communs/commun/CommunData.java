package fr.communs.commun;

import java.util.Set;

/** What a structure fills in to deposit an idea of commun. */
public record CommunData(String titre, String resume, String besoin, String interetGeneral, String gouvernance,
                         Set<Long> defiIds) {
}
