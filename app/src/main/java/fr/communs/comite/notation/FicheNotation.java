package fr.communs.comite.notation;

import java.util.List;

/** What a member's scoring screen shows: the file, the grid, and their own scores once submitted. */
public record FicheNotation(long seanceId, long communId, String titre, String porteurNom, List<Critere> grille,
                            Notation mienne, boolean corrigible) {
}
