package fr.communs.dossier;

import fr.communs.base.Checks;
import fr.communs.base.Mailer;
import fr.communs.base.ValidationException;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.base.CommunStatut;
import fr.communs.dossier.internal.DossierExporter;
import fr.communs.dossier.internal.JooqDossierRepository;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.task.TaskScreens;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' back office list "Dossiers": every published file of the current campagne with its state, porteur,
 * défis, territory, transmission date, instructeur, due date and labels; filters, sort, counts per state; labels;
 * exports of a selection. Agents only, reads included. Assignment is {@code InstructionService}'s.
 */
@Service
public class DossierService {
    /** Longest label, in characters (after trimming). */
    public static final int ETIQUETTE_MAX = 40;
    /** Most files one bulk action may touch. */
    public static final int LOT_MAX = 200;
    /** Most files one export may hold. */
    public static final int EXPORT_MAX = 1000;
    /** Largest page of the list. */
    public static final int PAGE_MAX = 200;
    /** Labels offered before any is used. */
    public static final List<String> ETIQUETTES_SUGGEREES = List.of("À relancer", "Complet", "Pièces manquantes",
            "Hybride : avis référent");

    private final JooqDossierRepository dossiers;
    private final CampagneService campagnes;
    private final CurrentUser currentUser;
    private final Mailer mailer;

    DossierService(JooqDossierRepository dossiers, CampagneService campagnes, CurrentUser currentUser, Mailer mailer) {
        this.dossiers = dossiers;
        this.campagnes = campagnes;
        this.currentUser = currentUser;
        this.mailer = mailer;
    }

    // ------------------------------------------------------------------ the list

    /** A page of the list, sorted ({@code tri} null: by transmission date), ties broken by the file's id. */
    @Transactional(readOnly = true)
    public List<DossierLigne> page(DossierFiltre filtre, DossierTri tri, boolean asc, int offset, int limit) {
        AppUser agent = requireAgent();
        DossierFiltre f = clean(filtre);
        Optional<Campagne> campagne = campagnes.current();
        if (campagne.isEmpty()) {
            return List.of();
        }
        return dossiers.page(campagne.get().id(), f, agent.id(), tri == null ? DossierTri.TRANSMIS_LE : tri, asc,
                Math.max(0, offset), Math.min(Math.max(1, limit), PAGE_MAX));
    }

    /** How many files match the filter. */
    @Transactional(readOnly = true)
    public int count(DossierFiltre filtre) {
        AppUser agent = requireAgent();
        DossierFiltre f = clean(filtre);
        return campagnes.current().map(c -> dossiers.count(c.id(), f, agent.id())).orElse(0);
    }

    /**
     * Files per state matching the filter but for its states (every published state, zero included, in the cycle's
     * order): the counts of the list's state tabs.
     */
    @Transactional(readOnly = true)
    public Map<CommunStatut, Integer> countsByStatut(DossierFiltre filtre) {
        AppUser agent = requireAgent();
        DossierFiltre f = clean(filtre);
        Optional<Campagne> campagne = campagnes.current();
        if (campagne.isEmpty()) {
            Map<CommunStatut, Integer> none = new EnumMap<>(CommunStatut.class);
            DossierFiltre.PUBLIES.forEach(s -> none.put(s, 0));
            return none;
        }
        return dossiers.countsByStatut(campagne.get().id(), f, agent.id());
    }

    /** One published file as the list shows it (whatever its campagne), for the file's own screen. */
    @Transactional(readOnly = true)
    public Optional<DossierLigne> find(long communId) {
        requireAgent();
        return dossiers.lignes(List.of(communId)).stream().findFirst();
    }

    // ------------------------------------------------------------------ labels

    /**
     * Puts a label (1 to {@value #ETIQUETTE_MAX} characters, trimmed) on these files; unknown ids and drafts are
     * ignored, a file that already bears the label keeps it once. A label written like one already in use but for
     * its case ("à relancer") takes the spelling in use ("À relancer").
     */
    @Transactional
    public void addLabel(Collection<Long> communIds, String etiquette) {
        AppUser agent = requireAgent();
        String label = label(etiquette);
        Checks.start()
                .check(communIds != null && !communIds.isEmpty(), "Sélectionnez au moins un dossier.")
                .check(communIds == null || communIds.size() <= LOT_MAX,
                        "Sélectionnez au plus " + LOT_MAX + " dossiers à la fois.")
                .orThrow();
        Set<Long> ids = new LinkedHashSet<>();
        communIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        String spelling = knownLabels().stream().filter(l -> l.equalsIgnoreCase(label)).findFirst().orElse(label);
        Set<Long> published = dossiers.published(ids);
        dossiers.addLabel(ids.stream().filter(published::contains).sorted().toList(), spelling, agent.id());
    }

    /** Takes a label off a file (nothing happens if the file does not bear it). */
    @Transactional
    public void removeLabel(long communId, String etiquette) {
        requireAgent();
        String label = Checks.clean(etiquette);
        if (label != null) {
            dossiers.removeLabel(communId, label);
        }
    }

    /** The labels to choose from: the suggestions first, then the others in use, alphabetically. */
    @Transactional(readOnly = true)
    public List<String> labels() {
        requireAgent();
        return knownLabels();
    }

    private List<String> knownLabels() {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        List<String> used = new ArrayList<>(dossiers.usedLabels());
        used.removeIf(l -> ETIQUETTES_SUGGEREES.stream().anyMatch(s -> s.equalsIgnoreCase(l)));
        used.sort(collator);
        List<String> all = new ArrayList<>(ETIQUETTES_SUGGEREES);
        all.addAll(used);
        return all;
    }

    private static String label(String etiquette) {
        String label = etiquette == null ? null : etiquette.strip().replaceAll("\\s+", " ");
        Checks.start().required(label, "Étiquette", ETIQUETTE_MAX).orThrow();
        return label;
    }

    // ------------------------------------------------------------------ export

    /**
     * The selected files (unknown ids and drafts left out) with the chosen columns, in the columns' order given, as
     * CSV (UTF-8 with a byte order mark, ';' separator) or ODS; dates in French format. A read: nothing is recorded.
     */
    @Transactional(readOnly = true)
    public byte[] export(Collection<Long> communIds, List<Colonne> colonnes, FormatExport format) {
        requireAgent();
        Checks.start()
                .check(communIds != null && !communIds.isEmpty(), "Sélectionnez au moins un dossier à exporter.")
                .check(communIds == null || communIds.size() <= EXPORT_MAX,
                        "Exportez au plus " + EXPORT_MAX + " dossiers à la fois.")
                .check(colonnes != null && colonnes.stream().anyMatch(java.util.Objects::nonNull),
                        "Choisissez au moins une colonne à exporter.")
                .notNull(format, "Format du fichier")
                .orThrow();
        List<Colonne> cols = colonnes.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Set<Long> ids = new LinkedHashSet<>();
        communIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        List<DossierLigne> lignes = dossiers.lignes(ids);
        return switch (format) {
            case CSV -> DossierExporter.csv(lignes, cols, this::lien);
            case ODS -> DossierExporter.ods(lignes, cols, this::lien);
        };
    }

    private String lien(long communId) {
        return mailer.link(TaskScreens.DOSSIERS + "/" + communId);
    }

    // ------------------------------------------------------------------ checks

    private AppUser requireAgent() {
        return currentUser.requireRole(Roles.AGENT);
    }

    /** Validates the filter and puts it in canonical form (trimmed texts, text cut at its maximum length). */
    private static DossierFiltre clean(DossierFiltre f) {
        if (f == null) {
            return DossierFiltre.transmis();
        }
        if (f.instructeur() == DossierFiltre.Instructeur.AGENT && f.instructeurId() == null) {
            throw new ValidationException("Choisissez l'agent dont vous voulez voir les dossiers.");
        }
        String texte = Checks.clean(f.texte());
        if (texte != null && texte.length() > DossierFiltre.TEXTE_MAX) {
            texte = texte.substring(0, DossierFiltre.TEXTE_MAX);
        }
        String etiquette = Checks.clean(f.etiquette());
        return new DossierFiltre(f.statuts(), f.defiId(), f.instructeur(),
                f.instructeur() == DossierFiltre.Instructeur.AGENT ? f.instructeurId() : null, etiquette, texte,
                f.enRetard());
    }
}
