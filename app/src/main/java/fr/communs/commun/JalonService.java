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
 * motives, annotations or avis, then the next step expected. Readable by anyone who may see the commun (a draft only
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
     * The milestones of the commun, oldest first, the next expected step last (not done); none after the end of the
     * cycle. A draft (for its structure) has only "Publication de l'idée" to come; a draft of another structure or an
     * unknown commun is "Ce commun n'existe pas.".
     */
    @Transactional(readOnly = true)
    public List<Jalon> jalons(long communId) {
        Commun commun = communs.get(communId);
        if (commun.brouillon()) {
            return List.of(new Jalon(null, "Publication de l'idée", false));
        }
        Campagne campagne = campagnes.get(commun.campagneId());
        List<Fait> faits = new ArrayList<>(jalons.faits(communId));
        if (faits.stream().noneMatch(f -> f.quoi() == Quoi.TRANSMISSION) && commun.dateTransmission() != null) {
            faits.add(new Fait(commun.dateTransmission(), Quoi.TRANSMISSION));
        }
        faits.sort(Comparator.comparing((Fait f) -> f.date().toInstant()).thenComparing(Fait::quoi));

        List<Jalon> result = new ArrayList<>();
        if (commun.publieLe() != null) {
            result.add(new Jalon(jour(commun.publieLe()), "Idée publiée", true));
        }
        faits.forEach(f -> result.add(new Jalon(jour(f.date()), libelle(f.quoi()), true)));
        if (commun.statut() == CommunStatut.DEPOT_CLOS) {
            result.add(new Jalon(jour(campagne.dateLimiteDepot()), "Dépôt clos sans transmission du dossier", true));
        }
        boolean auditionFaite = faits.stream().anyMatch(f -> f.quoi() == Quoi.AUDITION);
        switch (commun.statut()) {
            case EN_CONSTITUTION -> result.add(new Jalon(jour(campagne.dateLimiteDepot()),
                    "Transmission du dossier au Département, au plus tard le " + campagne.dateLimiteTexte(), false));
            case EN_INSTRUCTION -> result.add(new Jalon(null,
                    "Instruction par le service Innovation sociale et solidaire", false));
            case COMPLEMENTS_DEMANDES -> {
                LocalDate avant = jalons.dateLimiteComplements(communId).orElse(null);
                result.add(new Jalon(avant, "Compléments attendus du groupement"
                        + (avant == null ? "" : ", avant le " + JOUR.format(avant)), false));
            }
            case AU_COMITE -> {
                if (auditionFaite) {
                    result.add(new Jalon(null, "Avis du Comité d'accompagnement des communs", false));
                } else {
                    LocalDate prevue = campagne.dateComite();
                    boolean aVenir = prevue != null && !prevue.isBefore(LocalDate.now(Dates.ZONE));
                    result.add(new Jalon(aVenir ? prevue : null, "Audition par le Comité d'accompagnement des communs"
                            + (aVenir ? ", prévue le " + JOUR.format(prevue) : ""), false));
                }
            }
            case A_L_ASSEMBLEE -> result.add(new Jalon(null, "Vote de l'Assemblée départementale", false));
            case LAUREAT -> result.add(new Jalon(null, "Dépôt du livrable et du retour d'expérience", false));
            default -> {
                // BROUILLON is handled above; DEPOT_CLOS, NON_RECEVABLE, REJETE, LIVRABLE_DEPOSE: the cycle is over.
            }
        }
        return List.copyOf(result);
    }

    private static String libelle(Quoi quoi) {
        return switch (quoi) {
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
