package fr.communs.commune;

import fr.communs.commune.internal.JooqCommuneRepository;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The official list of French communes (reference data loaded by the migrations), to look up and pick one. */
@Service
public class CommuneService {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("['’ʼ`\\-‐‑–—_]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** An INSEE code or the start of a postal code: "30", "300", "30000", "2A004". */
    private static final Pattern CODE = Pattern.compile("\\d{2,5}|2[AaBb]\\d{3}");
    /** A label as {@link Commune#libelle()} writes it: "Nîmes (30)". */
    private static final Pattern LIBELLE = Pattern.compile("(.+?)\\s*\\((\\d{2}|2[AaBb]|\\d{3})\\)");

    private final JooqCommuneRepository communes;

    CommuneService(JooqCommuneRepository communes) {
        this.communes = communes;
    }

    /** Name of a département of the official list ("30" → "Gard"), or empty. */
    @Transactional(readOnly = true)
    public Optional<String> nomDepartement(String codeDepartement) {
        return codeDepartement == null ? Optional.empty() : communes.nomDepartement(codeDepartement.strip().toUpperCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Optional<Commune> find(String codeInsee) {
        if (codeInsee == null || codeInsee.isBlank()) {
            return Optional.empty();
        }
        return communes.findByCode(codeInsee.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Communes matching {@code text}: a name (case and accents ignored; exact and prefix matches first, then names
     * containing it, then names containing each of its words, each group by population), an INSEE code, or a postal
     * code or its start; "Nîmes (30)" as {@link Commune#libelle()} writes it. Blank text: all communes, most
     * populated first.
     */
    @Transactional(readOnly = true)
    public List<Commune> search(String text, int offset, int limit) {
        return communes.search(criteria(text), Math.max(offset, 0), Math.max(limit, 0));
    }

    /** Like {@link #search(String, int, int)}, within one département (e.g. the territory of an appel). */
    @Transactional(readOnly = true)
    public List<Commune> search(String text, String codeDepartement, int offset, int limit) {
        return communes.search(inDepartement(criteria(text), codeDepartement), Math.max(offset, 0), Math.max(limit, 0));
    }

    @Transactional(readOnly = true)
    public int count(String text, String codeDepartement) {
        return communes.count(inDepartement(criteria(text), codeDepartement));
    }

    private static SearchCriteria inDepartement(SearchCriteria c, String codeDepartement) {
        return codeDepartement == null || codeDepartement.isBlank() ? c
                : new SearchCriteria(c.code(), c.nom(), codeDepartement.strip().toUpperCase(Locale.ROOT));
    }

    /** How many communes {@link #search} finds for {@code text}. */
    @Transactional(readOnly = true)
    public int count(String text) {
        return communes.count(criteria(text));
    }

    /** The EPCIs with at least one commune in the département, by name. */
    @Transactional(readOnly = true)
    public List<Epci> epcisOfDepartement(String codeDepartement) {
        if (codeDepartement == null || codeDepartement.isBlank()) {
            return List.of();
        }
        return communes.epcisOfDepartement(codeDepartement.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The search form of a name: lower case, no accents, œ/æ spelt out, apostrophes and hyphens as spaces, single
     * spaces ("L'Île-d'Yeu" → "l ile d yeu"). The migration that loads the communes stores it in {@code nom_recherche}.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").replace("œ", "oe").replace("æ", "ae");
        s = SEPARATORS.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** What a search text asks for; {@code code} and {@code nom} are exclusive, both null for "everything". */
    public record SearchCriteria(String code, String nom, String codeDepartement) {
    }

    static SearchCriteria criteria(String text) {
        String t = text == null ? "" : text.strip();
        if (CODE.matcher(t).matches()) {
            return new SearchCriteria(t.toUpperCase(Locale.ROOT), null, null);
        }
        String departement = null;
        Matcher libelle = LIBELLE.matcher(t);
        if (libelle.matches()) {
            t = libelle.group(1);
            departement = libelle.group(2).toUpperCase(Locale.ROOT);
        }
        String nom = normalize(t);
        return new SearchCriteria(null, nom.isEmpty() ? null : nom, departement);
    }
}
