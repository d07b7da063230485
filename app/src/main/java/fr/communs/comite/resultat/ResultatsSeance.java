package fr.communs.comite.resultat;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The results of a séance as the caller may see them: the grid, the files ranked by weighted mean (best first, files
 * without scores last) and the files hidden from the caller with the reason. {@code statut} is the séance's
 * ({@code PREPARATION}, {@code OUVERTE}, {@code CLOSE}, {@code ANNULEE}).
 */
public record ResultatsSeance(long seanceId, OffsetDateTime debut, String lieu, String lienVisio, String statut,
                              List<CritereGrille> grille, List<ResultatDossier> dossiers, List<DossierMasque> masques) {

    public ResultatsSeance {
        grille = List.copyOf(grille);
        dossiers = List.copyOf(dossiers);
        masques = List.copyOf(masques);
    }

    public boolean close() {
        return "CLOSE".equals(statut);
    }
}
