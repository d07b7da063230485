package fr.communs.structure;

import fr.communs.commune.CommuneService;
import fr.communs.structure.internal.JooqAnnuaireRepository;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public directory of structures and the map of the network (public fields only). */
@Service
public class AnnuaireService {
    public static final int MAX_EXPORT = 10_000;
    public static final int MAX_MAP = 5_000;

    private final JooqAnnuaireRepository annuaire;

    AnnuaireService(JooqAnnuaireRepository annuaire) {
        this.annuaire = annuaire;
    }

    private static String query(AnnuaireFilter f) {
        if (f.texte() == null) {
            return null;
        }
        String text = f.texte().length() > 100 ? f.texte().substring(0, 100) : f.texte();
        String query = JooqAnnuaireRepository.tsquery(CommuneService.normalize(text));
        // At most 8 words: enough for a name, and a bounded query whatever a client sends.
        return query == null ? null : String.join(" & ", java.util.Arrays.stream(query.split(" & ")).limit(8).toList());
    }

    @Transactional(readOnly = true)
    public List<Structure> search(AnnuaireFilter f, AnnuaireSort sort, int offset, int limit) {
        return annuaire.search(f, query(f), sort == null ? AnnuaireSort.NOM : sort, Math.max(0, offset),
                Math.min(Math.max(1, limit), 200)).stream().map(Structure::publique).toList();
    }

    @Transactional(readOnly = true)
    public int count(AnnuaireFilter f) {
        return annuaire.count(f, query(f));
    }

    @Transactional(readOnly = true)
    public Facets facets(AnnuaireFilter f) {
        return annuaire.facets(f, query(f));
    }

    @Transactional(readOnly = true)
    public List<MapPoint> mapPoints(AnnuaireFilter f) {
        return annuaire.mapPoints(f, query(f), MAX_MAP);
    }

    /**
     * The filtered directory as CSV (semicolon-separated, UTF-8 with BOM for spreadsheet software), public fields
     * only. Cells that a spreadsheet would run as a formula are neutralised.
     */
    @Transactional(readOnly = true)
    public String exportCsv(AnnuaireFilter f) {
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader("Nom", "SIRET", "RNA",
                "Forme juridique", "ESS (déclaré)", "Vérification", "Commune", "Code INSEE", "Département", "Adresse",
                "Latitude", "Longitude", "Domaines d'intervention", "Site web", "Contact public", "Description").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (Structure s : annuaire.search(f, query(f), AnnuaireSort.NOM, 0, MAX_EXPORT)) {
                csv.printRecord(cell(s.nom()), s.siret(), s.rna(), s.formeJuridique().libelle(), s.ess() ? "oui" : "non",
                        s.verification().libelle(), cell(s.commune()), s.communeInsee(), s.codeDepartement(), cell(s.adresse()),
                        s.latitude(), s.longitude(),
                        s.domaines().stream().map(Domaine::libelle).sorted().collect(Collectors.joining(", ")),
                        cell(s.siteWeb()), cell(s.contactPublic()), cell(s.description()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
