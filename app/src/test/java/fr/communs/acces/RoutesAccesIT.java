package fr.communs.acces;

import static fr.communs.acces.Persona.ADMIN;
import static fr.communs.acces.Persona.ANONYME;
import static fr.communs.acces.Persona.AUTRE_AGENT;
import static fr.communs.acces.Persona.COMITE;
import static fr.communs.acces.Persona.COMITE_RECUSE;
import static fr.communs.acces.Persona.HORS_GROUPEMENT;
import static fr.communs.acces.Persona.INSTRUCTEUR;
import static fr.communs.acces.Persona.MEMBRE;
import static fr.communs.acces.Persona.REFERENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.support.Fixtures;
import fr.communs.support.Views;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;

/**
 * The access matrix of the screens: every route the code declares ({@code @Route} and {@code @RouteAlias} found on
 * the class path, so a new screen without a row here fails) × the nine personas, with the answer each must get.
 *
 * <p>Each cell is checked the way Vaadin itself decides, without a browser: first Vaadin's own
 * {@link AccessAnnotationChecker} on the view's {@code @AnonymousAllowed} / {@code @PermitAll} / {@code @RolesAllowed}
 * for that person (refused: an anonymous visitor is sent to the login page, anyone else gets "page introuvable");
 * then the view is built by Spring and entered with the route's parameters as the router would, as that person: a
 * {@code NotFoundException}, a refusal from a service, a forward elsewhere (to "Mes tâches", to the list…) or a page
 * that does not show the object's marker (its title, the file name of a piece, a message's text) is a refusal.
 */
@SpringBootTest
@ActiveProfiles("test")
class RoutesAccesIT {
    @Autowired ApplicationContext context;
    @Autowired Fixtures fx;
    /** Held here: Vaadin keeps the current UI through a weak reference only. */
    UI ui;

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        fx.logout();
    }

    /** One row: a route, the object its parameters name, what proves the object is shown, and the answers. */
    record Ligne(String route, String objet, Map<String, ToLongOrString> parametres, Function<Monde, String> marqueur,
                 String forwardAccepte, Map<Persona, Attendu> attendu) {
    }

    interface ToLongOrString extends Function<Monde, String> {
    }

    static final class Builder {
        private final String route;
        private final String objet;
        private final Map<String, ToLongOrString> parametres = new LinkedHashMap<>();
        private Function<Monde, String> marqueur;
        private String forwardAccepte;
        private final Map<Persona, Attendu> attendu = new EnumMap<>(Persona.class);
        private boolean anonymeRefuse;

        Builder(String route, String objet) {
            this.route = route;
            this.objet = objet;
            for (Persona p : Persona.values()) {
                attendu.put(p, Attendu.NON);
            }
        }

        Builder id(String nom, ToLongFunction<Monde> valeur) {
            parametres.put(nom, m -> String.valueOf(valeur.applyAsLong(m)));
            return this;
        }

        Builder tache(Function<Monde, String> valeur) {
            parametres.put("taskId", valeur::apply);
            return this;
        }

        Builder token() {
            parametres.put("token", m -> "jeton-inconnu");
            return this;
        }

        /** The page must show this text (or a grid row containing it) for the answer to count as "shown". */
        Builder marqueur(Function<Monde, String> m) {
            marqueur = m;
            return this;
        }

        /** A forward to this address (the view hands over to another screen for the same object) counts as shown. */
        Builder forward(String prefixe) {
            forwardAccepte = prefixe;
            return this;
        }

        Ligne ok(Persona... personas) {
            for (Persona p : personas) {
                attendu.put(p, Attendu.OK);
            }
            if (attendu.get(ANONYME) == Attendu.NON && !anonymeRefuse) {
                attendu.put(ANONYME, Attendu.CONNEXION);
            }
            return new Ligne(route, objet, parametres, marqueur, forwardAccepte, attendu);
        }

        Ligne tous() {
            return ok(Persona.values());
        }

        /** Anonymous visitors get "not found" rather than the login page (a public route, the object hidden). */
        Builder anonymeRefuse() {
            anonymeRefuse = true;
            return this;
        }
    }

    static Builder route(String route, String objet) {
        return new Builder(route, objet);
    }

    /** Shown by the budget screen only with the budget (a refusal shows the service's message instead). */
    static final String BUDGET_MONTRE = "dépenses et ressources ligne par ligne";

    static final Persona[] CONNECTES = {MEMBRE, HORS_GROUPEMENT, INSTRUCTEUR, AUTRE_AGENT, REFERENT, COMITE, COMITE_RECUSE, ADMIN};
    static final Persona[] STRUCTURES = {MEMBRE, HORS_GROUPEMENT};
    static final Persona[] SERVICE = {INSTRUCTEUR, AUTRE_AGENT};

    /**
     * The table. Rules of the issue: the back office (files list, verification queue, instruction, comité and vote
     * tasks) belongs to the agents of the service; a référent sees only the files where their avis was asked and their
     * avis task; a comité member reads only the files of their séances (where they have an audition task); a recused
     * one none; drafts, messages and pieces stay inside the groupement (and the Département for transmitted files).
     */
    static List<Ligne> table() {
        String commun = "communs/:communId([0-9]{1,18})";
        return List.of(
                route("", "accueil").tous(),
                route("communs", "liste publique").tous(),
                route("carte", "carte").tous(),
                route("structures", "annuaire").tous(),
                route("inscription", "-").tous(),
                route("login", "-").tous(),
                route("mot-de-passe-oublie", "-").tous(),
                route("confirmation/:token", "jeton inconnu").token().tous(),
                route("mot-de-passe/:token", "jeton inconnu").token().tous(),
                route("structures/:structureId([0-9]{1,18})", "structure porteuse").id("structureId", m -> m.porteurStructure).tous(),
                route("structures/:structureId([0-9]{1,18})/modifier", "structure porteuse")
                        .id("structureId", m -> m.porteurStructure).ok(MEMBRE),
                route("structures/nouvelle", "-").ok(STRUCTURES),
                route("mes-structures", "-").ok(STRUCTURES),
                route("mes-communs", "-").ok(STRUCTURES),
                route("deposer", "-").ok(STRUCTURES),
                route("taches", "mes tâches").ok(CONNECTES),
                route("notifications", "-").ok(CONNECTES),
                route("verifications", "file de vérification").ok(SERVICE),
                route("admin/courriels", "-").ok(ADMIN),
                route("admin/campagne", "-").ok(ADMIN),
                route("admin/comite", "-").ok(ADMIN),
                route("admin/comite/grille", "-").ok(ADMIN),
                // The comité's séances: agents of the service and comité members (a member lists the séances they are
                // convoked to; a recusal hides files, not the séance).
                route("seances", "séances du comité").ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, COMITE_RECUSE),
                route(commun, "commun en instruction").id("communId", m -> m.enInstruction)
                        .marqueur(m -> m.titres.get(m.enInstruction)).tous(),
                route(commun, "brouillon").id("communId", m -> m.brouillon).marqueur(m -> m.brouillonTitre)
                        .anonymeRefuse().ok(MEMBRE),
                route(commun + "/modifier", "brouillon").id("communId", m -> m.brouillon).ok(MEMBRE),
                route(commun + "/modifier", "commun en instruction").id("communId", m -> m.enInstruction)
                        .marqueur(m -> m.titres.get(m.enInstruction)).ok(),
                route(commun + "/pieces", "commun en instruction").id("communId", m -> m.enInstruction)
                        .marqueur(m -> Monde.PIECE).ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, REFERENT, ADMIN),
                route(commun + "/pieces", "commun au comité").id("communId", m -> m.auComite)
                        .marqueur(m -> Monde.PIECE).ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, COMITE, ADMIN),
                route(commun + "/messages", "commun en instruction").id("communId", m -> m.enInstruction)
                        .marqueur(m -> Monde.MESSAGE).ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, ADMIN),
                route(commun + "/budget", "commun en instruction").id("communId", m -> m.enInstruction)
                        .marqueur(m -> BUDGET_MONTRE).ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, REFERENT, ADMIN),
                route(commun + "/budget", "brouillon").id("communId", m -> m.brouillon).marqueur(m -> BUDGET_MONTRE).ok(MEMBRE),
                route(commun + "/budget", "commun au comité").id("communId", m -> m.auComite)
                        .marqueur(m -> BUDGET_MONTRE).ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT, COMITE, ADMIN),
                route("dossiers", "liste des dossiers (dont un où le référent n'est pas consulté)")
                        .marqueur(m -> m.titres.get(m.auComite)).ok(SERVICE),
                route("dossiers/:communId([0-9]{1,18})", "dossier en instruction (avis du référent demandé)")
                        .id("communId", m -> m.enInstruction).marqueur(m -> m.titres.get(m.enInstruction))
                        .ok(INSTRUCTEUR, AUTRE_AGENT, REFERENT),
                route("dossiers/:communId([0-9]{1,18})", "dossier au comité (référent non consulté)")
                        .id("communId", m -> m.auComite).marqueur(m -> m.titres.get(m.auComite)).ok(SERVICE),
                route("dossiers/:communId([0-9]{1,18})/contributions-comite", "contributions du comité au dossier")
                        .id("communId", m -> m.auComite).marqueur(m -> m.titres.get(m.auComite)).ok(SERVICE),
                route("taches/groupement/:taskId", "constituer le groupement").tache(m -> m.tacheGroupement).ok(MEMBRE),
                route("taches/complements/:taskId", "compléter le dossier").tache(m -> m.tacheComplements).ok(MEMBRE),
                route("taches/livrable/:taskId", "déposer le livrable").tache(m -> m.tacheLivrable).ok(MEMBRE),
                route("taches/instruction/:taskId", "instruire (pris par l'instructeur)").tache(m -> m.tacheInstruction)
                        .forward("dossiers/").ok(INSTRUCTEUR),
                route("taches/avis/:taskId", "avis du référent").tache(m -> m.tacheAvisReferent).ok(REFERENT),
                // The screens of the comité before séances serve files still on the former definition only: a task of
                // the séance flow is refused there (CycleCommunComiteSansSeanceTest, legacy views).
                route("taches/audition/:taskId", "notation en séance sur l'ancien écran").tache(m -> m.tacheAudition).ok(),
                route("taches/avis-comite/:taskId", "avis en séance sur l'ancien écran").tache(m -> m.tacheAvisComite).ok(),
                route("taches/notation/:taskId", "notation du membre du comité").tache(m -> m.tacheAudition).ok(COMITE),
                route("taches/avis-seance/:taskId", "avis du comité en séance").tache(m -> m.tacheAvisComite).ok(SERVICE),
                // What a member reads before the audition: the service and the members of the séance, not recused.
                route("comite/dossiers/:communId([0-9]{1,18})", "dossier au comité").id("communId", m -> m.auComite)
                        .marqueur(m -> "Synthèse de l'instruction pour le comité").ok(INSTRUCTEUR, AUTRE_AGENT, COMITE),
                // The séance's page: agents and members (the recused member sees the agenda, marked déporté(e)).
                route("seances/:seanceId([0-9]{1,18})", "séance ouverte").id("seanceId", m -> m.seanceOuverte)
                        .marqueur(m -> m.titres.get(m.auComite)).ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, COMITE_RECUSE),
                // The scores of a file: the service and the members who scored it; never the recused member.
                route("comite/seances/:seanceId([0-9]{1,18})/dossiers/:communId([0-9]{1,18})", "notes d'un dossier de la séance close")
                        .id("seanceId", m -> m.seance).id("communId", m -> m.aLAssemblee)
                        .marqueur(m -> m.titres.get(m.aLAssemblee)).ok(INSTRUCTEUR, AUTRE_AGENT, COMITE),
                // A member's recusal from one file of the séance hides that file only (ResultatsEtProcesVerbalIT).
                route("comite/seances/:seanceId([0-9]{1,18})/resultats", "séance close (commun à l'Assemblée)")
                        .id("seanceId", m -> m.seance).marqueur(m -> m.titres.get(m.aLAssemblee))
                        .ok(INSTRUCTEUR, AUTRE_AGENT, COMITE, COMITE_RECUSE),
                route(commun + "/avis-comite", "commun à l'Assemblée").id("communId", m -> m.aLAssemblee)
                        .marqueur(m -> m.titres.get(m.aLAssemblee)).ok(MEMBRE, INSTRUCTEUR, AUTRE_AGENT),
                route("taches/vote-assemblee/:taskId", "vote de l'Assemblée").tache(m -> m.tacheVote).ok(SERVICE));
    }

    /** Every route of the application with the view that answers it, from the annotations on the class path. */
    static Map<String, Class<?>> routesDuCode() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(RouteAlias.class));
        Map<String, Class<?>> routes = new java.util.TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("fr.communs")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (type.getName().startsWith("fr.communs.acces.") || !type.getProtectionDomain().getCodeSource()
                    .getLocation().getPath().contains("/classes/") || type.getProtectionDomain().getCodeSource()
                    .getLocation().getPath().contains("/test-classes/")) {
                continue;
            }
            Route route = type.getAnnotation(Route.class);
            if (route != null) {
                routes.put(route.value(), type);
            }
            for (RouteAlias alias : type.getAnnotationsByType(RouteAlias.class)) {
                routes.put(alias.value(), type);
            }
        }
        return routes;
    }

    @Test
    void every_route_of_the_code_has_a_row_in_the_matrix_and_every_row_a_route() {
        Map<String, Class<?>> routes = routesDuCode();
        var dansLaTable = table().stream().map(Ligne::route).collect(Collectors.toCollection(TreeSet::new));
        var sansRegle = new TreeSet<>(routes.keySet());
        sansRegle.removeAll(dansLaTable);
        assertThat(sansRegle).as("Routes sans règle d'accès dans RoutesAccesIT.table() : ajoutez une ligne par route "
                + "(qui voit quoi, pour chaque persona)").isEmpty();
        var disparues = new TreeSet<>(dansLaTable);
        disparues.removeAll(routes.keySet());
        assertThat(disparues).as("Lignes de la matrice pour des routes qui n'existent plus").isEmpty();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void every_route_answers_each_persona_as_the_matrix_says() {
        Monde monde = Monde.of(context);
        Map<String, Class<?>> routes = routesDuCode();
        List<String> ecarts = new ArrayList<>();
        int cellules = 0;
        for (Ligne ligne : table()) {
            Class<?> vue = routes.get(ligne.route());
            if (vue == null) {
                continue;
            }
            for (Persona persona : Persona.values()) {
                cellules++;
                Attendu obtenu;
                String detail;
                try {
                    var reponse = entrer(monde, ligne, vue, persona);
                    obtenu = reponse.attendu;
                    detail = reponse.detail;
                } catch (RuntimeException e) {
                    obtenu = null;
                    detail = "erreur " + e;
                }
                if (obtenu != ligne.attendu().get(persona)) {
                    ecarts.add(String.format("%s (%s) × %s : attendu %s, obtenu %s%s", ligne.route(), ligne.objet(),
                            persona.libelle, ligne.attendu().get(persona), obtenu, detail == null ? "" : " — " + detail));
                }
            }
        }
        assertThat(cellules).isGreaterThanOrEqualTo(35 * Persona.values().length);
        assertThat(ecarts).as("Écarts à la matrice d'accès des écrans").isEmpty();
    }

    record Reponse(Attendu attendu, String detail) {
    }

    private Reponse entrer(Monde monde, Ligne ligne, Class<?> vue, Persona persona) {
        fx.logout();
        if (persona != ANONYME) {
            fx.as(monde.email(persona));
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var user = auth == null ? null : (fr.communs.security.AppUser) auth.getPrincipal();
        boolean annotations = new AccessAnnotationChecker().hasAccess(vue, auth,
                role -> user != null && role.equals(user.role()));
        if (!annotations) {
            return new Reponse(persona == ANONYME ? Attendu.CONNEXION : Attendu.NON, "refusé par les annotations de la vue");
        }
        ui = new UI();
        UI.setCurrent(ui);
        Map<String, String> valeurs = new LinkedHashMap<>();
        ligne.parametres().forEach((nom, f) -> valeurs.put(nom, f.apply(monde)));
        String chemin = ligne.route().replaceAll("\\([^)]*\\)", "");
        for (var e : valeurs.entrySet()) {
            chemin = chemin.replace(":" + e.getKey(), e.getValue());
        }
        Component view;
        try {
            view = (Component) context.getAutowireCapableBeanFactory().createBean(vue);
            if (view instanceof BeforeEnterObserver observer) {
                Router router = new Router(ApplicationRouteRegistry.getInstance(
                        new VaadinServletContext(((WebApplicationContext) context).getServletContext())));
                @SuppressWarnings("unchecked")
                BeforeEnterEvent event = new BeforeEnterEvent(router, NavigationTrigger.PROGRAMMATIC, new Location(chemin),
                        (Class<? extends Component>) vue, new RouteParameters(valeurs), ui, List.of());
                observer.beforeEnter(event);
                // Without a running servlet the route registry is empty: a forward to an address is "unknown".
                String vers = event.hasForwardTarget() ? event.getForwardUrl()
                        : event.hasUnknownForward() ? event.getUnknownForward() : null;
                String ailleurs = vers != null ? "forward " + vers
                        : event.hasRerouteTarget() ? "reroute " + event.getRerouteUrl()
                        : event.hasUnknownReroute() ? "reroute " + event.getUnknownReroute()
                        : event.hasErrorParameter() ? "erreur " + event.getErrorParameter().getCaughtException() : null;
                if (ailleurs != null) {
                    boolean accepte = ligne.forwardAccepte() != null && vers != null
                            && vers.startsWith(ligne.forwardAccepte());
                    return new Reponse(accepte ? Attendu.OK : Attendu.NON, ailleurs);
                }
            }
        } catch (NotFoundException | NotAllowedException | ValidationException e) {
            return new Reponse(Attendu.NON, e.getClass().getSimpleName() + " : " + e.getMessage());
        } catch (org.springframework.beans.factory.BeanCreationException e) {
            Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
            if (cause instanceof NotFoundException || cause instanceof NotAllowedException || cause instanceof ValidationException) {
                return new Reponse(Attendu.NON, cause.getClass().getSimpleName() + " : " + cause.getMessage());
            }
            throw e;
        }
        if (ligne.marqueur() == null) {
            return new Reponse(Attendu.OK, null);
        }
        String marqueur = ligne.marqueur().apply(monde);
        boolean montre = contenu(view).contains(marqueur);
        return new Reponse(montre ? Attendu.OK : Attendu.NON, montre ? null : "l'objet n'est pas montré");
    }

    /** The text of the view and of the rows of its grids (fetched from their data providers, as the browser would). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String contenu(Component view) {
        StringBuilder text = new StringBuilder(Views.text(view));
        Views.descendants(view).filter(Grid.class::isInstance).map(Grid.class::cast).forEach(grid -> {
            try {
                ((java.util.stream.Stream<Object>) grid.getDataProvider().fetch(new Query(0, 1000, List.of(), null, null)))
                        .forEach(item -> text.append('\n').append(item));
            } catch (RuntimeException e) {
                text.append("\n[grille illisible : ").append(e).append(']');
            }
        });
        return text.toString();
    }
}
