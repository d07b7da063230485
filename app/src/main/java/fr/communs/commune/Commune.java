package fr.communs.commune;

import java.util.Arrays;
import java.util.List;

/**
 * A current commune of France (métropole and DROM), from the Code officiel géographique.
 *
 * @param codeInsee    INSEE code, 5 characters ("30189", "2A004")
 * @param codeEpci     SIREN of its EPCI à fiscalité propre, {@code null} for the few island communes outside any
 * @param codesPostaux postal codes, comma-separated ("30000,30900")
 * @param latitude     centre of the commune (WGS 84), {@code null} when unknown
 */
public record Commune(String codeInsee, String nom, String codeDepartement, String nomDepartement, String codeEpci,
                      String nomEpci, String codesPostaux, Integer population, Double latitude, Double longitude) {

    /** "Nîmes (30)". */
    public String libelle() {
        return nom + " (" + codeDepartement + ")";
    }

    /** The postal codes as a list ("30000", "30900"). */
    public List<String> codesPostauxList() {
        return codesPostaux == null || codesPostaux.isBlank() ? List.of() : Arrays.asList(codesPostaux.split(","));
    }
}
