package fr.communs.campagne;

import fr.communs.base.Checks;
import fr.communs.campagne.internal.DeadlineRescheduler;
import fr.communs.campagne.internal.JooqCampagneRepository;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current appel à communs and its settings. */
@Service
public class CampagneService {
    private final JooqCampagneRepository campagnes;
    private final CurrentUser currentUser;
    private final DeadlineRescheduler deadlines;
    private final fr.communs.commune.CommuneService communes;

    CampagneService(JooqCampagneRepository campagnes, CurrentUser currentUser, DeadlineRescheduler deadlines,
                    fr.communs.commune.CommuneService communes) {
        this.communes = communes;
        this.campagnes = campagnes;
        this.deadlines = deadlines;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Optional<Campagne> current() {
        return campagnes.findCurrent();
    }

    @Transactional(readOnly = true)
    public Campagne get(long id) {
        return campagnes.findById(id).orElseThrow(() -> new IllegalArgumentException("Campagne inconnue : " + id));
    }

    /** Creates a campagne with its défis (administrators; also used by the demo data). */
    @Transactional
    public long create(CampagneSettings settings, List<String[]> defisLibelleHashtags) {
        currentUser.requireRole(Roles.ADMIN);
        validate(settings);
        long id = campagnes.insert(settings);
        int numero = 1;
        for (String[] defi : defisLibelleHashtags) {
            campagnes.insertDefi(id, numero++, defi[0], defi.length > 1 ? defi[1] : null);
        }
        return id;
    }

    /**
     * Changes the campagne's settings (administrators only). A new deposit deadline also moves the deadline timer
     * of the files not yet transmitted. Returns how many files were rescheduled.
     */
    @Transactional
    public int update(long id, CampagneSettings settings) {
        currentUser.requireRole(Roles.ADMIN);
        validate(settings);
        Campagne before = get(id);
        campagnes.update(id, settings);
        return before.dateLimiteDepot().isEqual(settings.dateLimiteDepot()) ? 0
                : deadlines.reschedule(id, settings.dateLimiteDepot());
    }

    private void validate(CampagneSettings s) {
        Checks.start()
                .required(s.nom(), "Nom de l'appel", 200)
                .required(s.collectivite(), "Collectivité", 200)
                .required(s.territoireNom(), "Territoire", 100)
                .check(s.territoireCode() != null && s.territoireCode().matches("\\d{2}|2[AB]|\\d{3}"),
                        "Le code du département doit être un code INSEE (ex. 30, 2A, 974).")
                .check(s.territoireCode() == null || !s.territoireCode().matches("\\d{2}|2[AB]|\\d{3}")
                                || communes.nomDepartement(s.territoireCode()).isPresent(),
                        "Ce code ne correspond à aucun département de la liste officielle.")
                .check(s.territoireCode() == null || s.territoireNom() == null
                                || communes.nomDepartement(s.territoireCode()).map(n -> n.equalsIgnoreCase(s.territoireNom().strip())).orElse(true),
                        "Le nom du territoire ne correspond pas au département " + s.territoireCode() + " ("
                                + communes.nomDepartement(s.territoireCode() == null ? "" : s.territoireCode()).orElse("?") + ").")
                .notNull(s.dateLimiteDepot(), "Date limite de dépôt")
                .orThrow();
    }
}
