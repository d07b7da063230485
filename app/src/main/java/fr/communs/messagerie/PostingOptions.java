package fr.communs.messagerie;

import java.util.List;

/**
 * What the caller may do in a file's thread, so that a screen shows the right form.
 *
 * @param canPost    whether the caller may write (an administrator only reads)
 * @param cote       the side the caller writes for ({@code null} when they cannot write)
 * @param structures for a groupement member, the structures they may write for (they choose when there are several);
 *                   empty for an agent
 */
public record PostingOptions(boolean canPost, Cote cote, List<StructureOption> structures) {

    public PostingOptions {
        structures = List.copyOf(structures);
    }

    /** The member has to say which structure they write for. */
    public boolean mustChooseStructure() {
        return canPost && cote == Cote.GROUPEMENT && structures.size() > 1;
    }
}
