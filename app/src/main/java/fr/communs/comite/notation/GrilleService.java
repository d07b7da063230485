package fr.communs.comite.notation;

import fr.communs.base.Checks;
import fr.communs.base.ValidationException;
import fr.communs.campagne.CampagneCreee;
import fr.communs.comite.notation.internal.JooqNotationRepository;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comité's scoring grid, a setting of each campagne: criteria, weights and scale. Every new campagne gets the
 * call's four criteria scored from 0 to 5 with equal weights; an administrator may change it until a member has scored
 * with it (the scores already given would no longer mean the same thing).
 */
@Service
public class GrilleService {
    public static final int LIBELLE_MAX = 300;
    public static final int CRITERES_MAX = 10;
    public static final int POIDS_MAX = 100;
    public static final int NOTE_MAX = 20;
    /** The call's four criteria (appel à communs du Gard), 0 to 5, weight 1. */
    public static final List<CritereData> PAR_DEFAUT = List.of(
            new CritereData("Nombre et typologie des contributeurs", 1, 5),
            new CritereData("Gouvernance démocratique, coopérative et transparente", 1, 5),
            new CritereData("Pertinence des projets en lien avec les défis", 1, 5),
            new CritereData("Pertinence de la proposition relativement à la notion de communs", 1, 5));

    private final JooqNotationRepository notations;
    private final CurrentUser currentUser;

    GrilleService(JooqNotationRepository notations, CurrentUser currentUser) {
        this.notations = notations;
        this.currentUser = currentUser;
    }

    /** The grid of a campagne (any signed-in person: members read it before the séance, groupements may ask). */
    @Transactional(readOnly = true)
    public List<Critere> grille(long campagneId) {
        currentUser.require();
        return notations.grille(campagneId);
    }

    /** Whether the grid can still change: nobody has scored with it yet. */
    @Transactional(readOnly = true)
    public boolean modifiable(long campagneId) {
        currentUser.requireRole(Roles.ADMIN);
        return !notations.aDesNotations(campagneId);
    }

    /** An administrator replaces the campagne's grid (refused, unchanged, once a member has scored with it). */
    @Transactional
    public void enregistrer(long campagneId, List<CritereData> criteres) {
        currentUser.requireRole(Roles.ADMIN);
        Checks checks = Checks.start();
        checks.check(criteres != null && !criteres.isEmpty(), "Ajoutez au moins un critère à la grille.").orThrow();
        checks.check(criteres.size() <= CRITERES_MAX, "La grille compte au plus " + CRITERES_MAX + " critères.");
        List<CritereData> propres = new ArrayList<>();
        Set<String> libelles = new HashSet<>();
        int n = 1;
        for (CritereData c : criteres) {
            String nom = "critère " + n++;
            if (c == null) {
                checks.check(false, "Le " + nom + " est vide.");
                continue;
            }
            checks.required(c.libelle(), "Intitulé du " + nom, LIBELLE_MAX)
                    .notNull(c.poids(), "Poids du " + nom)
                    .notNull(c.noteMax(), "Note maximale du " + nom);
            checks.check(c.poids() == null || (c.poids() >= 1 && c.poids() <= POIDS_MAX),
                    "Le poids du " + nom + " est un nombre entier de 1 à " + POIDS_MAX + ".");
            checks.check(c.noteMax() == null || (c.noteMax() >= 1 && c.noteMax() <= NOTE_MAX),
                    "La note maximale du " + nom + " est un nombre entier de 1 à " + NOTE_MAX + ".");
            String libelle = Checks.clean(c.libelle());
            checks.check(libelle == null || libelles.add(libelle.toLowerCase(Locale.FRENCH)),
                    "Deux critères portent le même intitulé : « " + libelle + " ».");
            propres.add(new CritereData(libelle, c.poids(), c.noteMax()));
        }
        checks.orThrow();
        notations.lockCampagne(campagneId);
        if (notations.aDesNotations(campagneId)) {
            throw new ValidationException("Des membres du comité ont déjà noté avec cette grille : elle ne se modifie "
                    + "plus pour cet appel (les notes déjà données ne voudraient plus dire la même chose).");
        }
        notations.remplacerGrille(campagneId, propres);
    }

    /** The quorum of the campagne's séances, in percent of the active members (agents, members, administrators). */
    @Transactional(readOnly = true)
    public int quorumPourcent(long campagneId) {
        currentUser.require();
        return notations.quorumPourcent(campagneId);
    }

    /**
     * An administrator sets the quorum (a whole percentage from 1 to 100 of the members active on the séance's day,
     * counted per file after recusals); refused while a séance of the appel is open (its quorums are in use).
     */
    @Transactional
    public void enregistrerQuorum(long campagneId, Integer pourcent) {
        currentUser.requireRole(Roles.ADMIN);
        Checks.start().notNull(pourcent, "Quorum")
                .check(pourcent == null || (pourcent >= 1 && pourcent <= 100),
                        "Le quorum est un pourcentage entier de 1 à 100 des membres actifs.").orThrow();
        notations.lockCampagne(campagneId);
        if (notations.seanceOuverte(campagneId)) {
            throw new ValidationException("Une séance de cet appel est ouverte : le quorum se change après sa clôture.");
        }
        notations.setQuorumPourcent(campagneId, pourcent);
    }

    /** A new campagne gets the call's four criteria (same transaction as its creation). */
    @EventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void onCampagneCreee(CampagneCreee event) {
        notations.remplacerGrille(event.campagneId(), PAR_DEFAUT);
    }
}
