package fr.communs.commun;

import fr.communs.base.CommunStatut;
import fr.communs.commun.internal.JooqCommunSearch;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list "Communs déposés": published communs of every campagne (drafts never appear), most recently
 * published first, filtered by {@link CommunFilter}. Open to everyone, signed in or not.
 */
@Service
@Transactional(readOnly = true)
public class CommunSearchService {
    public static final int MAX_LIMIT = 200;

    private final JooqCommunSearch search;

    CommunSearchService(JooqCommunSearch search) {
        this.search = search;
    }

    /** A page of the list: {@code offset} ≥ 0, {@code limit} clamped to 1..200; a null filter means none. */
    public List<CommunSummary> search(CommunFilter filter, int offset, int limit) {
        return search.search(orNone(filter), Math.max(0, offset), Math.min(Math.max(1, limit), MAX_LIMIT));
    }

    /** How many communs {@link #search} finds in all. */
    public int count(CommunFilter filter) {
        return search.count(orNone(filter));
    }

    /**
     * Published communs of all campagnes by list state: every state except {@link CommunStatut#BROUILLON}, in the
     * enum's order, zero included.
     */
    public Map<CommunStatut, Integer> countsByStatut() {
        return search.countsByStatut();
    }

    private static CommunFilter orNone(CommunFilter filter) {
        return filter == null ? CommunFilter.none() : filter;
    }
}
