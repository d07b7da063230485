package fr.communs.comite.pv;

import fr.communs.comite.resultat.CritereGrille;
import fr.communs.comite.resultat.DossierMasque;
import fr.communs.comite.resultat.ResultatDossier;
import java.time.OffsetDateTime;
import java.util.List;

/** The content of a procès-verbal as one reader may see it, ready to print. */
record ProcesVerbal(boolean projet, String campagne, OffsetDateTime debut, String lieu, String lienVisio,
                    List<Membre> presents, List<Membre> excuses, List<Membre> absents, List<CritereGrille> grille,
                    List<Dossier> dossiers, int nombreDossiers, OffsetDateTime genereLe) {

    record Membre(String nom, String organisation, String college) {
    }

    /**
     * One file: its recusals; {@code masque} when the reader may not see its deliberation (then {@code resultat},
     * {@code avis} and {@code contributions} are empty) or its scores only ({@code resultat} empty).
     */
    record Dossier(long communId, String titre, String porteur, List<String> deportes, DossierMasque.Raison masque,
                   ResultatDossier resultat, AvisDuComite avis, List<ContributionProposee> contributions) {
    }
}
