package fr.communs.saisie;

import fr.communs.base.Dates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.vaadin.flow.component.html.Span;
import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.avis.AvisService;
import fr.communs.avis.SensAvis;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.Budget;
import fr.communs.budget.BudgetService;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.comite.deliberation.AvisSeance;
import fr.communs.comite.deliberation.AvisSeanceService;
import fr.communs.comite.notation.NotationService;
import fr.communs.comite.notation.NoteCritere;
import fr.communs.budget.LigneBudget;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.contribution.ContributionService;
import fr.communs.contribution.TypeContribution;
import fr.communs.dossier.Colonne;
import fr.communs.dossier.DossierService;
import fr.communs.dossier.FormatExport;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.PartieDossier;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.processes.AvisReferentProcess;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.messagerie.MessageService;
import fr.communs.piece.CategoriePiece;
import fr.communs.piece.PieceJointeService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.security.AccountService;
import fr.communs.security.Roles;
import fr.communs.security.SignUpData;
import fr.communs.structure.AnnuaireFilter;
import fr.communs.structure.AnnuaireService;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.StructureData;
import fr.communs.structure.StructureService;
import fr.communs.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bad-input corpus: every value of {@link #TEXTES}, {@link #MONTANTS}, {@link #DATES}, identifiers and uploads,
 * run against the service of each form. A refused value must come back as a French message (no English exception
 * text) with the table of the form unchanged, read in the database before and after.
 *
 * <p>Script and formula text in free-text fields is <em>stored exactly</em>, not refused: the platform shows texts as
 * text (Vaadin {@code Span}/{@code Paragraph} escape them) and neutralises formulas in its CSV exports; those values are
 * checked as stored as typed, rendered escaped, and exported with a leading apostrophe.
 */
@SpringBootTest
@ActiveProfiles("test")
class SaisiesInvalidesIT {
    /** Script text: stored as typed in free texts, refused where a web address is expected. */
    static final List<String> SCRIPTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>");
    /** Spreadsheet formulas (OWASP CSV injection): stored as typed, neutralised in exports. */
    static final List<String> FORMULES = List.of("=HYPERLINK(\"http://exemple.invalid\",\"Cliquez\")", "+cmd|' /C calc'!A0",
            "-1+1", "@SUM(1+1)*cmd|' /C calc'!A0");
    /** Web addresses that are not http(s) links. */
    static final List<String> LIENS = List.of("javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)",
            "data:text/html,<script>alert(1)</script>", "www.sans-protocole.fr", "http://");
    /** Absurd amounts (NaN and infinities are refused when typed: see the parser part below). */
    static final List<String> MONTANTS = List.of("-1", "-0.01", "1000000000000", "12.345", "0.001");
    /** Absurd years. */
    static final List<LocalDate> DATES = List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));

    @Autowired Fixtures fx;
    @Autowired DSLContext dsl;
    @Autowired StructureService structures;
    @Autowired AnnuaireService annuaire;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired ContributionService contributions;
    @Autowired BudgetService budgets;
    @Autowired MessageService messages;
    @Autowired CampagneService campagnes;
    @Autowired AccountService accounts;
    @Autowired PieceJointeService pieces;
    @Autowired InstructionService instructions;
    @Autowired AvisService avis;
    @Autowired fr.communs.comite.notation.NotationService notations;
    @Autowired AvisSeanceService avisSeances;
    @Autowired AssembleeService assemblee;
    @Autowired DossierService dossiers;
    @Autowired LivrableService livrables;

    int refused;
    int stored;

    @AfterEach
    void logout() {
        fx.logout();
    }

    // ------------------------------------------------------------------ the corpus, form by form

    @TestFactory
    Stream<DynamicNode> every_bad_value_is_refused_in_french_and_nothing_is_stored_or_stored_exactly_as_text() {
        return Stream.of(
                form("Inscription d'une structure", structureRegistration()),
                form("Modification d'une structure", structureEdition()),
                form("Brouillon d'un commun", communDraft()),
                form("Publication d'un commun", communPublication()),
                form("Invitation dans un groupement", invitation()),
                form("Besoin de contribution", contribution()),
                form("Budget prévisionnel", budget()),
                form("Message au Département", message()),
                form("Décision d'instruction", decision()),
                form("Demande d'avis à un référent", avisRequest()),
                form("Compléments du porteur", complements()),
                form("Réponse du référent à une demande d'avis", avisAnswer()),
                form("Notes d'audition du comité", comiteScore()),
                form("Avis du comité", comiteAvis()),
                form("Vote de l'Assemblée", vote()),
                form("Réglages de la campagne", campagne()),
                form("Création de compte", signUp()),
                form("Nouveau mot de passe", reset()),
                form("Pièce jointe", upload()),
                form("Livrable et retour d'expérience", livrable()));
    }

    private static DynamicNode form(String name, List<DynamicNode> cases) {
        return dynamicContainer(name, cases);
    }

    private static String tooLong(int limit) {
        return "a".repeat(limit + 1);
    }

    /** The refusals every text field gets: too long (limit + 1), an invisible control character; empty when required. */
    private List<DynamicNode> texts(String field, int limit, boolean required, String table, Supplier<String> where,
                                    Consumer<String> action) {
        List<DynamicNode> cases = new ArrayList<>();
        List<String> values = new ArrayList<>(List.of(tooLong(limit), "Texte avec un caractère nul \u0000 au milieu"));
        if (required) {
            values.addAll(List.of("", "   \t\n  "));
        }
        for (String v : values) {
            cases.add(dynamicTest(field + " = " + label(v), () -> refusedUnchanged(table, where.get(), () -> action.accept(v))));
        }
        return cases;
    }

    private static String label(String v) {
        String shown = v.length() > 40 ? v.length() + " caractères" : v.replace("\u0000", "\\u0000");
        return "« " + shown + " »";
    }

    // --- structures

    private long registrant;

    private List<DynamicNode> structureRegistration() {
        Supplier<StructureData> ok = () -> new StructureData("Structure corpus " + System.nanoTime(), null, null,
                FormeJuridique.ASSOCIATION, false, null, false, "30189", null, null, null, Set.of(), null, null, null);
        Runnable login = () -> {
            fx.campagne();
            fx.as(fx.account(Roles.STRUCTURE));
        };
        List<DynamicNode> cases = new ArrayList<>();
        Consumer<StructureData> register = d -> {
            login.run();
            structures.register(d);
        };
        cases.addAll(texts("Nom", 200, true, "structure", () -> null, v -> register.accept(with(ok.get(), "nom", v))));
        cases.addAll(texts("Description", 2000, false, "structure", () -> null, v -> register.accept(with(ok.get(), "description", v))));
        cases.addAll(texts("Adresse", 300, false, "structure", () -> null, v -> register.accept(with(ok.get(), "adresse", v))));
        for (String siret : List.of("123", "12345678901234", "ABCDEFGHIJKLMN", "732 829 320 00075")) {
            cases.add(dynamicTest("SIRET = " + label(siret), () -> refusedUnchanged("structure", null,
                    () -> register.accept(with(ok.get(), "siret", siret)))));
        }
        for (String rna : List.of("W12", "X302000123", "W30200012A")) {
            cases.add(dynamicTest("RNA = " + label(rna), () -> refusedUnchanged("structure", null,
                    () -> register.accept(with(ok.get(), "rna", rna)))));
        }
        for (String insee : List.of("99999", "ABCDE", "", "30189' or '1'='1")) {
            cases.add(dynamicTest("Code INSEE = " + label(insee), () -> refusedUnchanged("structure", null,
                    () -> register.accept(with(ok.get(), "communeInsee", insee)))));
        }
        for (String lien : LIENS) {
            cases.add(dynamicTest("Site web = " + label(lien), () -> refusedUnchanged("structure", null,
                    () -> register.accept(with(ok.get(), "siteWeb", lien)))));
        }
        for (double[] pos : List.of(new double[] {91, 4}, new double[] {Double.NaN, 4}, new double[] {44, Double.POSITIVE_INFINITY})) {
            cases.add(dynamicTest("Position = " + Arrays.toString(pos), () -> refusedUnchanged("structure", null, () -> {
                StructureData d = ok.get();
                register.accept(new StructureData(d.nom(), null, null, d.formeJuridique(), false, null, false, "30189",
                        null, pos[0], pos[1], Set.of(), null, null, null));
            })));
        }
        for (String texte : concat(SCRIPTS, FORMULES)) {
            cases.add(dynamicTest("Nom et description = " + label(texte) + " : gardés tels quels, affichés en texte, neutralisés en CSV", () -> {
                fx.campagne();
                fx.as(fx.admin());
                String suffixe = "corpus" + System.nanoTime();
                long id = structures.registerAsAdministrator(with(with(ok.get(), "description", texte), "nom",
                        texte + " " + suffixe), true);
                var s = structures.find(id).orElseThrow();
                assertThat(s.description()).isEqualTo(texte);
                assertThat(s.nom()).isEqualTo(texte + " " + suffixe);
                assertEscaped(s.description());
                String csv = annuaire.exportCsv(new AnnuaireFilter(suffixe, null, null, null, null, null));
                assertThat(csv).contains(suffixe);
                if (FORMULES.contains(texte)) {
                    assertThat(csv).contains("'" + texte.replace("\"", "\"\"")).doesNotContain(";" + texte);
                    assertThat(csv.lines()).noneMatch(l -> l.startsWith(texte));
                }
                stored++;
            }));
        }
        return cases;
    }

    private List<DynamicNode> structureEdition() {
        long[] holder = new long[1];
        Supplier<Long> structure = () -> {
            fx.campagne();
            if (holder[0] == 0) {
                holder[0] = fx.structure(true, "30");
                editor = fx.account(Roles.STRUCTURE, holder[0]);
            }
            fx.as(editor);
            return holder[0];
        };
        Consumer<java.util.function.UnaryOperator<StructureData>> edit = change -> {
            long id = structure.get();
            var s = structures.find(id).orElseThrow();
            StructureData d = new StructureData(s.nom(), s.siret(), s.rna(), s.formeJuridique(), s.agrementEsus(), s.siaeType(),
                    s.entrepriseAdaptee(), s.communeInsee(), s.adresse(), s.latitude(), s.longitude(), s.domaines(),
                    s.description(), s.siteWeb(), s.contactPublic());
            structures.update(id, structures.version(id), change.apply(d));
        };
        Supplier<String> where = () -> "structure_id = " + structure.get();
        List<DynamicNode> cases = new ArrayList<>();
        cases.addAll(texts("Nom", 200, true, "structure", where, v -> edit.accept(d -> with(d, "nom", v))));
        cases.addAll(texts("Contact public", 300, false, "structure", where, v -> edit.accept(d -> with(d, "contactPublic", v))));
        for (String siret : List.of("12345678901234", "1")) {
            cases.add(dynamicTest("SIRET = " + label(siret), () -> refusedUnchanged("structure", where.get(),
                    () -> edit.accept(d -> with(d, "siret", siret)))));
        }
        for (String lien : LIENS) {
            cases.add(dynamicTest("Site web = " + label(lien), () -> refusedUnchanged("structure", where.get(),
                    () -> edit.accept(d -> with(d, "siteWeb", lien)))));
        }
        return cases;
    }

    private String editor;

    // --- communs

    private long porteur;
    private String porteurEmail;
    private long draft;

    private void porteur() {
        fx.campagne();
        if (porteurEmail == null) {
            porteur = fx.structure(true, "30");
            porteurEmail = fx.account(Roles.STRUCTURE, porteur);
        }
        fx.as(porteurEmail);
    }

    private static CommunData commun(String titre, String resume, String besoin, Set<String> communes, Set<Long> defis) {
        return new CommunData(titre, resume, besoin, null, null, defis, Set.of(), null, false, false, communes, null);
    }

    private List<DynamicNode> communDraft() {
        List<DynamicNode> cases = new ArrayList<>();
        cases.addAll(texts("Titre", 200, false, "commun", () -> null, v -> {
            porteur();
            communs.createDraft(porteur, commun(v, null, null, Set.of(), Set.of()));
        }));
        cases.addAll(texts("Résumé", 2000, false, "commun", () -> null, v -> {
            porteur();
            communs.createDraft(porteur, commun("Titre", v, null, Set.of(), Set.of()));
        }));
        cases.addAll(texts("Besoin", 4000, false, "commun", () -> null, v -> {
            porteur();
            communs.createDraft(porteur, commun("Titre", null, v, Set.of(), Set.of()));
        }));
        for (String insee : List.of("99999", "3O189", "")) {
            cases.add(dynamicTest("Commune = " + label(insee), () -> refusedUnchanged("commun", null, () -> {
                porteur();
                communs.createDraft(porteur, commun("Titre", null, null, Set.of(insee), Set.of()));
            })));
        }
        cases.add(dynamicTest("Défi d'un autre appel = 999999999", () -> refusedUnchanged("commun", null, () -> {
            porteur();
            communs.createDraft(porteur, commun("Titre", null, null, Set.of(), Set.of(999_999_999L)));
        })));
        for (String texte : concat(SCRIPTS, FORMULES)) {
            cases.add(dynamicTest("Titre et résumé = " + label(texte) + " : gardés tels quels, affichés en texte, neutralisés en CSV", () -> {
                porteur();
                long id = communs.depositIdea(porteur, commun(texte, texte, "Un besoin", Set.of(), Set.of(fx.defi())));
                assertThat(communs.get(id).titre()).isEqualTo(texte);
                assertThat(communs.get(id).resume()).isEqualTo(texte);
                assertEscaped(communs.get(id).titre());
                fx.as(fx.account(Roles.AGENT));
                String csv = new String(dossiers.export(List.of(id), List.of(Colonne.TITRE), FormatExport.CSV), StandardCharsets.UTF_8);
                if (FORMULES.contains(texte)) {
                    assertThat(csv).contains("'" + texte.replace("\"", "\"\""));
                    assertThat(csv.lines().skip(1)).noneMatch(l -> l.startsWith(texte) || l.startsWith("\"" + texte.charAt(0)));
                }
                stored++;
            }));
        }
        return cases;
    }

    private List<DynamicNode> communPublication() {
        Supplier<String> where = () -> "commun_id = " + draft;
        Runnable newDraft = () -> {
            porteur();
            if (draft == 0) {
                draft = communs.createDraft(porteur, commun("Idée en brouillon", null, null, Set.of(), Set.of()));
            }
        };
        List<DynamicNode> cases = new ArrayList<>();
        cases.add(dynamicTest("Publication d'un brouillon sans résumé, besoin ni défi", () -> {
            newDraft.run();
            refusedUnchanged("commun", where.get(), () -> communs.publish(draft));
        }));
        cases.addAll(texts("Titre (modification)", 200, false, "commun", () -> {
            newDraft.run();
            return where.get();
        }, v -> communs.update(draft, communs.get(draft).version(), commun(v, null, null, Set.of(), Set.of()))));
        return cases;
    }

    // --- groupement, contributions, budget, messages: one deposited commun

    private long deposited;

    private long deposited() {
        porteur();
        if (deposited == 0) {
            deposited = fx.deposit(porteurEmail, porteur);
            fx.as(porteurEmail);
        }
        return deposited;
    }

    private List<DynamicNode> invitation() {
        long[] invitee = new long[1];
        return texts("Message d'invitation", 1000, false, "groupement_demande", () -> "commun_id = " + deposited(), v -> {
            if (invitee[0] == 0) {
                invitee[0] = fx.structure(true, "30");
                fx.as(porteurEmail);
            }
            groupements.invite(deposited(), invitee[0], RoleGroupement.MEMBRE, v);
        });
    }

    private List<DynamicNode> contribution() {
        Supplier<String> where = () -> "commun_id = " + deposited();
        List<DynamicNode> cases = new ArrayList<>(texts("Description", ContributionService.DESCRIPTION_MAX, true,
                "contribution", where, v -> contributions.requestContribution(deposited(), TypeContribution.HUMAINE, v, null)));
        for (String m : MONTANTS) {
            cases.add(dynamicTest("Montant = " + m, () -> refusedUnchanged("contribution", where.get(),
                    () -> contributions.requestContribution(deposited(), TypeContribution.FINANCIERE, "Un besoin", new BigDecimal(m)))));
        }
        cases.add(dynamicTest("Montant = 0 pour un besoin financier", () -> refusedUnchanged("contribution", where.get(),
                () -> contributions.requestContribution(deposited(), TypeContribution.FINANCIERE, "Un besoin", BigDecimal.ZERO))));
        return cases;
    }

    private List<DynamicNode> budget() {
        Supplier<String> where = () -> "commun_id = " + deposited();
        Consumer<Budget> save = b -> budgets.save(deposited(), budgets.get(deposited()).version(), b);
        List<DynamicNode> cases = new ArrayList<>();
        for (String m : MONTANTS) {
            cases.add(dynamicTest("Montant demandé = " + m, () -> refusedUnchanged("budget", where.get(), () -> save.accept(
                    new Budget(new BigDecimal(m), List.of(new LigneBudget("Salaires", new BigDecimal("1000"))), List.of())))));
            cases.add(dynamicTest("Ligne de dépense = " + m, () -> refusedUnchanged("budget", where.get(), () -> save.accept(
                    new Budget(new BigDecimal("100"), List.of(new LigneBudget("Salaires", new BigDecimal(m))), List.of())))));
        }
        cases.addAll(texts("Libellé de ligne", BudgetService.LIBELLE_MAX, true, "budget", where, v -> save.accept(
                new Budget(new BigDecimal("100"), List.of(new LigneBudget(v, new BigDecimal("100"))), List.of()))));
        return cases;
    }

    private List<DynamicNode> message() {
        List<DynamicNode> cases = new ArrayList<>(texts("Message", MessageService.TEXTE_MAX, true, "message",
                () -> "commun_id = " + deposited(), v -> messages.post(deposited(), porteur, v)));
        for (String texte : SCRIPTS) {
            cases.add(dynamicTest("Message = " + label(texte) + " : gardé tel quel, affiché en texte", () -> {
                long id = deposited();
                messages.post(id, porteur, texte);
                assertThat(messages.latest(id, 1).get(0).texte()).isEqualTo(texte);
                assertEscaped(texte);
                stored++;
            }));
        }
        return cases;
    }

    // --- back office: one transmitted file per stage

    private Fixtures.Transmis transmis;
    private String instructeur;

    private String instruire() {
        fx.campagne();
        if (transmis == null) {
            transmis = fx.transmis();
            instructeur = fx.account(Roles.AGENT);
            fx.as(instructeur);
            instructions.take(transmis.communId());
        }
        fx.as(instructeur);
        return fx.task(transmis.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId();
    }

    private static final List<AppreciationCritere> CRITERES = Arrays.stream(Critere.values())
            .map(c -> new AppreciationCritere(c, Appreciation.FAVORABLE, null)).toList();

    private List<DynamicNode> decision() {
        Supplier<String> where = () -> "commun_id = " + transmis.communId();
        List<DynamicNode> cases = new ArrayList<>(texts("Motif de non-recevabilité", 4000, true, "instruction", () -> {
            instruire();
            return where.get();
        }, v -> instructions.decide(instruire(), InstructionDecision.of(DecisionInstruction.NON_RECEVABLE, CRITERES, v))));
        for (LocalDate d : concat(DATES, List.of(Dates.today().minusDays(1), Dates.today()))) {
            cases.add(dynamicTest("Date limite des compléments = " + d, () -> {
                String task = instruire();
                refusedUnchanged("instruction", where.get(), () -> instructions.decide(task, InstructionDecision.complements(
                        CRITERES, "Précisez le budget.", Set.of(fr.communs.instruction.PartieDossier.RESUME), d)));
            }));
        }
        return cases;
    }

    private List<DynamicNode> avisRequest() {
        long[] referent = new long[1];
        Runnable setUp = () -> {
            instruire();
            if (referent[0] == 0) {
                String email = fx.account(Roles.AGENT);
                referent[0] = fx.as(email).id();
                fx.as(instructeur);
            }
        };
        Supplier<String> where = () -> "commun_id = " + transmis.communId();
        List<DynamicNode> cases = new ArrayList<>(texts("Question", AvisService.QUESTION_MAX, true, "avis_referent", () -> {
            setUp.run();
            return where.get();
        }, v -> avis.request(transmis.communId(), List.of(referent[0]), v, Dates.today().plusDays(10))));
        for (LocalDate d : concat(DATES, List.of(Dates.today().minusDays(1), Dates.today()))) {
            cases.add(dynamicTest("Date limite de l'avis = " + d, () -> {
                setUp.run();
                refusedUnchanged("avis_referent", where.get(),
                        () -> avis.request(transmis.communId(), List.of(referent[0]), "Votre lecture ?", d));
            }));
        }
        return cases;
    }

    private Fixtures.Transmis recevable;

    private List<DynamicNode> comiteScore() {
        Supplier<org.camunda.bpm.engine.task.Task> audition = () -> {
            fx.campagne();
            if (recevable == null) {
                recevable = fx.transmis();
                fx.recevable(recevable);
                fx.enAudition(recevable.communId());
            }
            var task = fx.tasks(recevable.communId(), CycleCommunProcess.TASK_NOTER_SEANCE).get(0);
            fx.as(fx.emailOf(Long.parseLong(task.getAssignee())));
            return task;
        };
        java.util.function.BiFunction<Integer, String, List<NoteCritere>> grille = (premiere, commentaire) -> {
            List<NoteCritere> notes = new ArrayList<>();
            for (var c : notations.fiche(audition.get().getId()).grille()) {
                notes.add(new NoteCritere(c.id(), notes.isEmpty() ? premiere : Integer.valueOf(3), notes.isEmpty() ? commentaire : null));
            }
            return notes;
        };
        Supplier<String> where = () -> "commun_id = " + recevable.communId();
        List<DynamicNode> cases = new ArrayList<>();
        for (Integer note : Arrays.asList(-1, 6, 1000, null)) {
            cases.add(dynamicTest("Note = " + note, () -> {
                var task = audition.get();
                List<NoteCritere> notes = grille.apply(note, null);
                refusedUnchanged("comite_notation", where.get(), () -> notations.soumettre(task.getId(), notes));
            }));
        }
        cases.addAll(texts("Commentaire", NotationService.COMMENTAIRE_MAX, false, "comite_notation", () -> {
            audition.get();
            return where.get();
        }, v -> notations.soumettre(audition.get().getId(), grille.apply(3, v))));
        cases.add(dynamicTest("Notes soumises par un autre membre que celui de la tâche", () -> {
            var task = audition.get();
            List<NoteCritere> notes = grille.apply(3, null);
            fx.as(fx.account(Roles.COMITE));
            refusedUnchanged("comite_notation", where.get(), () -> notations.soumettre(task.getId(), notes));
        }));
        cases.add(dynamicTest("Commentaire = " + label(FORMULES.get(0)) + " : gardé tel quel (les refus ci-dessus ne tiennent pas à l'état de la tâche)", () -> {
            var task = audition.get();
            notations.soumettre(task.getId(), grille.apply(5, FORMULES.get(0)));
            assertThat(dsl.fetchValue("select commentaire from app.comite_score where commun_id = " + recevable.communId()
                    + " and commentaire is not null")).isEqualTo(FORMULES.get(0));
            stored++;
        }));
        return cases;
    }

    private Fixtures.Transmis aVoter;
    private String voteAgent;

    private List<DynamicNode> vote() {
        Supplier<String> task = () -> {
            fx.campagne();
            if (aVoter == null) {
                aVoter = fx.transmis();
                voteAgent = fx.aLAssemblee(aVoter, new BigDecimal("12000"));
            }
            fx.as(voteAgent);
            return fx.task(aVoter.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId();
        };
        Supplier<String> where = () -> "commun_id = " + aVoter.communId();
        List<DynamicNode> cases = new ArrayList<>();
        for (String m : concat(MONTANTS, List.of("0"))) {
            cases.add(dynamicTest("Montant voté = " + m, () -> {
                String id = task.get();
                refusedUnchanged("assemblee_vote", where.get(), () -> assemblee.recordVote(id,
                        new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal(m), Dates.today())));
            }));
        }
        for (LocalDate d : concat(DATES, List.of(Dates.today().plusDays(1)))) {
            cases.add(dynamicTest("Date de la séance = " + d, () -> {
                String id = task.get();
                refusedUnchanged("assemblee_vote", where.get(), () -> assemblee.recordVote(id,
                        new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal("12000"), d)));
            }));
        }
        return cases;
    }

    // --- the porteur's compléments, the référent's answer, the comité's avis, the livrable

    private Fixtures.Transmis aCompleter;

    /** A transmitted file whose instructeur asked for compléments on the résumé and the gouvernance; the porteur logged in. */
    private String completer() {
        fx.campagne();
        if (aCompleter == null) {
            aCompleter = fx.transmis();
            fx.as(fx.account(Roles.AGENT));
            instructions.take(aCompleter.communId());
            instructions.decide(fx.task(aCompleter.communId(), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                    InstructionDecision.complements(CRITERES, "Précisez le résumé et la gouvernance.",
                            Set.of(PartieDossier.RESUME, PartieDossier.GOUVERNANCE), Dates.today().plusDays(12)));
        }
        fx.as(aCompleter.porteurEmail());
        return fx.task(aCompleter.communId(), CycleCommunProcess.TASK_COMPLETER_DOSSIER).getId();
    }

    private static Map<PartieDossier, String> parties(String resume, String gouvernance) {
        Map<PartieDossier, String> textes = new java.util.HashMap<>();
        textes.put(PartieDossier.RESUME, resume);
        textes.put(PartieDossier.GOUVERNANCE, gouvernance);
        return textes;
    }

    private List<DynamicNode> complements() {
        Supplier<String> where = () -> "commun_id = " + aCompleter.communId();
        Supplier<String> setUp = () -> {
            completer();
            return where.get();
        };
        List<DynamicNode> cases = new ArrayList<>();
        cases.addAll(texts("Réponse à l'instructeur", 4000, true, "complement", setUp, v -> instructions.completeFile(completer(),
                new ComplementData(parties("Un résumé précisé.", "Un comité mensuel."), v))));
        cases.addAll(texts("Résumé rouvert", 2000, true, "commun", setUp, v -> instructions.completeFile(completer(),
                new ComplementData(parties(v, "Un comité mensuel."), "Voici nos compléments."))));
        cases.addAll(texts("Gouvernance rouverte", 4000, true, "commun", setUp, v -> instructions.completeFile(completer(),
                new ComplementData(parties("Un résumé précisé.", v), "Voici nos compléments."))));
        cases.add(dynamicTest("Partie non rouverte (besoin du territoire) modifiée", () -> {
            String task = completer();
            Map<PartieDossier, String> textes = parties("Un résumé précisé.", "Un comité mensuel.");
            textes.put(PartieDossier.BESOIN, "Un autre besoin");
            refusedUnchanged("commun", where.get(), () -> instructions.completeFile(task,
                    new ComplementData(textes, "Voici nos compléments.")));
        }));
        cases.add(dynamicTest("Compléments renvoyés par un membre du groupement qui n'est pas le porteur", () -> {
            String task = completer();
            fx.as(aCompleter.contributeurEmail());
            refusedUnchanged("complement", where.get(), () -> instructions.completeFile(task,
                    new ComplementData(parties("Un résumé précisé.", "Un comité mensuel."), "Voici nos compléments.")));
        }));
        cases.add(dynamicTest("Réponse = " + label(SCRIPTS.get(0)) + " : gardée telle quelle (les refus ci-dessus ne tiennent pas à l'état du dossier)", () -> {
            String task = completer();
            instructions.completeFile(task, new ComplementData(parties(" Un résumé précisé. ", "Un comité mensuel."), SCRIPTS.get(0)));
            assertThat(dsl.fetchValue("select reponse from app.complement where commun_id = " + aCompleter.communId()))
                    .isEqualTo(SCRIPTS.get(0));
            assertThat(communs.get(aCompleter.communId()).resume()).isEqualTo("Un résumé précisé.");
            stored++;
        }));
        return cases;
    }

    private Fixtures.Transmis avisAttendu;
    private String referentEmail;

    /** A transmitted file on which an agent asked a référent's avis; the référent logged in; their task's id. */
    private String repondre() {
        fx.campagne();
        if (avisAttendu == null) {
            avisAttendu = fx.transmis();
            referentEmail = fx.referent("Direction de la culture");
            fx.avisDemande(avisAttendu.communId(), referentEmail);
        }
        fx.as(referentEmail);
        return fx.task(avisAttendu.communId(), AvisReferentProcess.TASK_DONNER_AVIS).getId();
    }

    private List<DynamicNode> avisAnswer() {
        Supplier<String> where = () -> "commun_id = " + avisAttendu.communId();
        List<DynamicNode> cases = new ArrayList<>(texts("Votre avis", AvisService.REPONSE_MAX, true, "avis_referent", () -> {
            repondre();
            return where.get();
        }, v -> avis.answer(repondre(), SensAvis.FAVORABLE, v)));
        cases.add(dynamicTest("Sens de l'avis absent", () -> {
            String task = repondre();
            refusedUnchanged("avis_referent", where.get(), () -> avis.answer(task, null, "Un avis argumenté."));
        }));
        cases.add(dynamicTest("Avis rendu par un autre référent que celui sollicité", () -> {
            String task = repondre();
            fx.as(fx.referent("Direction de l'environnement"));
            refusedUnchanged("avis_referent", where.get(), () -> avis.answer(task, SensAvis.FAVORABLE, "Un avis argumenté."));
        }));
        cases.add(dynamicTest("Votre avis = " + label(SCRIPTS.get(1)) + " : gardé tel quel (les refus ci-dessus ne tiennent pas à l'état de la demande)", () -> {
            avis.answer(repondre(), SensAvis.FAVORABLE, SCRIPTS.get(1));
            assertThat(dsl.fetchValue("select reponse from app.avis_referent where commun_id = " + avisAttendu.communId()))
                    .isEqualTo(SCRIPTS.get(1));
            stored++;
        }));
        return cases;
    }

    private Fixtures.Transmis aviser;
    private String avisAgent;

    /** A recevable file scored at an open séance; an agent of the service logged in; the avis task's id. */
    private String avisComite() {
        fx.campagne();
        if (aviser == null) {
            aviser = fx.transmis();
            avisAgent = fx.recevable(aviser);
            fx.scored(aviser.communId());
        }
        fx.as(avisAgent);
        return fx.task(aviser.communId(), CycleCommunProcess.TASK_AVIS_SEANCE).getId();
    }

    private static AvisSeance favorable(BigDecimal subvention, String motivation) {
        return new AvisSeance(AvisSeance.Type.FAVORABLE, motivation, null, subvention);
    }

    private List<DynamicNode> comiteAvis() {
        Supplier<String> where = () -> "commun_id = " + aviser.communId();
        List<DynamicNode> cases = new ArrayList<>();
        for (String m : concat(MONTANTS, List.of("10000000.01"))) {
            cases.add(dynamicTest("Subvention proposée = " + m, () -> {
                String task = avisComite();
                refusedUnchanged("comite_avis", where.get(), () -> avisSeances.enregistrer(task, favorable(new BigDecimal(m), null)));
            }));
        }
        cases.add(dynamicTest("Subvention proposée absente", () -> {
            String task = avisComite();
            refusedUnchanged("comite_avis", where.get(), () -> avisSeances.enregistrer(task, favorable(null, null)));
        }));
        cases.add(dynamicTest("Avis absent", () -> {
            String task = avisComite();
            refusedUnchanged("comite_avis", where.get(), () -> avisSeances.enregistrer(task,
                    new AvisSeance(null, null, null, new BigDecimal("12000"))));
        }));
        cases.add(dynamicTest("Avis défavorable sans motivation", () -> {
            String task = avisComite();
            refusedUnchanged("comite_avis", where.get(), () -> avisSeances.enregistrer(task,
                    new AvisSeance(AvisSeance.Type.DEFAVORABLE, "  ", null, null)));
        }));
        cases.add(dynamicTest("Avis favorable avec réserves sans réserves écrites", () -> {
            String task = avisComite();
            refusedUnchanged("comite_avis", where.get(), () -> avisSeances.enregistrer(task,
                    new AvisSeance(AvisSeance.Type.RESERVE, null, null, new BigDecimal("12000"))));
        }));
        cases.add(dynamicTest("Avis enregistré par un membre du comité au lieu d'un agent", () -> {
            String task = avisComite();
            fx.as(fx.account(Roles.COMITE));
            refusedUnchanged("comite_avis", where.get(), () -> avisSeances.enregistrer(task,
                    favorable(new BigDecimal("12000"), null)));
        }));
        cases.addAll(texts("Motivation", AvisSeanceService.MOTIVATION_MAX, false, "comite_avis", () -> {
            avisComite();
            return where.get();
        }, v -> avisSeances.enregistrer(avisComite(), favorable(new BigDecimal("12000"), v))));
        cases.add(dynamicTest("Motivation = " + label(FORMULES.get(0)) + ", subvention 12 000,50 € : gardées telles quelles", () -> {
            avisSeances.enregistrer(avisComite(), favorable(new BigDecimal("12000.50"), FORMULES.get(0)));
            fx.as(avisAgent);
            assertThat(avisSeances.avisDuDossier(aviser.communId())).singleElement().satisfies(a -> {
                assertThat(a.subvention()).isEqualByComparingTo("12000.50");
                assertThat(a.motivation()).isEqualTo(FORMULES.get(0));
            });
            stored++;
        }));
        return cases;
    }

    private Fixtures.Transmis laureat;

    /** A file voted by the Assemblée (12 000 €): the porteur, logged in, deposits the livrable; the task's id. */
    private String livrer() {
        fx.campagne();
        if (laureat == null) {
            laureat = fx.transmis();
            fx.as(fx.aLAssemblee(laureat, new BigDecimal("12000")));
            assemblee.recordVote(fx.task(laureat.communId(), CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                    new VoteAssemblee(ResultatVote.ADOPTE, new BigDecimal("12000"), Dates.today().minusDays(1)));
            fx.runJobs(laureat.communId());
        }
        fx.as(laureat.porteurEmail());
        return fx.task(laureat.communId(), CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId();
    }

    private static final String LIEN_OK = "https://exemple.org/guide";

    private List<DynamicNode> livrable() {
        Supplier<String> where = () -> "commun_id = " + laureat.communId();
        Supplier<String> setUp = () -> {
            livrer();
            return where.get();
        };
        List<DynamicNode> cases = new ArrayList<>();
        cases.addAll(texts("Titre du livrable", 200, true, "livrable", setUp, v -> livrables.deposit(livrer(),
                new LivrableData(v, LIEN_OK, "Un guide pas à pas.", "Trois mois pour constituer le groupement."))));
        cases.addAll(texts("Lien", 500, false, "livrable", setUp, v -> livrables.deposit(livrer(),
                new LivrableData("Guide", v, "Un guide pas à pas.", "Trois mois pour constituer le groupement."))));
        for (String lien : concat(LIENS, SCRIPTS, List.of("ftp://exemple.org/guide.pdf", "file:///etc/passwd"))) {
            cases.add(dynamicTest("Lien = " + label(lien), () -> {
                String task = livrer();
                refusedUnchanged("livrable", where.get(), () -> livrables.deposit(task,
                        new LivrableData("Guide", lien, "Un guide pas à pas.", "Trois mois pour constituer le groupement.")));
            }));
        }
        cases.addAll(texts("Description du livrable", 4000, true, "livrable", setUp, v -> livrables.deposit(livrer(),
                new LivrableData("Guide", LIEN_OK, v, "Trois mois pour constituer le groupement."))));
        cases.addAll(texts("Retour d'expérience", 4000, true, "livrable", setUp, v -> livrables.deposit(livrer(),
                new LivrableData("Guide", LIEN_OK, "Un guide pas à pas.", v))));
        cases.add(dynamicTest("Livrable déposé par une structure hors du groupement", () -> {
            String task = livrer();
            fx.as(fx.account(Roles.STRUCTURE, fx.structure(true, "30")));
            refusedUnchanged("livrable", where.get(), () -> livrables.deposit(task,
                    new LivrableData("Guide", LIEN_OK, "Un guide pas à pas.", "Trois mois pour constituer le groupement.")));
        }));
        cases.add(dynamicTest("Titre = " + label(SCRIPTS.get(0)) + " : gardé tel quel, affiché en texte", () -> {
            livrables.deposit(livrer(), new LivrableData(SCRIPTS.get(0), LIEN_OK, "Un guide pas à pas.", "Trois mois."));
            assertThat(dsl.fetchValue("select titre from app.livrable where commun_id = " + laureat.communId()))
                    .isEqualTo(SCRIPTS.get(0));
            assertEscaped(SCRIPTS.get(0));
            stored++;
        }));
        return cases;
    }

    // --- administration and accounts

    private List<DynamicNode> campagne() {
        Supplier<Campagne> current = () -> {
            fx.campagne();
            fx.as(fx.admin());
            return campagnes.current().orElseThrow();
        };
        Consumer<java.util.function.UnaryOperator<CampagneSettings>> update = change -> {
            Campagne c = current.get();
            campagnes.update(c.id(), change.apply(new CampagneSettings(c.nom(), c.collectivite(), c.territoireNom(),
                    c.territoireCode(), c.dateLimiteDepot(), c.dateComite())));
        };
        List<DynamicNode> cases = new ArrayList<>();
        cases.addAll(texts("Nom de l'appel", 200, true, "campagne", () -> null, v -> update.accept(s ->
                new CampagneSettings(v, s.collectivite(), s.territoireNom(), s.territoireCode(), s.dateLimiteDepot(), s.dateComite()))));
        for (String code : List.of("99", "ABC", "", "30; drop table app.campagne")) {
            cases.add(dynamicTest("Code du département = " + label(code), () -> refusedUnchanged("campagne", null, () -> update.accept(s ->
                    new CampagneSettings(s.nom(), s.collectivite(), s.territoireNom(), code, s.dateLimiteDepot(), s.dateComite())))));
        }
        for (LocalDate d : DATES) {
            cases.add(dynamicTest("Date limite de dépôt = " + d, () -> refusedUnchanged("campagne", null, () -> update.accept(s ->
                    new CampagneSettings(s.nom(), s.collectivite(), s.territoireNom(), s.territoireCode(),
                            OffsetDateTime.of(d.atTime(12, 0), s.dateLimiteDepot().getOffset()), s.dateComite())))));
            cases.add(dynamicTest("Date du comité = " + d, () -> refusedUnchanged("campagne", null, () -> update.accept(s ->
                    new CampagneSettings(s.nom(), s.collectivite(), s.territoireNom(), s.territoireCode(), s.dateLimiteDepot(), d)))));
        }
        return cases;
    }

    private static final String PASSWORD = "Un mot de passe solide 2026 !";

    private List<DynamicNode> signUp() {
        List<DynamicNode> cases = new ArrayList<>();
        cases.addAll(texts("Nom complet", 200, true, "app_user", () -> null, v -> {
            fx.logout();
            accounts.signUp(new SignUpData(v, "corpus-" + System.nanoTime() + "@exemple.fr", PASSWORD, PASSWORD));
        }));
        for (String nom : List.of("Visitez https://exemple.invalid", "Nom\nsur deux lignes")) {
            cases.add(dynamicTest("Nom complet = " + label(nom), () -> refusedUnchanged("app_user", null, () -> {
                fx.logout();
                accounts.signUp(new SignUpData(nom, "corpus-" + System.nanoTime() + "@exemple.fr", PASSWORD, PASSWORD));
            })));
        }
        for (String email : List.of("", "pas-une-adresse", "a@b", "x@@exemple.fr", "javascript:alert(1)@exemple.fr",
                "<script>@exemple.fr", "camille corpus@exemple.fr", "camille@exemple", "camille@exemple.fr\r\nBcc: tous@exemple.fr", tooLong(254) + "@exemple.fr")) {
            cases.add(dynamicTest("Adresse électronique = " + label(email), () -> refusedUnchanged("app_user", null, () -> {
                fx.logout();
                accounts.signUp(new SignUpData("Camille Corpus", email, PASSWORD, PASSWORD));
            })));
        }
        for (String pw : List.of("", "court", "          ")) {
            cases.add(dynamicTest("Mot de passe = " + label(pw), () -> refusedUnchanged("app_user", null, () -> {
                fx.logout();
                accounts.signUp(new SignUpData("Camille Corpus", "corpus-" + System.nanoTime() + "@exemple.fr", pw, pw));
            })));
        }
        return cases;
    }

    private List<DynamicNode> reset() {
        List<DynamicNode> cases = new ArrayList<>();
        for (String token : Arrays.asList("", "inconnu", "' or '1'='1", null)) {
            cases.add(dynamicTest("Lien de réinitialisation = " + token, () -> refusedUnchanged("app_user", null, () -> {
                fx.logout();
                accounts.resetPassword(token, PASSWORD, PASSWORD);
            })));
        }
        return cases;
    }

    // --- uploads

    private List<DynamicNode> upload() {
        List<DynamicNode> cases = new ArrayList<>();
        Map<String, Supplier<InputStream>> disguised = new java.util.LinkedHashMap<>();
        disguised.put("statuts.pdf (un exécutable Windows)", () -> new ByteArrayInputStream(
                concatBytes(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, new byte[2048])));
        disguised.put("budget.pdf (une page HTML avec script)", () -> new ByteArrayInputStream(
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)));
        disguised.put("lettre.docx (une archive zip quelconque)", () -> new ByteArrayInputStream(zip()));
        disguised.put("statuts.pdf (un script shell)", () -> new ByteArrayInputStream(
                "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)));
        disguised.put("gros.pdf (taille maximale + 1 octet)", () -> new OversizedPdf(pieces.tailleMax() + 1));
        disguised.put("vide.pdf (0 octet)", () -> new ByteArrayInputStream(new byte[0]));
        for (var e : disguised.entrySet()) {
            String name = e.getKey().substring(0, e.getKey().indexOf(' '));
            cases.add(dynamicTest(e.getKey(), () -> {
                long id = deposited();
                refusedUnchanged("piece_jointe", "commun_id = " + id,
                        () -> pieces.upload(id, porteur, CategoriePiece.AUTRE, name, e.getValue().get()));
            }));
        }
        return cases;
    }

    private static byte[] zip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry("programme.sh"));
                z.write("#!/bin/sh\necho pwned\n".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PDF header followed by spaces, {@code size} bytes in all, generated as read (never held in memory). */
    private static final class OversizedPdf extends InputStream {
        private static final byte[] HEADER = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long read;

        OversizedPdf(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            return read < HEADER.length ? HEADER[(int) read++] : (read++ > 0 ? ' ' : ' ');
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }

    // ------------------------------------------------------------------ assertions

    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|must|should|invalid|cannot|failed|error|exception|"
            + "not allowed|is not|for input string|null|violates|constraint|duplicate|syntax)\\b");
    private static final Pattern TECHNICAL = Pattern.compile("(java|org|jakarta)\\.[a-z]|[A-Z][A-Za-z]+Exception|SQL|ENGINE-|\\$\\{");
    private static final Pattern FRENCH = Pattern.compile("[éèêàçùôî«»]|\\b(le|la|les|de|du|des|un|une|vous|votre|ce|cette)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A refusal shown as is to a French-speaking person. */
    static void assertFrench(String message) {
        assertThat(message).as("message").isNotBlank();
        assertThat(message).as("no English words").doesNotContainPattern(ENGLISH);
        assertThat(message).as("no technical text").doesNotContainPattern(TECHNICAL);
        assertThat(message).as("French").containsPattern(FRENCH);
    }

    /** Runs the action, which must be refused with a French message, the rows of {@code table} unchanged. */
    private void refusedUnchanged(String table, String where, Runnable action) {
        String before = snapshot(table, where);
        Throwable refusal = catchThrowable(action::run);
        assertThat(refusal).as("refused").isNotNull().isInstanceOfAny(ValidationException.class, NotAllowedException.class);
        assertFrench(refusal.getMessage());
        assertThat(snapshot(table, where)).as("rows of " + table + " unchanged").isEqualTo(before);
        refused++;
    }

    private String snapshot(String table, String where) {
        return dsl.fetch("select * from app." + table + (where == null ? "" : " where " + where) + " order by 1").formatCSV();
    }

    /** What the screens do with a stored text (a Vaadin Span / Paragraph): the browser receives it as text. */
    private static void assertEscaped(String text) {
        String html = new Span(text).getElement().getOuterHTML();
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        if (text.contains("<")) {
            assertThat(html).contains("&lt;");
        }
    }

    // ------------------------------------------------------------------ helpers

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    private static byte[] concatBytes(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The structure's data with one text field replaced. */
    private static StructureData with(StructureData d, String field, String v) {
        return new StructureData(field.equals("nom") ? v : d.nom(), field.equals("siret") ? v : d.siret(),
                field.equals("rna") ? v : d.rna(), d.formeJuridique(), d.agrementEsus(), d.siaeType(), d.entrepriseAdaptee(),
                field.equals("communeInsee") ? v : d.communeInsee(), field.equals("adresse") ? v : d.adresse(),
                d.latitude(), d.longitude(), d.domaines(), field.equals("description") ? v : d.description(),
                field.equals("siteWeb") ? v : d.siteWeb(), field.equals("contactPublic") ? v : d.contactPublic());
    }
}
