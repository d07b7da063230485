package fr.communs.budget;

import fr.communs.base.Checks;
import fr.communs.base.Montants;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.budget.internal.JooqBudgetRepository;
import fr.communs.budget.internal.JooqBudgetRepository.CommunRow;
import fr.communs.budget.internal.JooqBudgetRepository.Saved;
import fr.communs.campagne.Campagne;
import fr.communs.campagne.CampagneService;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The budget prévisionnel of a commun and the amount requested from the Département: typed by the porteur
 * administratif while the groupement is being formed (or during compléments that ask for it), read by the groupement
 * and the Département, frozen with each transmitted version of the file. Only balanced budgets are saved: total des
 * ressources (montant demandé compris) = total des dépenses, at least one expense line, every amount read by
 * {@link Montants} and checked again here.
 */
@Service
public class BudgetService {
    /** Most lines on each side of the budget. */
    public static final int LIGNES_MAX = 30;
    public static final int LIBELLE_MAX = 200;
    public static final String MONTANT_DEMANDE = "Montant demandé au Département";
    /** Name of {@code fr.communs.instruction.PartieDossier.BUDGET}, as stored in {@code instruction.parties_demandees}. */
    static final String PARTIE_BUDGET = "BUDGET";

    private final JooqBudgetRepository budgets;
    private final CampagneService campagnes;
    private final CurrentUser currentUser;
    private final fr.communs.security.DossierAccess access;

    BudgetService(JooqBudgetRepository budgets, CampagneService campagnes, CurrentUser currentUser,
                  fr.communs.security.DossierAccess access) {
        this.access = access;
        this.budgets = budgets;
        this.campagnes = campagnes;
        this.currentUser = currentUser;
    }

    /**
     * The commun's budget for its screen, and whether the caller may change it now: for the structures of the
     * groupement and the Département (agents, comité, administrators).
     */
    @Transactional(readOnly = true)
    public BudgetDuCommun get(long communId) {
        AppUser user = currentUser.require();
        CommunRow commun = budgets.commun(communId).orElseThrow(BudgetService::communInconnu);
        checkReader(user, commun);
        Optional<Saved> saved = budgets.find(communId);
        return new BudgetDuCommun(communId, commun.titre(), saved.map(Saved::budget).orElse(null),
                saved.map(Saved::version).orElse(0), saved.map(Saved::modifieLe).orElse(null),
                saved.map(Saved::modifieParNom).orElse(null), raisonNonModifiable(user, commun));
    }

    /**
     * The porteur saves the budget (all of it: the lines replace the previous ones). {@code version} is the one read
     * (0 for a first budget): if somebody saved in between, nothing is saved and the person is told to reload.
     * Returns the new version.
     */
    @Transactional
    public int save(long communId, int version, Budget budget) {
        AppUser user = currentUser.require();
        CommunRow commun = budgets.lockCommun(communId).orElseThrow(BudgetService::communInconnu);
        checkReader(user, commun);
        if (!porteur(user, commun)) {
            throw new NotAllowedException("Seul le porteur administratif du commun peut modifier son budget prévisionnel.");
        }
        String ferme = etatNonModifiable(commun);
        if (ferme != null) {
            throw new ValidationException(ferme);
        }
        Budget clean = check(budget);
        int current = budgets.version(communId);
        if (current != version) {
            throw new ValidationException("Le budget a été modifié entre-temps (dans un autre onglet ou par une autre "
                    + "personne de votre structure) : rechargez la page pour voir la dernière version, puis refaites vos "
                    + "modifications.");
        }
        budgets.save(communId, clean, user.id(), current);
        return current + 1;
    }

    /**
     * The commun's budget for another service (eligibility, frozen version), in its transaction and without access
     * check: that service decides who sees what it builds.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Budget> budgetOf(long communId) {
        return budgets.find(communId).map(Saved::budget);
    }

    /** Whether the budget was saved after {@code depuis} (the answer to compléments asking for it), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean modifieDepuis(long communId, OffsetDateTime depuis) {
        return budgets.modifieDepuis(communId, depuis);
    }

    /**
     * Checks a budget as the porteur sent it (every error at once): the amount requested, at least one expense, each
     * line named and with a strictly positive amount to the cent under the platform's ceiling, at most
     * {@link #LIGNES_MAX} lines a side, and the balance. Returns it with its labels trimmed.
     */
    public static Budget check(Budget budget) {
        if (budget == null) {
            throw new ValidationException("Saisissez le montant demandé au Département et le budget prévisionnel.");
        }
        Checks checks = Checks.start().notNull(budget.montantDemande(), MONTANT_DEMANDE);
        Montants.check(checks, budget.montantDemande(), MONTANT_DEMANDE, Montants.PLAFOND, true);
        checks.check(!budget.depenses().isEmpty(), "Ajoutez au moins une ligne de dépense : le budget dit ce que le "
                + "projet va coûter.");
        checks.check(budget.depenses().size() <= LIGNES_MAX, "Le budget compte au plus " + LIGNES_MAX
                + " lignes de dépenses : regroupez les plus petites.");
        checks.check(budget.ressources().size() <= LIGNES_MAX, "Le budget compte au plus " + LIGNES_MAX
                + " lignes de ressources : regroupez les plus petites.");
        List<LigneBudget> depenses = lignes(checks, budget.depenses(), "la dépense");
        List<LigneBudget> ressources = lignes(checks, budget.ressources(), "la ressource");
        // The balance is meaningful only once every amount is readable.
        checks.orThrow();
        Budget clean = new Budget(budget.montantDemande(), depenses, ressources);
        if (!clean.equilibre()) {
            throw new ValidationException(desequilibre(clean));
        }
        return clean;
    }

    /** "Le budget n'est pas équilibré : …", with both totals and the difference. */
    public static String desequilibre(Budget b) {
        BigDecimal ecart = b.ecart();
        return "Le budget n'est pas équilibré : le total des dépenses est de " + Montants.format(b.totalDepenses())
                + " et le total des ressources de " + Montants.format(b.totalRessources()) + " (dont "
                + Montants.format(b.montantDemande()) + " demandés au Département), soit "
                + (ecart.signum() < 0 ? Montants.format(ecart.negate()) + " de ressources en moins que les dépenses"
                : Montants.format(ecart) + " de ressources en plus des dépenses")
                + ". Le total des ressources, montant demandé compris, doit être égal au total des dépenses.";
    }

    private static List<LigneBudget> lignes(Checks checks, List<LigneBudget> lignes, String quoi) {
        List<LigneBudget> clean = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            LigneBudget l = lignes.get(i);
            String n = " " + (i + 1);
            if (l == null) {
                checks.check(false, "La ligne de " + quoi + n + " est vide.");
                continue;
            }
            String libelle = "Libellé de " + quoi + n;
            String montant = "Montant de " + quoi + n;
            checks.required(l.libelle(), libelle, LIBELLE_MAX).notNull(l.montant(), montant);
            Montants.check(checks, l.montant(), montant, Montants.PLAFOND, true);
            clean.add(new LigneBudget(l.libelle() == null ? null : l.libelle().strip(), l.montant()));
        }
        return clean;
    }

    // --- Rules ---

    /**
     * The structures of the groupement and the Département as {@code DossierAccess} says (a référent: the files on
     * which their avis was asked; a comité member: the files on their séances); a draft only to its groupement.
     */
    private void checkReader(AppUser user, CommunRow commun) {
        boolean membre = budgets.anyMember(commun.id(), user.structureIds());
        if (fr.communs.base.CommunStatut.BROUILLON.name().equals(commun.statut()) && !membre) {
            throw communInconnu();
        }
        if (membre || access.canReadFile(user, commun.id())) {
            return;
        }
        if (!Roles.STRUCTURE.equals(user.role())) {
            throw new NotAllowedException(fr.communs.security.DossierAccess.DOSSIER_NON_ACCESSIBLE);
        }
        throw new NotAllowedException("Le budget prévisionnel de ce commun est réservé aux structures de son "
                + "groupement et au Département.");
    }

    private static boolean porteur(AppUser user, CommunRow commun) {
        return Roles.STRUCTURE.equals(user.role()) && user.structureIds().contains(commun.porteurStructureId());
    }

    private String raisonNonModifiable(AppUser user, CommunRow commun) {
        if (!porteur(user, commun)) {
            return Roles.STRUCTURE.equals(user.role())
                    ? "Seul le porteur administratif du commun saisit et modifie le budget prévisionnel."
                    : "Le budget prévisionnel est saisi par le porteur administratif du commun.";
        }
        return etatNonModifiable(commun);
    }

    /** Why the file's state does not allow changing the budget now; {@code null} when it does. */
    private String etatNonModifiable(CommunRow commun) {
        switch (fr.communs.base.CommunStatut.valueOf(commun.statut())) {
            case EN_CONSTITUTION -> {
                Campagne campagne = campagnes.get(commun.campagneId());
                return campagne.depotOuvert(OffsetDateTime.now()) ? null
                        : campagne.depotClos("le budget prévisionnel ne peut plus être modifié");
            }
            case COMPLEMENTS_DEMANDES -> {
                boolean demande = budgets.derniereInstruction(commun.id())
                        .filter(i -> "COMPLEMENTS".equals(i.decision()) && i.partiesDemandees() != null
                                && Arrays.stream(i.partiesDemandees().split(",")).map(String::strip)
                                .anyMatch(PARTIE_BUDGET::equals))
                        .isPresent();
                return demande ? null : "La demande de compléments du Département ne porte pas sur le budget : il ne "
                        + "peut pas être modifié. Utilisez la messagerie du dossier pour toute question.";
            }
            case BROUILLON -> {
                return "Publiez d'abord l'idée : le budget prévisionnel se saisit une fois l'idée publiée.";
            }
            default -> {
                return "Le dossier a été transmis au Département : le budget prévisionnel ne peut plus être modifié, "
                        + "sauf si le Département le demande dans une demande de compléments.";
            }
        }
    }

    private static ValidationException communInconnu() {
        return new ValidationException("Ce commun n'existe pas.");
    }
}
