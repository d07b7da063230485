package fr.communs.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.base.CommunStatut;
import fr.communs.commun.Echelle;
import fr.communs.commun.GroupementService;
import fr.communs.commun.RoleGroupement;
import fr.communs.dossier.DossierFiltre.Instructeur;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.AppreciationCritere;
import fr.communs.instruction.Critere;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.instruction.PartieDossier;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The agents' "Dossiers" list on embedded PostgreSQL and the real engine. Other tests share the database: each test
 * marks its own files with a label of its own and filters on it.
 */
@SpringBootTest
@ActiveProfiles("test")
class DossierServiceIT {
    @Autowired Fixtures fx;
    @Autowired DossierService dossiers;
    @Autowired InstructionService instructions;
    @Autowired CommunService communs;
    @Autowired GroupementService groupements;
    @Autowired TaskService engineTasks;
    @Autowired fr.communs.campagne.CampagneService campagnes;
    @Autowired fr.communs.base.Mailer mailer;

    String agent;
    String marque;

    @BeforeEach
    void setUp() {
        fx.campagne();
        agent = fx.account(Roles.AGENT);
        marque = "test " + System.nanoTime();
    }

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    /** Transmitted files (in instruction), marked with this test's label; leaves the agent logged in. */
    private List<Long> transmis(int n) {
        List<Long> ids = IntStream.range(0, n).mapToObj(i -> fx.transmis().communId()).toList();
        fx.as(agent);
        dossiers.addLabel(ids, marque);
        return ids;
    }

    /** This test's files only, with the given states (none: the default, transmitted files). */
    private DossierFiltre mine(CommunStatut... statuts) {
        return new DossierFiltre(Set.of(statuts), null, Instructeur.TOUS, null, marque, null, false);
    }

    private List<Long> ids(DossierFiltre filtre) {
        return ids(filtre, DossierTri.TRANSMIS_LE, true);
    }

    private List<Long> ids(DossierFiltre filtre, DossierTri tri, boolean asc) {
        return dossiers.page(filtre, tri, asc, 0, 50).stream().map(DossierLigne::communId).toList();
    }

    /** A commun deposited by a new ESS structure of the Gard (in constitution); leaves nobody logged in. */
    private long deposit(String titre, Set<String> communes, Echelle echelle) {
        return deposit(titre, communes, echelle, Set.of(fx.defi()));
    }

    private long deposit(String titre, Set<String> communes, Echelle echelle, Set<Long> defis) {
        long porteur = fx.structure(true, "30");
        String email = fx.account(Roles.STRUCTURE, porteur);
        fx.as(email);
        long id = communs.depositIdea(porteur, new CommunData(titre, "Un résumé", "Un besoin du territoire",
                "Ouvert à toutes et tous", "Un comité mensuel au consentement", defis, Set.of(), echelle,
                false, false, communes, "Un guide sous licence libre"));
        fx.logout();
        return id;
    }

    /** A commun with this title, transmitted by a complete groupement; leaves nobody logged in. */
    private long transmisIntitule(String titre) {
        long porteur = fx.structure(true, "30");
        String email = fx.account(Roles.STRUCTURE, porteur);
        fx.as(email);
        long id = communs.depositIdea(porteur, new CommunData(titre, "Un résumé", "Un besoin du territoire",
                "Ouvert à toutes et tous", "Un comité mensuel au consentement", Set.of(fx.defi()), Set.of(),
                Echelle.DEPARTEMENT, false, false, Set.of(), "Un guide sous licence libre"));
        fx.join(id, fx.structure(true, "30"), RoleGroupement.MEMBRE);
        fx.join(id, fx.structure(true, "30"), RoleGroupement.CONTRIBUTEUR);
        groupements.transmit(fx.task(id, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
        fx.logout();
        return id;
    }

    private static List<AppreciationCritere> favorable() {
        return Arrays.stream(Critere.values()).map(c -> new AppreciationCritere(c, Appreciation.FAVORABLE, null)).toList();
    }

    // ------------------------------------------------------------------ list, counts, filters

    @Test
    void a_transmitted_file_is_listed_with_its_porteur_defi_territory_date_and_due_date() {
        long id = transmis(1).get(0);

        DossierLigne ligne = dossiers.page(mine(), null, true, 0, 50).get(0);
        assertThat(ligne.communId()).isEqualTo(id);
        assertThat(ligne.statut()).isEqualTo(CommunStatut.EN_INSTRUCTION);
        assertThat(ligne.porteur()).startsWith("Structure ");
        assertThat(ligne.defis()).containsExactly("Défi 1");
        assertThat(ligne.territoire()).isEqualTo("Village");
        assertThat(ligne.transmisLe()).isCloseTo(java.time.OffsetDateTime.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        assertThat(ligne.instructeurId()).isNull();
        assertThat(ligne.etiquettes()).containsExactly(marque);
        Task instruire = fx.task(id, CycleCommunProcess.TASK_INSTRUIRE);
        assertThat(ligne.echeance()).isEqualTo(instruire.getDueDate().toInstant().atZone(Dates.ZONE).toLocalDateTime());
        assertThat(ligne.echeance()).isAfter(LocalDateTime.now(Dates.ZONE).plusDays(20));
        assertThat(dossiers.find(id)).contains(ligne);
    }

    @Test
    void the_territory_is_the_communes_concerned_or_else_the_scale() {
        long avecCommunes = deposit("Avec des communes", Set.of("30189", "30007"), Echelle.VILLAGE);
        long sansCommune = deposit("Sans commune", Set.of(), Echelle.DEPARTEMENT);
        fx.as(agent);
        dossiers.addLabel(List.of(avecCommunes, sansCommune), marque);

        Map<Long, String> territoires = new java.util.HashMap<>();
        dossiers.page(mine(CommunStatut.EN_CONSTITUTION), DossierTri.TITRE, true, 0, 50)
                .forEach(l -> territoires.put(l.communId(), l.territoire()));
        assertThat(territoires).containsEntry(avecCommunes, "Alès, Nîmes").containsEntry(sansCommune, "Département");
    }

    @Test
    void counts_per_state_follow_the_files_and_ignore_the_state_filter() {
        List<Long> enInstruction = transmis(2);
        long enConstitution = deposit("En constitution", Set.of(), Echelle.VILLAGE);
        fx.as(agent);
        dossiers.addLabel(List.of(enConstitution), marque);

        Map<CommunStatut, Integer> counts = dossiers.countsByStatut(mine(CommunStatut.LAUREAT));
        assertThat(counts).containsEntry(CommunStatut.EN_INSTRUCTION, 2).containsEntry(CommunStatut.EN_CONSTITUTION, 1)
                .containsEntry(CommunStatut.COMPLEMENTS_DEMANDES, 0).containsEntry(CommunStatut.DEPOT_CLOS, 0)
                .doesNotContainKey(CommunStatut.BROUILLON);
        assertThat(counts.keySet()).hasSize(CommunStatut.values().length - 1);

        instructions.take(enInstruction.get(0));
        instructions.decide(fx.task(enInstruction.get(0), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.complements(favorable(), "Précisez la gouvernance.", Set.of(PartieDossier.GOUVERNANCE),
                        Dates.today().plusDays(10)));

        counts = dossiers.countsByStatut(mine());
        assertThat(counts).containsEntry(CommunStatut.EN_INSTRUCTION, 1).containsEntry(CommunStatut.COMPLEMENTS_DEMANDES, 1);
        assertThat(dossiers.count(mine())).isEqualTo(2);
    }

    @Test
    void the_default_list_holds_transmitted_files_and_files_in_constitution_are_selectable() {
        long transmis = transmis(1).get(0);
        long enConstitution = deposit("Pas encore transmis", Set.of(), Echelle.VILLAGE);
        fx.as(agent);
        dossiers.addLabel(List.of(enConstitution), marque);

        assertThat(ids(mine())).containsExactly(transmis);
        assertThat(ids(mine(CommunStatut.EN_CONSTITUTION))).containsExactly(enConstitution);
        assertThat(ids(mine(CommunStatut.EN_CONSTITUTION, CommunStatut.EN_INSTRUCTION)))
                .containsExactlyInAnyOrder(transmis, enConstitution);
        assertThat(ids(mine(CommunStatut.COMPLEMENTS_DEMANDES))).isEmpty();
    }

    @Test
    void a_draft_is_never_listed_nor_labelled() {
        long porteur = fx.structure(true, "30");
        fx.as(fx.account(Roles.STRUCTURE, porteur));
        String unique = "Z" + System.nanoTime();
        long draft = communs.createDraft(porteur, new CommunData("Un brouillon " + unique, null, null, null, null, Set.of()));
        fx.as(agent);

        dossiers.addLabel(List.of(draft), marque);

        assertThat(dossiers.count(new DossierFiltre(Set.of(CommunStatut.BROUILLON, CommunStatut.EN_CONSTITUTION), null,
                Instructeur.TOUS, null, null, unique, false))).isZero();
        assertThat(dossiers.find(draft)).isEmpty();
        assertThat(dossiers.labels()).doesNotContain(marque);
    }

    @Test
    void the_defi_filter_keeps_the_files_answering_that_defi() {
        long premier = fx.defi();
        long second = campagnes.current().orElseThrow().defis().get(1).id();
        long surLePremier = deposit("Sur le premier défi", Set.of(), Echelle.VILLAGE, Set.of(premier));
        long surLesDeux = deposit("Sur les deux défis", Set.of(), Echelle.VILLAGE, Set.of(premier, second));
        fx.as(agent);
        dossiers.addLabel(List.of(surLePremier, surLesDeux), marque);

        assertThat(ids(defi(second))).containsExactly(surLesDeux);
        assertThat(ids(defi(premier))).containsExactlyInAnyOrder(surLePremier, surLesDeux);
        assertThat(dossiers.find(surLesDeux).orElseThrow().defis()).containsExactly("Défi 1", "Défi 2");
    }

    private DossierFiltre defi(long defiId) {
        return new DossierFiltre(Set.of(CommunStatut.EN_CONSTITUTION), defiId, Instructeur.TOUS, null, marque, null, false);
    }

    @Test
    void mine_and_nobodys_files_follow_who_took_them() {
        List<Long> ids = transmis(2);
        AppUser moi = fx.as(agent);
        instructions.take(ids.get(0));

        DossierFiltre miens = mine().withInstructeur(Instructeur.MOI, null);
        DossierFiltre personne = mine().withInstructeur(Instructeur.PERSONNE, null);
        assertThat(ids(miens)).containsExactly(ids.get(0));
        assertThat(ids(personne)).containsExactly(ids.get(1));
        assertThat(ids(mine().withInstructeur(Instructeur.AGENT, moi.id()))).containsExactly(ids.get(0));
        DossierLigne pris = dossiers.page(miens, null, true, 0, 50).get(0);
        assertThat(pris.instructeurId()).isEqualTo(moi.id());
        assertThat(pris.instructeurNom()).isEqualTo(moi.nomComplet());

        fx.as(fx.account(Roles.AGENT));
        assertThat(ids(miens)).isEmpty();
        assertThat(ids(personne)).containsExactly(ids.get(1));
        assertThatThrownBy(() -> dossiers.count(mine().withInstructeur(Instructeur.AGENT, null)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_bulk_assignment_gives_the_files_to_the_colleague_who_then_finds_them_in_mine() {
        List<Long> ids = transmis(3);
        String collegue = fx.account(Roles.AGENT);
        long collegueId = fx.as(collegue).id();

        fx.as(agent);
        instructions.assign(ids.subList(0, 2), collegueId);

        assertThat(ids(mine().withInstructeur(Instructeur.AGENT, collegueId))).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(ids(mine().withInstructeur(Instructeur.MOI, null))).isEmpty();
        fx.as(collegue);
        assertThat(ids(mine().withInstructeur(Instructeur.MOI, null))).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(ids(mine().withInstructeur(Instructeur.PERSONNE, null))).containsExactly(ids.get(2));
    }

    @Test
    void the_label_filter_keeps_the_files_bearing_it() {
        List<Long> ids = transmis(2);
        String autre = "autre " + System.nanoTime();
        dossiers.addLabel(List.of(ids.get(1)), autre);

        assertThat(ids(new DossierFiltre(Set.of(), null, Instructeur.TOUS, null, autre, null, false)))
                .containsExactly(ids.get(1));
        assertThat(ids(new DossierFiltre(Set.of(), null, Instructeur.TOUS, null, "  " + autre + " ", null, false)))
                .containsExactly(ids.get(1));
    }

    @Test
    void the_text_search_ignores_accents_and_case_on_the_title_and_the_porteur() {
        String unique = "Z" + System.nanoTime();
        long id = deposit("Éducation populaire à l’écologie " + unique, Set.of(), Echelle.VILLAGE);
        fx.as(agent);
        String porteur = dossiers.find(id).orElseThrow().porteur();
        Consumer<String> finds = texte -> assertThat(ids(new DossierFiltre(Set.of(CommunStatut.EN_CONSTITUTION), null,
                Instructeur.TOUS, null, null, texte, false))).as(texte).containsExactly(id);

        finds.accept("education ECOLOGIE " + unique.toLowerCase());
        finds.accept("l'écologie " + unique);
        finds.accept(porteur.toUpperCase());
        assertThat(ids(new DossierFiltre(Set.of(CommunStatut.EN_CONSTITUTION), null, Instructeur.TOUS, null, null,
                "biodiversite " + unique, false))).isEmpty();
        assertThat(ids(new DossierFiltre(Set.of(CommunStatut.EN_CONSTITUTION), null, Instructeur.TOUS, null, null,
                "100% " + unique, false))).isEmpty();
    }

    @Test
    void the_due_date_is_that_of_the_open_step_and_late_files_can_be_singled_out() {
        List<Long> ids = transmis(3);
        Task enRetard = fx.task(ids.get(0), CycleCommunProcess.TASK_INSTRUIRE);
        Date hier = Date.from(LocalDateTime.now().minusDays(1).atZone(ZoneId.systemDefault()).toInstant());
        enRetard.setDueDate(hier);
        engineTasks.saveTask(enRetard);
        instructions.take(ids.get(1));
        LocalDate dateLimite = Dates.today().plusDays(10);
        instructions.decide(fx.task(ids.get(1), CycleCommunProcess.TASK_INSTRUIRE).getId(),
                InstructionDecision.complements(favorable(), "Ajoutez le budget.", Set.of(PartieDossier.GOUVERNANCE), dateLimite));

        DossierFiltre retard = new DossierFiltre(Set.of(), null, Instructeur.TOUS, null, marque, null, true);
        assertThat(ids(retard)).containsExactly(ids.get(0));
        assertThat(dossiers.count(retard)).isEqualTo(1);
        DossierLigne complements = dossiers.find(ids.get(1)).orElseThrow();
        assertThat(complements.statut()).isEqualTo(CommunStatut.COMPLEMENTS_DEMANDES);
        assertThat(complements.echeance().toLocalDate()).isEqualTo(dateLimite);
        assertThat(dossiers.find(ids.get(0)).orElseThrow().enRetard(LocalDateTime.now(Dates.ZONE))).isTrue();
        assertThat(complements.enRetard(LocalDateTime.now(Dates.ZONE))).isFalse();

        assertThat(ids(mine(), DossierTri.ECHEANCE, true)).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(ids(mine(), DossierTri.ECHEANCE, false)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void files_are_sorted_by_transmission_date_both_ways_and_paged() {
        List<Long> ids = transmis(3);

        assertThat(ids(mine(), DossierTri.TRANSMIS_LE, true)).containsExactlyElementsOf(ids);
        assertThat(ids(mine(), DossierTri.TRANSMIS_LE, false)).containsExactly(ids.get(2), ids.get(1), ids.get(0));

        List<Long> first = dossiers.page(mine(), DossierTri.TRANSMIS_LE, true, 0, 2).stream().map(DossierLigne::communId).toList();
        List<Long> second = dossiers.page(mine(), DossierTri.TRANSMIS_LE, true, 2, 2).stream().map(DossierLigne::communId).toList();
        assertThat(first).containsExactly(ids.get(0), ids.get(1));
        assertThat(second).containsExactly(ids.get(2));
        assertThat(dossiers.count(mine())).isEqualTo(3);
    }

    @Test
    void files_are_sorted_by_title_and_by_state_in_the_cycles_order() {
        long b = deposit("Bibliothèque d'objets", Set.of(), Echelle.VILLAGE);
        long a = deposit("atelier vélo", Set.of(), Echelle.VILLAGE);
        long transmis = transmisIntitule("Cantine partagée");
        fx.as(agent);
        dossiers.addLabel(List.of(a, b, transmis), marque);
        DossierFiltre tous = mine(CommunStatut.EN_CONSTITUTION, CommunStatut.EN_INSTRUCTION);

        assertThat(ids(tous, DossierTri.TITRE, true)).containsExactly(a, b, transmis);
        assertThat(ids(tous, DossierTri.TITRE, false)).containsExactly(transmis, b, a);
        assertThat(ids(tous, DossierTri.STATUT, false).get(0)).isEqualTo(transmis);
    }

    // ------------------------------------------------------------------ labels

    @Test
    void labels_are_added_in_bulk_once_removed_one_by_one_and_unknown_ids_are_ignored() {
        List<Long> ids = transmis(2);
        String relancer = "Relancer " + System.nanoTime() % 100000;

        dossiers.addLabel(List.of(ids.get(0), ids.get(1), 999_999_999L), "  " + relancer + "  ");
        dossiers.addLabel(List.of(ids.get(0)), relancer.toUpperCase());

        assertThat(dossiers.find(ids.get(0)).orElseThrow().etiquettes()).containsExactlyInAnyOrder(marque, relancer);
        assertThat(dossiers.find(ids.get(1)).orElseThrow().etiquettes()).containsExactlyInAnyOrder(marque, relancer);
        assertThat(dossiers.labels()).startsWith("À relancer", "Complet", "Pièces manquantes", "Hybride : avis référent")
                .contains(relancer, marque).doesNotHaveDuplicates();

        dossiers.removeLabel(ids.get(0), relancer);
        dossiers.removeLabel(ids.get(0), "jamais posée");
        assertThat(dossiers.find(ids.get(0)).orElseThrow().etiquettes()).containsExactly(marque);
        assertThat(dossiers.find(ids.get(1)).orElseThrow().etiquettes()).containsExactlyInAnyOrder(marque, relancer);

        dossiers.addLabel(ids, "à relancer");
        assertThat(dossiers.find(ids.get(1)).orElseThrow().etiquettes()).contains("À relancer").doesNotContain("à relancer");
    }

    @Test
    void a_label_must_be_one_to_forty_characters_on_one_to_two_hundred_files() {
        List<Long> ids = transmis(1);

        assertThatThrownBy(() -> dossiers.addLabel(ids, "   ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactly("Le champ « Étiquette » est obligatoire."));
        assertThatThrownBy(() -> dossiers.addLabel(ids, "x".repeat(41))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactly("Le champ « Étiquette » ne doit pas dépasser 40 caractères."));
        assertThatThrownBy(() -> dossiers.addLabel(List.of(), "Complet")).isInstanceOf(ValidationException.class)
                .hasMessage("Sélectionnez au moins un dossier.");
        List<Long> tooMany = LongStream.rangeClosed(1, 201).boxed().toList();
        assertThatThrownBy(() -> dossiers.addLabel(tooMany, "Complet")).isInstanceOf(ValidationException.class)
                .hasMessage("Sélectionnez au plus 200 dossiers à la fois.");
        dossiers.addLabel(ids, "x".repeat(40));
        assertThat(dossiers.find(ids.get(0)).orElseThrow().etiquettes()).contains("x".repeat(40));
    }

    // ------------------------------------------------------------------ export

    @Test
    void the_csv_export_holds_the_chosen_columns_of_the_selection_with_quoting() {
        long id = transmisIntitule("Jardin \"partagé\"; quartier nord");
        long autre = transmisIntitule("=1+1 Cantine");
        fx.as(agent);
        dossiers.addLabel(List.of(id, autre), marque);
        String porteur = dossiers.find(id).orElseThrow().porteur();

        byte[] bytes = dossiers.export(List.of(id, autre), List.of(Colonne.TITRE, Colonne.ETAT, Colonne.ETIQUETTES,
                Colonne.LIEN), FormatExport.CSV);

        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\ufeff");
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines).containsExactly("Titre;État;Étiquettes;Lien",
                "\"Jardin \"\"partagé\"\"; quartier nord\";En instruction;" + marque + ";" + lienAttendu(id),
                "'=1+1 Cantine;En instruction;" + marque + ";" + lienAttendu(autre));
        assertThat(csv).doesNotContain(porteur);
    }

    private String lienAttendu(long id) {
        return mailer.link("dossiers/" + id);
    }

    @Test
    void the_ods_export_can_be_read_again_with_its_cells() throws Exception {
        long id = transmis(1).get(0);
        DossierLigne ligne = dossiers.find(id).orElseThrow();

        byte[] bytes = dossiers.export(List.of(id), List.of(Colonne.PORTEUR, Colonne.DEFIS, Colonne.TRANSMIS_LE,
                Colonne.ECHEANCE), FormatExport.ODS);

        Sheet sheet = new SpreadSheet(new ByteArrayInputStream(bytes)).getSheet(0);
        Range all = sheet.getDataRange();
        assertThat(all.getNumRows()).isEqualTo(2);
        assertThat(all.getNumColumns()).isEqualTo(4);
        Object[][] v = all.getValues();
        assertThat(v[0]).containsExactly("Porteur administratif", "Défis", "Transmis le", "Échéance");
        assertThat(v[1][0]).isEqualTo(ligne.porteur());
        assertThat(v[1][1]).isEqualTo("Défi 1");
        assertThat((String) v[1][2]).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")
                .startsWith(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(ligne.transmisLe().atZoneSameInstant(Dates.ZONE)));
        assertThat(v[1][3]).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(ligne.echeance()));
    }

    @Test
    void an_export_needs_files_columns_and_a_format() {
        List<Long> ids = transmis(1);

        assertThatThrownBy(() -> dossiers.export(ids, List.of(), FormatExport.CSV)).isInstanceOf(ValidationException.class)
                .hasMessage("Choisissez au moins une colonne à exporter.");
        assertThatThrownBy(() -> dossiers.export(List.of(), List.of(Colonne.TITRE), FormatExport.CSV))
                .isInstanceOf(ValidationException.class).hasMessage("Sélectionnez au moins un dossier à exporter.");
        assertThatThrownBy(() -> dossiers.export(ids, List.of(Colonne.TITRE), null)).isInstanceOf(ValidationException.class)
                .hasMessage("Le champ « Format du fichier » est obligatoire.");
        String onlyHeader = new String(dossiers.export(List.of(999_999_999L), List.of(Colonne.TITRE), FormatExport.CSV),
                StandardCharsets.UTF_8);
        assertThat(onlyHeader.lines().toList()).containsExactly("\ufeffTitre");
    }

    // ------------------------------------------------------------------ rights

    @Test
    void structures_comite_administrators_and_anonymous_visitors_are_refused_everywhere() {
        List<Long> ids = transmis(1);
        long porteur = fx.structure(true, "30");
        List<String> others = List.of(fx.account(Roles.STRUCTURE, porteur), fx.account(Roles.COMITE), fx.admin());
        for (String other : others) {
            fx.as(other);
            assertRefused(ids);
        }
        fx.logout();
        assertRefused(ids);

        fx.as(agent);
        assertThat(dossiers.find(ids.get(0)).orElseThrow().etiquettes()).containsExactly(marque);
    }

    private void assertRefused(List<Long> ids) {
        assertThatThrownBy(() -> dossiers.page(mine(), null, true, 0, 50)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dossiers.count(mine())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dossiers.countsByStatut(mine())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dossiers.find(ids.get(0))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dossiers.labels()).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dossiers.addLabel(ids, "Complet")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dossiers.removeLabel(ids.get(0), marque)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> dossiers.export(ids, List.of(Colonne.TITRE), FormatExport.CSV))
                .isInstanceOf(NotAllowedException.class);
    }
}
