package fr.communs.demo;

import fr.communs.base.Dates;
import fr.communs.comite.contribution.ContributeurComite;
import fr.communs.comite.contribution.ContributionComite;
import fr.communs.comite.contribution.ContributionComiteData;
import fr.communs.comite.contribution.ContributionComiteService;
import fr.communs.comite.contribution.TypeContributionComite;
import fr.communs.comite.deliberation.AvisSeance;
import fr.communs.comite.deliberation.AvisSeanceService;
import fr.communs.comite.deport.DeportService;
import fr.communs.comite.membre.College;
import fr.communs.comite.membre.Membre;
import fr.communs.comite.membre.MembreData;
import fr.communs.comite.membre.MembreService;
import fr.communs.comite.notation.Critere;
import fr.communs.comite.notation.FicheNotation;
import fr.communs.comite.notation.NoteCritere;
import fr.communs.comite.notation.NotationService;
import fr.communs.comite.seance.Creneau;
import fr.communs.comite.seance.MembreSeance;
import fr.communs.comite.seance.Presence;
import fr.communs.comite.seance.SeanceData;
import fr.communs.comite.seance.SeanceService;
import fr.communs.demo.internal.JooqDemoSeances;
import fr.communs.processes.CycleCommunProcess;
import fr.communs.security.AccountService;
import fr.communs.security.AppUser;
import fr.communs.security.Roles;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The comité's part of the demo data, through the services as the people concerned: four members in their collèges
 * (one represents a structure of the directory, hence recused automatically from its files; one declares a conflict),
 * a séance held three weeks ago and closed (scores, a strong disagreement, avis, contributions in each state, its PV),
 * a séance open today (scores in progress, an avis to record) and a séance in preparation in two weeks.
 */
@Component
@Profile("demo")
class DemoComite {
    static final String COMITE3 = "comite3@communs.test";
    static final String COMITE4 = "comite4@communs.test";

    private final AccountService accounts;
    private final MembreService membres;
    private final SeanceService seances;
    private final NotationService notations;
    private final AvisSeanceService avis;
    private final ContributionComiteService contributions;
    private final DeportService deports;
    private final TaskService engineTasks;
    private final JooqDemoSeances demoSeances;
    private final Map<String, String> emailsByCamundaId = new HashMap<>();

    DemoComite(AccountService accounts, MembreService membres, SeanceService seances, NotationService notations,
               AvisSeanceService avis, ContributionComiteService contributions, DeportService deports,
               TaskService engineTasks, JooqDemoSeances demoSeances) {
        this.accounts = accounts;
        this.membres = membres;
        this.seances = seances;
        this.notations = notations;
        this.avis = avis;
        this.contributions = contributions;
        this.deports = deports;
        this.engineTasks = engineTasks;
        this.demoSeances = demoSeances;
    }

    /** The files the demo takes through the comité. */
    record Dossiers(long acte, long tnt, long nourricier, long alimentation, long biodiversite, long fils, long festival,
                    long foret) {
    }

    /** The members: two accounts created by the loader, two more here; collège and organisation set by the admin. */
    void membres(Function<String, AppUser> as, ToLongFunction<String> structure) {
        as.apply(DemoDataLoader.ADMIN);
        accounts.createAccount(COMITE3, DemoDataLoader.PASSWORD, "Lucie Moreau", Roles.COMITE, List.of());
        accounts.createAccount(COMITE4, DemoDataLoader.PASSWORD, "Marc Vidal", Roles.COMITE, List.of());
        membre(DemoDataLoader.COMITE1, College.ELU, null, "Conseil départemental du Gard");
        membre(DemoDataLoader.COMITE2, College.ACTEUR_ESS, structure.applyAsLong("MIESS 30"), null);
        membre(COMITE3, College.ACTEUR_ESS, null, "France Active Airdie Occitanie");
        membre(COMITE4, College.COMITE_PILOTAGE, structure.applyAsLong("Réseau des tiers lieux et lieux hybrides du Gard"), null);
        for (String email : List.of(DemoDataLoader.COMITE1, DemoDataLoader.COMITE2, COMITE3, COMITE4)) {
            emailsByCamundaId.put(accounts.loadUserByUsername(email).camundaId(), email);
        }
    }

    private void membre(String email, College college, Long structureId, String organisation) {
        Membre m = membres.membres().stream().filter(x -> x.email().equals(email)).findFirst().orElseThrow();
        membres.modifier(m.id(), m.version(), new MembreData(college, structureId, organisation, m.actifDu(), null));
    }

    /**
     * The séance held three weeks ago: Hélène Martin declared a conflict on « Accès équitable… », Karim Benali (MIESS 30)
     * is recused from the MIESS files, Marc Vidal absent; every file scored, its avis given, contributions proposed;
     * closed. The files then wait for the Assemblée.
     */
    void seanceClose(Dossiers d, Function<String, AppUser> as, LongConsumer runJobs) {
        as.apply(DemoDataLoader.AGENT);
        long[] ordre = {d.acte(), d.tnt(), d.nourricier(), d.alimentation(), d.biodiversite()};
        long seanceId = seances.create(new SeanceData(demain(14, 0),
                "Hôtel du Département, salle des commissions, 3 rue Guillemette, Nîmes", null, creneaux(demain(14, 0), ordre)));
        as.apply(DemoDataLoader.COMITE1);
        deports.declarer(d.alimentation(), "Je suis bénévole à la Ressourcerie de Nîmes, qui porte ce dossier.");
        ouvrir(seanceId, Map.of(COMITE4, Presence.ABSENT), as);
        int[][] profils = {{4, 4, 5, 4}, {3, 4, 3, 4}, {5, 4, 4, 5}, {2, 3, 3, 2}, {4, 3, 4, 4}};
        for (int i = 0; i < ordre.length; i++) {
            noterTout(ordre[i], profils[i], i == 3, as, runJobs);
        }
        as.apply(DemoDataLoader.AGENT2);
        avisSur(d.acte(), new AvisSeance(AvisSeance.Type.FAVORABLE, "Un commun exemplaire : le festival et son guide "
                + "seront réutilisables par d'autres territoires.", null, new BigDecimal("12000")));
        avisSur(d.tnt(), new AvisSeance(AvisSeance.Type.RESERVE, "Lieu structurant pour la transition à Nîmes.",
                "Préciser la gouvernance partagée entre la Ressourcerie et les autres membres avant la convention.",
                new BigDecimal("15000")));
        avisSur(d.nourricier(), new AvisSeance(AvisSeance.Type.FAVORABLE, "Projet ancré dans son territoire rural, "
                + "ouvert à toutes et tous.", null, new BigDecimal("8000")));
        avisSur(d.alimentation(), new AvisSeance(AvisSeance.Type.FAVORABLE, "Le comité a débattu du caractère de commun "
                + "(désaccord sur le critère « communs ») ; avis favorable pour une première phase.", null,
                new BigDecimal("5000")));
        avisSur(d.biodiversite(), new AvisSeance(AvisSeance.Type.FAVORABLE, "Une dynamique participative utile à "
                + "plusieurs communes.", null, new BigDecimal("10000")));

        as.apply(DemoDataLoader.AGENT);
        long acte = contributions.record(d.acte(), new ContributionComiteData(ContributeurComite.DEPARTEMENT, null, null,
                TypeContributionComite.MISE_EN_RELATION, "Mise en relation avec le service Culture et patrimoine pour la "
                        + "programmation au château d'Espeyran.", Dates.today().plusDays(30), seanceId));
        long tnt = contributions.record(d.tnt(), new ContributionComiteData(ContributeurComite.ORGANISATION_MEMBRE,
                accounts.loadUserByUsername(COMITE4).id(), null, TypeContributionComite.HUMAINE,
                "Deux journées d'accompagnement à la gouvernance partagée par le Réseau des tiers lieux.",
                Dates.today().plusDays(45), seanceId));
        contributions.record(d.nourricier(), new ContributionComiteData(ContributeurComite.DEPARTEMENT, null, null,
                TypeContributionComite.MATERIELLE, "Prêt de l'exposition départementale « Biodiversité du Gard » pour la "
                        + "journée portes ouvertes.", Dates.today().plusDays(60), seanceId));
        long alimentation = contributions.record(d.alimentation(), new ContributionComiteData(ContributeurComite.DEPARTEMENT,
                null, null, TypeContributionComite.TECHNIQUE, "Appui de la direction de l'agriculture pour un diagnostic "
                        + "des circuits d'approvisionnement.", null, seanceId));
        long biodiversite = contributions.record(d.biodiversite(), new ContributionComiteData(
                ContributeurComite.ORGANISATION_MEMBRE, accounts.loadUserByUsername(COMITE3).id(), null,
                TypeContributionComite.TECHNIQUE, "Diagnostic du modèle économique par France Active Airdie Occitanie.",
                Dates.today().plusDays(20), seanceId));
        as.apply("porteur1@communs.test");
        contributions.accept(acte, version(d.acte(), acte));
        as.apply("porteur2@communs.test");
        contributions.accept(tnt, version(d.tnt(), tnt));
        contributions.decline(alimentation, version(d.alimentation(), alimentation),
                "Nous avons déjà un partenariat avec la chambre d'agriculture sur ce point.");
        as.apply("porteur8@communs.test");
        contributions.accept(biodiversite, version(d.biodiversite(), biodiversite));
        as.apply(DemoDataLoader.AGENT);
        contributions.markDone(acte, version(d.acte(), acte));
        contributions.abandon(biodiversite, version(d.biodiversite(), biodiversite),
                "La conseillère de France Active a quitté ses fonctions ; le diagnostic sera reproposé à la prochaine séance.");

        seances.clore(seanceId);
        for (long communId : ordre) {
            runJobs.accept(communId);
        }
        demoSeances.decaler(seanceId, 22, true);
    }

    /**
     * The séance open today: FILS METIS scored by the three present members (its avis to record); Festival Mouvement(é)
     * scored by Lucie Moreau only (Hélène Martin's task is open; Karim Benali, MIESS 30, is recused).
     */
    void seanceOuverte(Dossiers d, Function<String, AppUser> as, LongConsumer runJobs) {
        as.apply(DemoDataLoader.AGENT);
        long[] ordre = {d.fils(), d.festival()};
        long seanceId = seances.create(new SeanceData(demain(9, 30), null, "https://visio.gard.fr/comite-des-communs",
                creneaux(demain(9, 30), ordre)));
        ouvrir(seanceId, Map.of(COMITE4, Presence.EXCUSE), as);
        noterTout(d.fils(), new int[] {4, 3, 4, 3}, false, as, runJobs);
        for (Task t : notationTasks(d.festival())) {
            if (COMITE3.equals(emailsByCamundaId.get(t.getAssignee()))) {
                noter(t, new int[] {4, 4, 3, 4}, 0, as);
            }
        }
        runJobs.accept(d.festival());
        demoSeances.decaler(seanceId, 1, false);
        // The tasks follow the séance moved to today: scoring due at its start, the avis a week later.
        java.util.Date debut = java.util.Date.from(demain(9, 30).minusDays(1).atZone(Dates.ZONE).toInstant());
        for (long communId : ordre) {
            for (Task t : engineTasks.createTaskQuery().processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                    .taskDefinitionKeyIn(CycleCommunProcess.TASK_NOTER_SEANCE, CycleCommunProcess.TASK_AVIS_SEANCE).list()) {
                t.setDueDate(CycleCommunProcess.TASK_NOTER_SEANCE.equals(t.getTaskDefinitionKey()) ? debut
                        : CycleCommunProcess.avisComiteDate(debut));
                engineTasks.saveTask(t);
            }
        }
    }

    /** The séance in preparation in two weeks: the Forêt d'Aubais convoqué (Karim Benali recused: MIESS 30). */
    void seanceEnPreparation(Dossiers d, Function<String, AppUser> as) {
        as.apply(DemoDataLoader.AGENT);
        LocalDateTime debut = Dates.today().plusDays(14).atTime(14, 0);
        seances.create(new SeanceData(debut, "Maison de l'ESS, 12 rue Michelet, Alès", null,
                creneaux(debut, new long[] {d.foret()})));
    }

    private static LocalDateTime demain(int heure, int minute) {
        return Dates.today().plusDays(1).atTime(heure, minute);
    }

    private static List<Creneau> creneaux(LocalDateTime debut, long[] communIds) {
        List<Creneau> ordre = new ArrayList<>();
        for (int i = 0; i < communIds.length; i++) {
            ordre.add(new Creneau(communIds[i], debut.plusMinutes(40L * i), 40));
        }
        return ordre;
    }

    private void ouvrir(long seanceId, Map<String, Presence> exceptions, Function<String, AppUser> as) {
        as.apply(DemoDataLoader.AGENT);
        Map<Long, Presence> presences = new LinkedHashMap<>();
        for (MembreSeance m : seances.membres(seanceId)) {
            presences.put(m.membreId(), Presence.PRESENT);
        }
        exceptions.forEach((email, p) -> presences.put(accounts.loadUserByUsername(email).id(), p));
        seances.enregistrerPresences(seanceId, presences);
        seances.ouvrir(seanceId);
    }

    /** Every open scoring task of the file, each member around {@code profil}; {@code desaccord}: 1 and 4 on criterion 4. */
    private void noterTout(long communId, int[] profil, boolean desaccord, Function<String, AppUser> as,
                           LongConsumer runJobs) {
        int n = 0;
        for (Task t : notationTasks(communId)) {
            int[] notes = profil.clone();
            if (desaccord) {
                notes[3] = n == 0 ? 1 : 4;
            }
            noter(t, notes, n++ % 2, as);
            runJobs.accept(communId);
        }
    }

    private void noter(Task t, int[] notes, int decalage, Function<String, AppUser> as) {
        as.apply(emailsByCamundaId.get(t.getAssignee()));
        FicheNotation fiche = notations.fiche(t.getId());
        List<NoteCritere> saisie = new ArrayList<>();
        int i = 0;
        for (Critere c : fiche.grille()) {
            int note = Math.max(0, Math.min(c.noteMax(), notes[i % notes.length] - (i == 1 ? decalage : 0)));
            saisie.add(new NoteCritere(c.id(), note, i == 0 ? "Groupement solide et complémentaire." : null));
            i++;
        }
        notations.soumettre(t.getId(), saisie);
    }

    private List<Task> notationTasks(long communId) {
        return engineTasks.createTaskQuery().processDefinitionKey(CycleCommunProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .taskDefinitionKey(CycleCommunProcess.TASK_NOTER_SEANCE).orderByTaskAssignee().asc().list();
    }

    private void avisSur(long communId, AvisSeance a) {
        Task t = engineTasks.createTaskQuery().processDefinitionKey(CycleCommunProcess.KEY)
                .processInstanceBusinessKey(CycleCommunProcess.businessKey(communId))
                .taskDefinitionKey(CycleCommunProcess.TASK_AVIS_SEANCE).singleResult();
        if (t == null) {
            throw new IllegalStateException("Tâche de démonstration introuvable : avis du comité sur le dossier " + communId);
        }
        avis.enregistrer(t.getId(), a);
    }

    private int version(long communId, long contributionId) {
        return contributions.ofCommun(communId).stream().filter(c -> c.id() == contributionId)
                .map(ContributionComite::version).findFirst().orElseThrow();
    }
}
