package fr.communs.commun;

import fr.communs.base.Dates;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.internal.JooqJalons;
import fr.communs.commun.internal.JooqJalons.Fait;
import fr.communs.commun.internal.JooqJalons.Quoi;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public timeline of a commun, on its page: the milestones reached, in public words and without names of agents,
 * motives, annotations or avis, then the step the file is at and the steps still to come. Readable by anyone who may see the commun (a draft only
 * by its structure, see {@link CommunService#find(long)}). The agents' full timeline is
 * {@code fr.communs.historique.HistoriqueService}.
 */
@Service
public class JalonService {
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CommunService communs;
    private final CampagneService campagnes;
    private final JooqJalons jalons;

    JalonService(CommunService communs, CampagneService campagnes, JooqJalons jalons) {
        this.communs = communs;
        this.campagnes = campagnes;
        this.jalons = jalons;
    }

    /**
     * Every step of the commun's cycle, in order: the steps reached (oldest first, dated), the step the file is at
     * ({@link Jalon.Etat#EN_COURS}) then the steps still to come ({@link Jalon.Etat#A_VENIR}); after the end of the
     * cycle, only the steps reached, the last one saying how it ended. A closure of the deposit is dated the day it
     * really happened, and a reopening follows it. A draft (for its structure) is at "Publication de l'idée"; a draft
     * of another structure or an unknown commun is "Ce commun n'existe pas.".
     */
    @Transactional(readOnly = true)
    public List<Jalon> jalons(long communId) {
        Commun commun = communs.get(communId);
        Campagne campagne = campagnes.get(commun.campagneId());
        List<Jalon> result = new ArrayList<>();
        if (commun.brouillon()) {
            result.add(new Jalon(null, "Publication de l'idée", Jalon.Etat.EN_COURS));
            result.add(Etape.TRANSMISSION.jalon(campagne, Jalon.Etat.A_VENIR));
            aVenirApres(result, campagne, Etape.TRANSMISSION);
            return List.copyOf(result);
        }
        List<Fait> faits = new ArrayList<>(jalons.faits(communId));
        if (faits.stream().noneMatch(f -> f.quoi() == Quoi.TRANSMISSION) && commun.dateTransmission() != null) {
            faits.add(new Fait(commun.dateTransmission(), Quoi.TRANSMISSION));
        }
        faits.sort(Comparator.comparing((Fait f) -> f.date().toInstant()).thenComparing(Fait::quoi));

        if (commun.publieLe() != null) {
            result.add(new Jalon(jour(commun.publieLe()), "Idée publiée", Jalon.Etat.FAIT));
        }
        faits.forEach(f -> result.add(new Jalon(jour(f.date()), libelle(f.quoi()), Jalon.Etat.FAIT)));
        boolean auditionFaite = faits.stream().anyMatch(f -> f.quoi() == Quoi.AUDITION);
        switch (commun.statut()) {
            case EN_CONSTITUTION -> aVenir(result, campagne, Etape.TRANSMISSION);
            case EN_INSTRUCTION -> aVenir(result, campagne, Etape.INSTRUCTION);
            case COMPLEMENTS_DEMANDES -> {
                LocalDate avant = jalons.dateLimiteComplements(communId).orElse(null);
                result.add(new Jalon(avant, "Compléments attendus du groupement"
                        + (avant == null ? "" : ", avant le " + JOUR.format(avant)), Jalon.Etat.EN_COURS));
                result.add(Etape.INSTRUCTION.jalon(campagne, Jalon.Etat.A_VENIR));
                aVenirApres(result, campagne, Etape.INSTRUCTION);
            }
            case AU_COMITE -> aVenir(result, campagne, auditionFaite ? Etape.AVIS_COMITE : Etape.AUDITION);
            case A_L_ASSEMBLEE -> aVenir(result, campagne, Etape.VOTE);
            case LAUREAT -> aVenir(result, campagne, Etape.LIVRABLE);
            default -> {
                // BROUILLON is handled above; DEPOT_CLOS, NON_RECEVABLE, REJETE, LIVRABLE_DEPOSE: the cycle is over.
            }
        }
        return List.copyOf(result);
    }

    /** The steps of the cycle a file may still go through, in order, in public words. */
    private enum Etape {
        TRANSMISSION, INSTRUCTION, AUDITION, AVIS_COMITE, VOTE, LIVRABLE;

        Jalon jalon(Campagne campagne, Jalon.Etat etat) {
            return switch (this) {
                case TRANSMISSION -> new Jalon(jour(campagne.dateLimiteDepot()),
                        "Transmission du dossier au Département, au plus tard le " + campagne.dateLimiteTexte(), etat);
                case INSTRUCTION -> new Jalon(null, "Instruction par le service Innovation sociale et solidaire", etat);
                case AUDITION -> {
                    LocalDate prevue = campagne.dateComite();
                    boolean planifiee = prevue != null && !prevue.isBefore(Dates.today());
                    yield new Jalon(planifiee ? prevue : null, "Audition par le Comité d'accompagnement des communs"
                            + (planifiee ? ", prévue le " + JOUR.format(prevue) : ""), etat);
                }
                case AVIS_COMITE -> new Jalon(null, "Avis du Comité d'accompagnement des communs", etat);
                case VOTE -> new Jalon(null, "Vote de l'Assemblée départementale", etat);
                case LIVRABLE -> new Jalon(null, "Dépôt du livrable et du retour d'expérience", etat);
            };
        }
    }

    /** The current step, then every step after it, to come. */
    private static void aVenir(List<Jalon> result, Campagne campagne, Etape enCours) {
        result.add(enCours.jalon(campagne, Jalon.Etat.EN_COURS));
        aVenirApres(result, campagne, enCours);
    }

    private static void aVenirApres(List<Jalon> result, Campagne campagne, Etape etape) {
        for (Etape suivante : Etape.values()) {
            if (suivante.ordinal() > etape.ordinal()) {
                result.add(suivante.jalon(campagne, Jalon.Etat.A_VENIR));
            }
        }
    }

    private static String libelle(Quoi quoi) {
        return switch (quoi) {
            case DEPOT_CLOS -> "Dépôt clos sans transmission du dossier (date limite passée)";
            case DEPOT_ROUVERT -> "Dépôt rouvert par le Département : le dossier peut de nouveau être transmis";
            case TRANSMISSION -> "Dossier transmis au Département";
            case COMPLEMENTS_DEMANDES -> "Compléments demandés";
            case COMPLEMENTS_APPORTES -> "Compléments apportés";
            case RECEVABLE -> "Dossier recevable — soumis au comité";
            case NON_RECEVABLE -> "Dossier non recevable";
            case AUDITION -> "Audition par le comité";
            case PROPOSE_ASSEMBLEE -> "Proposé à l'Assemblée";
            case VOTE_ADOPTE -> "Subvention votée";
            case VOTE_REJETE -> "Subvention non votée";
            case VOTE_AJOURNE -> "Vote de l'Assemblée ajourné";
            case LIVRABLE -> "Livrable déposé";
        };
    }

    private static LocalDate jour(OffsetDateTime date) {
        return date.atZoneSameInstant(Dates.ZONE).toLocalDate();
    }
}
