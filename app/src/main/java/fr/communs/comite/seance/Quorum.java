package fr.communs.comite.seance;

import java.util.List;

/**
 * The quorum of one file at a séance: the members who may score it (present and not recused), how many are needed
 * ({@code requis}, the campagne's percentage of the active members, rounded up) and the recused members' names.
 */
public record Quorum(long communId, String titre, int actifs, int requis, List<Long> votants, List<String> deportes) {
    public boolean atteint() {
        return votants.size() >= requis;
    }
}
