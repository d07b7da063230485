package fr.communs.demo;

import fr.communs.base.Dates;
import fr.communs.assemblee.AssembleeService;
import fr.communs.assemblee.VoteAssemblee;
import fr.communs.campagne.CampagneService;
import fr.communs.campagne.CampagneSettings;
import fr.communs.campagne.Defi;
import fr.communs.commun.CommunData;
import fr.communs.commun.CommunService;
import fr.communs.contribution.ContributionService;
import fr.communs.commun.Echelle;
import fr.communs.commun.Enjeu;
import fr.communs.commun.GroupementService;
import fr.communs.contribution.TypeContribution;
import fr.communs.commun.RoleGroupement;
import fr.communs.instruction.Appreciation;
import fr.communs.instruction.ComplementData;
import fr.communs.instruction.InstructionDecision;
import fr.communs.instruction.InstructionService;
import fr.communs.livrable.LivrableData;
import fr.communs.livrable.LivrableService;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.processes.CycleCommunProcess.DecisionInstruction;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import fr.communs.security.AccountService;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import fr.communs.structure.Domaine;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.StructureData;
import fr.communs.structure.StructureService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo data (profile {@code demo}, never in production migrations): the Gard's appel, the 14 example communs
 * and ESS organisations named in the seeds, invented people, one account per role, and one commun waiting at
 * each step of the cycle. Everything goes through the services, as a user would. Runs once (empty database).
 */
@Component
@Profile("demo")
@Order(10)
class DemoDataLoader implements ApplicationRunner {
    static final String PASSWORD = "communs-demo-2025";
    static final String ADMIN = "admin@communs.test";
    static final String AGENT = "agent@communs.test";
    static final String AGENT2 = "agent2@communs.test";
    static final String[][] REFERENTS = {
            {"culture@communs.test", "Inès Martin", "Culture et patrimoine"},
            {"environnement@communs.test", "Paul Girard", "Environnement et transition écologique"},
            {"solidarites@communs.test", "Nadia Benali", "Solidarités et insertion"}};
    static final String COMITE1 = "comite@communs.test";
    static final String COMITE2 = "comite2@communs.test";
    static final String STRUCTURE = "structure@communs.test";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final AccountService accounts;
    private final CampagneService campagnes;
    private final StructureService structures;
    private final CommunService communs;
    private final GroupementService groupements;
    private final InstructionService instructions;
    private final DemoComite comite;
    private final AssembleeService assemblee;
    private final LivrableService livrables;
    private final TaskService engineTasks;
    private final org.camunda.bpm.engine.ManagementService management;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final Map<String, Long> structureIds = new LinkedHashMap<>();
    private int ideas;
    private final fr.communs.demo.internal.JooqDemoGroupements demoGroupements;
    private final ContributionService contributions;
    private final DemoBackOffice backOffice;
    private final DemoBudgets budgets;

    DemoDataLoader(AccountService accounts, CampagneService campagnes, StructureService structures, CommunService communs,
                   GroupementService groupements, InstructionService instructions, DemoComite comite,
                   AssembleeService assemblee, LivrableService livrables, TaskService engineTasks,
                   org.camunda.bpm.engine.ManagementService management, org.camunda.bpm.engine.RuntimeService runtime,
                   fr.communs.demo.internal.JooqDemoGroupements demoGroupements, ContributionService contributions,
                   DemoBackOffice backOffice, DemoBudgets budgets) {
        this.backOffice = backOffice;
        this.budgets = budgets;
        this.demoGroupements = demoGroupements;
        this.contributions = contributions;
        this.management = management;
        this.runtime = runtime;
        this.accounts = accounts;
        this.campagnes = campagnes;
        this.structures = structures;
        this.communs = communs;
        this.groupements = groupements;
        this.instructions = instructions;
        this.comite = comite;
        this.assemblee = assemblee;
        this.livrables = livrables;
        this.engineTasks = engineTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAccount()) {
            log.info("Données de démonstration déjà présentes : rien à charger.");
            return;
        }
        try {
            load();
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Données de démonstration chargées. Comptes (mot de passe « {} ») : {} (administrateur), {} et {} "
                        + "(agents), {}, {}, {} et {} (comité), {} (structures).", PASSWORD, ADMIN, AGENT, AGENT2, COMITE1,
                COMITE2, DemoComite.COMITE3, DemoComite.COMITE4, STRUCTURE);
    }

    private void load() {
        accounts.createAccount(ADMIN, PASSWORD, "Nadia Administratrice", Roles.ADMIN, List.of());
        as(ADMIN);
        campagnes.create(new CampagneSettings("Appel à commun(s) du schéma de l'ESS", "Le Conseil départemental du Gard",
                        "Gard", "30", OffsetDateTime.now().plusDays(45).truncatedTo(ChronoUnit.HOURS),
                        Dates.today().plusDays(75)),
                List.of(new String[] {"Mettre en commun des initiatives existantes pour leur donner une portée et une "
                                + "cohérence départementale", "#coopération territoriale #changement d'échelle"},
                        new String[] {"Créer de nouveaux communs dans des zones rurales ou dans les quartiers politique de "
                                + "la ville pour les redynamiser ou répondre à un besoin spécifique non couvert d'un territoire",
                                "#rééquilibrage territorial"},
                        new String[] {"Développer / améliorer des communs existants que ce soit en diversifiant leurs "
                                + "fonctions pour répondre à un besoin non couvert de leur territoire d'impact, ou en ouvrant "
                                + "à de nouveaux contributeurs pour accroître la dynamique collective en structurant leur "
                                + "gouvernance", "#soutien des communs existants vers plus de coopération et d'ancrage sur "
                                + "leur territoire #écologie de projets"}));
        budgets.exigences(campagnes.current().orElseThrow().id());
        structuresOfTheSeeds();
        accounts.createAccount(AGENT, PASSWORD, "Claire Fabre", Roles.AGENT, List.of());
        accounts.createAccount(AGENT2, PASSWORD, "Julien Roux", Roles.AGENT, List.of());
        demoGroupements.setDirection(AGENT, "Innovation sociale et solidaire");
        demoGroupements.setDirection(AGENT2, "Innovation sociale et solidaire");
        // Référents thématiques of other directions, asked for an avis on hybrid projects: they read those files only.
        for (String[] referent : REFERENTS) {
            accounts.createAccount(referent[0], PASSWORD, referent[1], Roles.REFERENT, List.of());
            demoGroupements.setDirection(referent[0], referent[2]);
        }
        accounts.createAccount(COMITE1, PASSWORD, "Hélène Martin", Roles.COMITE, List.of());
        accounts.createAccount(COMITE2, PASSWORD, "Karim Benali", Roles.COMITE, List.of());
        // The structure persona acts for the porteurs of the communs waiting for a structure's action.
        accounts.createAccount(STRUCTURE, PASSWORD, "Sophie Durand", Roles.STRUCTURE, List.of(
                s("La Combine"), s("Tiers-lieu Esperanza Table Ouverte"), s("R'dévolution"), s("Les Jardins du Mas Joyeux"),
                s("La Soierie")));
        int n = 1;
        for (String nom : List.of("Edit & P0llux", "Ressourceries de Nîmes", "Festival Mouvement(é)", "FILS METIS",
                "OPTEOS", "COURTS CIRCUIX", "Les Survoltés", "MIESS 30")) {
            accounts.createAccount("porteur" + n++ + "@communs.test", PASSWORD, ("AEIOU".indexOf(nom.charAt(0)) >= 0 ? "Porteur d'" : "Porteur de ") + nom, Roles.STRUCTURE,
                    List.of(s(nom)));
        }
        communsOfTheSeeds(campagnes.current().orElseThrow().defis());
    }

    private void structuresOfTheSeeds() {
        structure("MIESS 30", FormeJuridique.ASSOCIATION, "30189", true,
                "Maison des initiatives économiques sociales et solidaires du Gard ; co-pilote du réseau ESS gardois.",
                Domaine.DECIDER_AGIR_ENSEMBLE, Domaine.COMMUNIQUER_INFORMER);
        structure("Réseau des tiers lieux et lieux hybrides du Gard", FormeJuridique.ASSOCIATION, "30007", true,
                "Réseau des tiers-lieux et lieux hybrides du département.", Domaine.DECIDER_AGIR_ENSEMBLE, Domaine.CULTURE);
        structure("R'dévolution", FormeJuridique.ASSOCIATION, "30189", true, "Partenaire de la plateforme des communs.",
                Domaine.NUMERIQUE_POUR_TOUS, Domaine.COMMUNIQUER_INFORMER);
        structure("La Soierie", FormeJuridique.ASSOCIATION, "30269", true, "Partenaire de la plateforme des communs.",
                Domaine.CULTURE, Domaine.HABITER);
        structure("OPTEOS", FormeJuridique.SCIC, "30189", true, "Partenaire de la plateforme des communs.",
                Domaine.NUMERIQUE_POUR_TOUS);
        structure("PTCE Les Remendaires", FormeJuridique.ASSOCIATION, "30007", true,
                "Écoconstruction, réemploi, biodéchets, alimentation durable, insertion, lien social.",
                Domaine.HABITER, Domaine.AGIR_AVEC_LE_MONDE);
        structure("Ressourceries de Nîmes", FormeJuridique.ASSOCIATION, "30189", true,
                "Ressourcerie passée de 700 à 6000 m².", Domaine.AGIR_AVEC_LE_MONDE);
        structure("Les Jardins du Mas Joyeux", FormeJuridique.ASSOCIATION, "30171", true,
                "Espace de 2,3 ha autour du Mas Joyeux : maraîchage bio accessible à tous.", Domaine.AGIR_AVEC_LE_MONDE);
        structure("Les Survoltés", FormeJuridique.ASSOCIATION, "30019", true, "Association de transition écologique.",
                Domaine.AGIR_AVEC_LE_MONDE, Domaine.DECIDER_AGIR_ENSEMBLE);
        structure("La Combine", FormeJuridique.ASSOCIATION, "30189", true, "Tiers-lieu convivial, socio-culturel.",
                Domaine.CULTURE, Domaine.DECIDER_AGIR_ENSEMBLE);
        structure("Tiers-lieu Esperanza Table Ouverte", FormeJuridique.ASSOCIATION, "30189", true,
                "Épicerie, friperie et recyclerie sous les arches du boulevard Talabot.", Domaine.HABITER);
        structure("COURTS CIRCUIX", FormeJuridique.ASSOCIATION, "30334", false, "Éducation populaire et circuits courts.",
                Domaine.CULTURE);
        structure("FILS METIS", FormeJuridique.SCOP, "30263", true, "Relocalisation textile.", Domaine.AGIR_AVEC_LE_MONDE);
        structure("Festival Mouvement(é)", FormeJuridique.ASSOCIATION, "30007", true, "Festival citoyen et engagé.",
                Domaine.CULTURE, Domaine.COMMUNIQUER_INFORMER);
        structure("Edit & P0llux", FormeJuridique.ASSOCIATION, "30341", false, "Équipe à l'origine du festival ACTE.",
                Domaine.CULTURE);
        structure("Commune d'Aubais", FormeJuridique.COLLECTIVITE, "30019", false, "Mairie.", Domaine.AUTRE);
        structure("IMT Mines Alès", FormeJuridique.COLLECTIVITE, "30007", true, "École d'ingénieurs, incubateur.",
                Domaine.NUMERIQUE_POUR_TOUS);
        structure("Scic Virgocoop", FormeJuridique.SCIC, "81065", true, "Filière chanvre et laine (Tarn).", Domaine.HABITER);
        structure("Mutuelle des Motards", FormeJuridique.MUTUELLE, "34198", true, "Mutuelle (Hérault).", Domaine.AUTRE);
    }

    private void structure(String nom, FormeJuridique forme, String insee, boolean verifiee, String description,
                           Domaine... domaines) {
        structureIds.put(nom, structures.registerAsAdministrator(new StructureData(nom, siret(structureIds.size() + 1), null,
                forme, false, null, false,
                insee, null, null, null, Set.of(domaines), description, null, null), verifiee));
    }

    /**
     * A fictitious but valid SIRET (Luhn key) for the n-th demo structure: the porteur administratif of a file needs
     * one to transmit it. SIREN from 900 000 000 on, none of them a real organisation's.
     */
    static String siret(int n) {
        String base = (900_000_000L + n) + "0001";
        for (int key = 0; key < 10; key++) {
            if (fr.communs.structure.Identifiants.siretValide(base + key)) {
                return base + key;
            }
        }
        throw new IllegalStateException(base);
    }

    private long s(String nom) {
        Long id = structureIds.get(nom);
        if (id == null) {
            throw new IllegalStateException("Structure de démonstration inconnue : " + nom);
        }
        return id;
    }

    private void communsOfTheSeeds(List<Defi> defis) {
        Set<Long> d1 = Set.of(defis.get(0).id());
        Set<Long> d2 = Set.of(defis.get(1).id());
        Set<Long> d13 = Set.of(defis.get(0).id(), defis.get(2).id());

        // 1. Laureate, livrable deposited: the whole cycle passed.
        long acte = idea("porteur1@communs.test", "Edit & P0llux", "ACTE (Agir en Camargue Territoire d'Ecoacteur)",
                "Le Festival Acte est né de préoccupations partagées entre le directeur du site du château d'Espeyran et l'équipe d'Edit & P0llux.", d13);
        group(acte, "porteur1@communs.test", "MIESS 30", "La Soierie");
        transmit(acte, "porteur1@communs.test", "15000");
        instruct(acte, DecisionInstruction.RECEVABLE, null);

        // 2. Idea just deposited, groupement to form (the structure persona is its porteur): MIESS 30 asks to join,
        //    the porteur published two needs of contribution.
        long combine = idea(STRUCTURE, "La Combine", "La Combine",
                "Un tiers-lieu convivial qui combine une multiplicité d'activités et d'évènements socio-culturels, en promouvant des valeurs de coopération et d'écologie.", d2);
        as(STRUCTURE);
        contributions.requestContribution(combine, TypeContribution.MATERIELLE,
                "Du mobilier et une cuisine équipée pour les ateliers partagés.", null);
        contributions.requestContribution(combine, TypeContribution.FINANCIERE,
                "Amorçage des premières rencontres (location de salle, communication).", new java.math.BigDecimal("3500"));
        as("porteur8@communs.test");
        groupements.requestToJoin(combine, s("MIESS 30"), RoleGroupement.MEMBRE,
                "La MIESS peut animer les temps de gouvernance partagée et mettre en lien avec le réseau ESS gardois.");
        // A draft of the structure persona, not published yet.
        as(STRUCTURE);
        communs.createDraft(s("Tiers-lieu Esperanza Table Ouverte"), new CommunData("Conciergerie solidaire du quartier Talabot",
                "Une conciergerie tenue par les habitants : dépôt de colis, petites réparations, prêt d'outils.", null,
                null, null, Set.of(defis.get(1).id())));

        // 3. Groupement eligible (budget and statuts ready), to be transmitted by the structure persona.
        long monde = idea(STRUCTURE, "R'dévolution", "Contribuer à un monde habitable & désirable",
                "Faire alliance pour mettre en valeur et développer des dynamiques territoriales qui soutiennent les initiatives locales.", d1);
        group(monde, STRUCTURE, "PTCE Les Remendaires", "Réseau des tiers lieux et lieux hybrides du Gard");
        as(STRUCTURE);
        budgets.prepare(monde, "7500");
        as(STRUCTURE);
        contributions.requestContribution(monde, TypeContribution.HUMAINE,
                "Des bénévoles pour animer les cafés des initiatives locales.", null);
        as("porteur2@communs.test");
        long offre = contributions.offerContribution(monde, s("Ressourceries de Nîmes"), TypeContribution.MATERIELLE,
                "Prêt de tables, chaises et vaisselle réemployée pour les rencontres.", null);
        as(STRUCTURE);
        contributions.decideOffer(offre, true);
        as("porteur5@communs.test");
        contributions.offerContribution(monde, s("OPTEOS"), TypeContribution.TECHNIQUE,
                "Ordinateurs reconditionnés pour les permanences numériques.", null);

        // 4. Transmitted, waiting for instruction.
        long esperanza = idea(STRUCTURE, "Tiers-lieu Esperanza Table Ouverte", "Tiers-lieu Esperanza Table Ouverte",
                "Des arches boulevard Talabot accueillent notre épicerie, notre friperie et notre recyclerie ; l'idée serait d'en faire un commun du quartier.", d2);
        group(esperanza, STRUCTURE, "La Combine", "Ressourceries de Nîmes", "IMT Mines Alès");
        transmit(esperanza, STRUCTURE, "9000");

        // 5. Compléments requested: the porteur (OPTEOS) must complete the file.
        long numerique = idea("porteur5@communs.test", "OPTEOS",
                "Mettre en place une filière gardoise éthique, écologique, sociale et solidaire de reconditionnement de matériel numérique",
                "Diminution de l'empreinte carbone, création d'un cycle économique, création d'emplois, plateforme d'insertion et de qualification.", d1);
        group(numerique, "porteur5@communs.test", "Ressourceries de Nîmes", "PTCE Les Remendaires");
        transmit(numerique, "porteur5@communs.test", "20000");
        instruct(numerique, DecisionInstruction.COMPLEMENTS,
                "Merci de préciser la gouvernance : comment les décisions seront-elles prises entre les trois structures ?");
        backOffice.load(esperanza, numerique, this::as, this::s);

        // 6. Heard today at the open séance: Lucie Moreau scored, Hélène Martin's scoring task is open.
        long festival = idea("porteur3@communs.test", "Festival Mouvement(é)", "Festival Mouvement(é), citoyen et engagé",
                "Le Festival Mouvement(é) est né d'un sentiment d'impuissance face aux défis de notre époque ; des ateliers de co-création d'initiatives concrètes.", d1);
        group(festival, "porteur3@communs.test", "MIESS 30", "La Combine");
        transmit(festival, "porteur3@communs.test", "10000");
        instruct(festival, DecisionInstruction.RECEVABLE, null);

        // 7. Heard today and scored by the present members: an agent records the comité's avis.
        long fils = idea("porteur4@communs.test", "FILS METIS", "FILS METIS",
                "Dans un contexte de rapide évolution climatique et de volonté de relocalisation des activités humaines, un projet de coopération textile.", d13);
        group(fils, "porteur4@communs.test", "Scic Virgocoop", "Les Survoltés", "La Soierie");
        transmit(fils, "porteur4@communs.test", "18000");
        instruct(fils, DecisionInstruction.RECEVABLE, null);

        // 8. Proposed to the Assemblée: an agent records the vote.
        long tnt = idea("porteur2@communs.test", "Ressourceries de Nîmes", "T.N.T. (Tremplin Nîmois de la Transition)",
                "Cet espace adossé à la Ressourcerie de Nîmes, qui a déménagé de 700 à 6000 m², offrira un lieu de transition.", d13);
        group(tnt, "porteur2@communs.test", "MIESS 30", "R'dévolution");
        transmit(tnt, "porteur2@communs.test", "18000");
        instruct(tnt, DecisionInstruction.RECEVABLE, null);

        // 9. Laureate: the structure persona deposits the livrable.
        long nourricier = idea(STRUCTURE, "Les Jardins du Mas Joyeux",
                "Lieu nourricier : maraîchage bio accessible à tous – régénérer et s'adapter – sensibiliser au vivant et à la biodiversité",
                "Les Jardins du Mas Joyeux sont un espace de 2,3 ha autour du Mas Joyeux sur la commune de Molières-sur-Cèze.", d2);
        group(nourricier, STRUCTURE, "Les Survoltés", "COURTS CIRCUIX");
        transmit(nourricier, STRUCTURE, "8000");
        instruct(nourricier, DecisionInstruction.RECEVABLE, null);

        // 10. Non recevable.
        long talent = idea("porteur8@communs.test", "MIESS 30", "Révélateur de talent culinaire",
                "Révéler les talents culinaires des habitants par des ateliers partagés.", d2);
        group(talent, "porteur8@communs.test", "La Combine", "Festival Mouvement(é)");
        transmit(talent, "porteur8@communs.test", "6000");
        instruct(talent, DecisionInstruction.NON_RECEVABLE,
                "Le projet relève d'une prestation de service et non d'un commun : les productions ne sont pas appropriables par toutes et tous.");

        // 11. Subsidy not voted.
        long alimentation = idea("porteur2@communs.test", "Ressourceries de Nîmes", "Accès équitable à une alimentation responsable",
                "L'accès équitable à une alimentation de qualité repose sur de multiples enjeux complexes (économiques, sociaux, culturels, environnementaux, agricoles).", d1);
        group(alimentation, "porteur2@communs.test", "Les Jardins du Mas Joyeux", "COURTS CIRCUIX");
        transmit(alimentation, "porteur2@communs.test", "12000");
        instruct(alimentation, DecisionInstruction.RECEVABLE, null);

        // 12. Groupement being formed, not yet eligible (one structure outside the Gard).
        long courts = idea("porteur6@communs.test", "COURTS CIRCUIX",
                "Plate-forme citoyenne et culturelle pour des circuits courts vivants",
                "Projet d'éducation populaire croisant alimentation locale, création culturelle, et gouvernance des usagers.", d2);
        group(courts, "porteur6@communs.test", "Mutuelle des Motards");
        as("porteur6@communs.test");
        groupements.invite(courts, s("La Soierie"), RoleGroupement.MEMBRE,
                "Vos ateliers culturels donneraient une belle place à la création dans ce projet.");

        // 13. Recevable, convoqué to the séance in preparation.
        long foret = idea("porteur7@communs.test", "Les Survoltés", "Gestion de la forêt d'Aubais en commun",
                "Contre les incendies et pour la préservation et la valorisation du patrimoine naturel et culturel de la commune, la mairie et les associations s'associent.", d13);
        group(foret, "porteur7@communs.test", "Commune d'Aubais", "MIESS 30", "Les Jardins du Mas Joyeux");
        transmit(foret, "porteur7@communs.test", "14000");
        instruct(foret, DecisionInstruction.RECEVABLE, null);

        // 14. Vote adjourned: waiting for the next session of the Assemblée.
        long biodiversite = idea("porteur8@communs.test", "MIESS 30",
                "Réflexion collective et mobilisation autour de la préservation de la biodiversité, du logement écologique et de l'alimentation durable",
                "Créer une dynamique participative locale pour identifier des pistes d'actions concrètes en faveur de la biodiversité, d'un habitat respectueux de l'environnement et d'une alimentation durable.", d13);
        group(biodiversite, "porteur8@communs.test", "Réseau des tiers lieux et lieux hybrides du Gard", "La Soierie");
        transmit(biodiversite, "porteur8@communs.test", "12000");
        instruct(biodiversite, DecisionInstruction.RECEVABLE, null);

        // The comité: 1, 8, 9, 11 and 14 were heard at the séance held three weeks ago (closed, PV), then the Assemblée
        // voted; 6 and 7 are heard today; 13 is convoqué to the next séance.
        DemoComite.Dossiers dossiers = new DemoComite.Dossiers(acte, tnt, nourricier, alimentation, biodiversite, fils,
                festival, foret);
        comite.membres(this::as, this::s);
        comite.seanceClose(dossiers, this::as, this::runJobs);
        vote(acte, ResultatVote.ADOPTE, "12000");
        livrable(acte, "porteur1@communs.test");
        vote(nourricier, ResultatVote.ADOPTE, "8000");
        vote(alimentation, ResultatVote.REJETE, null);
        vote(biodiversite, ResultatVote.AJOURNE, null);
        comite.seanceOuverte(dossiers, this::as, this::runJobs);
        comite.seanceEnPreparation(dossiers, this::as);
    }

    private long idea(String email, String porteur, String titre, String resume, Set<Long> defis) {
        as(email);
        Enjeu[] enjeux = Enjeu.values();
        Set<Enjeu> choisis = Set.of(enjeux[ideas % enjeux.length], enjeux[(ideas + 2) % enjeux.length]);
        String commune = structures.find(s(porteur)).orElseThrow().communeInsee();
        Echelle echelle = ideas++ % 3 == 0 ? Echelle.DEPARTEMENT : Echelle.VILLAGE;
        return communs.depositIdea(s(porteur), new CommunData(titre, resume,
                "Besoin identifié lors des rencontres du réseau ESS gardois : " + resume,
                "Les productions seront accessibles et appropriables par toutes et tous.",
                "Un comité de pilotage réunit les structures du groupement une fois par mois ; les décisions sont prises "
                        + "par consentement et la charge est répartie selon les moyens de chacune.", defis, choisis,
                echelle, echelle == Echelle.VILLAGE, false, commune == null ? Set.of() : Set.of(commune),
                "Les outils, guides et comptes rendus seront publiés sous licence libre (CC BY-SA) et présentés lors "
                        + "d'une journée ouverte à toutes et tous."));
    }

    private void group(long communId, String email, String... membres) {
        for (String membre : membres) {
            demoGroupements.insertConfirmedMember(communId, s(membre), RoleGroupement.MEMBRE.name());
        }
    }

    /** As the porteur: its budget (requesting {@code demande} euros) and statuts, then the transmission. */
    private void transmit(long communId, String email, String demande) {
        as(email);
        budgets.prepare(communId, demande);
        groupements.transmit(taskOf(communId, CycleCommunProcess.TASK_CONSTITUER_GROUPEMENT).getId());
    }

    private void instruct(long communId, DecisionInstruction decision, String motif) {
        as(AGENT);
        instructions.take(communId);
        List<fr.communs.instruction.AppreciationCritere> criteres = List.of(
                new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.CONTRIBUTEURS, Appreciation.FAVORABLE,
                        "Groupement équilibré : associations, coopérative et collectivité partenaire."),
                new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.GOUVERNANCE, Appreciation.FAVORABLE, null),
                new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.DEFIS, Appreciation.RESERVE,
                        "Le lien avec le défi est réel mais reste à préciser."),
                new fr.communs.instruction.AppreciationCritere(fr.communs.instruction.Critere.COMMUNS, Appreciation.FAVORABLE, null));
        String taskId = taskOf(communId, CycleCommunProcess.TASK_INSTRUIRE).getId();
        instructions.decide(taskId, decision == DecisionInstruction.COMPLEMENTS
                ? InstructionDecision.complements(criteres, motif,
                        java.util.EnumSet.of(fr.communs.instruction.PartieDossier.GOUVERNANCE, fr.communs.instruction.PartieDossier.PIECES),
                        Dates.today().plusDays(10))
                : InstructionDecision.of(decision, criteres, motif));
        if (decision == DecisionInstruction.RECEVABLE) {
            instructions.saveSyntheseComite(communId, "Groupement complet et ancré dans le Gard (trois structures de "
                    + "l'ESS, dont le porteur administratif). Le projet répond au défi choisi ; le lien reste à préciser "
                    + "en audition.\nPoints à creuser en séance : la gouvernance partagée et l'ouverture des productions "
                    + "à d'autres territoires.");
        }
    }

    private void vote(long communId, ResultatVote resultat, String montant) {
        as(AGENT2);
        assemblee.recordVote(taskOf(communId, CycleCommunProcess.TASK_VOTE_ASSEMBLEE).getId(),
                new VoteAssemblee(resultat, montant == null ? null : new BigDecimal(montant), Dates.today().minusDays(1)));
    }

    private void livrable(long communId, String email) {
        as(email);
        livrables.deposit(taskOf(communId, CycleCommunProcess.TASK_DEPOSER_LIVRABLE).getId(), new LivrableData(
                "Guide « Organiser un festival en commun »", "https://acte.bio",
                "Un guide pratique de 30 pages, sous licence libre, qui décrit notre manière de coopérer.",
                "Le délai de dépôt était court ; les rencontres du réseau nous ont aidés à trouver nos partenaires."));
    }

    private Task taskOf(long communId, String key) {
        return awaitTask(() -> engineTasks.createTaskQuery().processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .taskDefinitionKey(key).singleResult());
    }

    /**
     * Runs the commun's asynchronous continuations (the comité's convocation) now: application runners run before
     * Camunda's job executor starts.
     */
    private void runJobs(long communId) {
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey(CycleCommunProcess.KEY).processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .singleResult().getId();
        management.createJobQuery().processInstanceId(pid).executable().messages().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    /** Waits for a task. */
    private static Task awaitTask(Supplier<Task> query) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Task task = query.get();
            if (task != null) {
                return task;
            }
            pause();
        }
        throw new IllegalStateException("Tâche de démonstration introuvable");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private AppUser as(String email) {
        AppUser user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return user;
    }
}
