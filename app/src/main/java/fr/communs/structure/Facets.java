package fr.communs.structure;

import java.util.List;
import java.util.Map;

/** Live counts of the directory's result set per facet value. */
public record Facets(Map<Domaine, Integer> domaines, Map<FormeJuridique, Integer> formes, int ess, int nonEss,
                     List<Count> epcis, List<Count> communes) {
    /** A facet value with its code, label and count. */
    public record Count(String code, String libelle, int count) {
    }
}
