package fr.communs.commun;

import fr.communs.contribution.ContributionService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.communs.base.NotAllowedException;
import fr.communs.budget.BudgetService;
import fr.communs.campagne.CampagneService;
import fr.communs.commun.internal.JooqCommunRepository;
import fr.communs.commune.Commune;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frozen versions of a commun's file: version 1 at transmission, one more each time the groupement sends completed
 * texts back. Stored as JSON so that later changes of the live file, of the structures or of lists never alter what
 * was transmitted.
 */
@Service
public class DossierVersionService {
    private final JooqCommunRepository communs;
    private final CommunService communService;
    private final CampagneService campagnes;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final ContributionService contributions;
    private final BudgetService budgets;
    private final fr.communs.security.DossierAccess access;

    DossierVersionService(JooqCommunRepository communs, CommunService communService, CampagneService campagnes,
                          CurrentUser currentUser, ObjectMapper json, ContributionService contributions,
                          BudgetService budgets, fr.communs.security.DossierAccess access) {
        this.access = access;
        this.contributions = contributions;
        this.budgets = budgets;
        this.communs = communs;
        this.communService = communService;
        this.campagnes = campagnes;
        this.currentUser = currentUser;
        this.json = json;
    }

    /** Freezes the file as it is now, in the caller's transaction; returns the version number. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int freeze(long communId, DossierVersion.Motif motif) {
        List<String> demandesContribution = contributions.demandes(communId).stream()
                .map(d -> d.type().libelle() + " — " + d.description()
                        + (d.montant() == null ? "" : " (" + d.montantEuros() + ")") + " — " + d.statut().libelle().toLowerCase())
                .toList();
        List<String> contributionsAcceptees = contributions.contributeurs(communId).stream()
                .map(o -> o.structureNom() + " : " + o.type().libelle().toLowerCase() + " — " + o.description()
                        + (o.montant() == null ? "" : " (" + o.montantEuros() + ")"))
                .toList();
        Commun c = communs.findById(communId).orElseThrow();
        String territoire = campagnes.get(c.campagneId()).territoireCode();
        List<DossierVersion.Membre> membres = communService.membres(communId).stream().map(DossierVersion.Membre::of).toList();
        DossierVersion.Contenu contenu = new DossierVersion.Contenu(c.titre(), c.resume(), c.besoin(), c.interetGeneral(),
                c.gouvernance(), c.defis().stream().map(d -> "Défi " + d.numero() + " — " + d.libelle()).toList(),
                c.enjeux().stream().sorted().map(Enjeu::libelle).toList(),
                c.echelle() == null ? null : c.echelle().libelle(), c.zoneRurale(), c.zoneQpv(),
                c.communes().stream().map(Commune::libelle).toList(), c.productions(), territoire, membres,
                demandesContribution, contributionsAcceptees, communs.piecesJointes(communId),
                budgets.budgetOf(communId).map(DossierVersion.BudgetFige::of).orElse(null));
        try {
            return communs.insertVersion(communId, motif.name(), json.writeValueAsString(contenu),
                    currentUser.get().map(AppUser::id).orElse(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The frozen versions, newest first: for the groupement's structures and the Département as {@code DossierAccess}
     * says (agents of the service and administrators: every file; a référent: the files on which their avis was
     * asked; a comité member: the files on their séances).
     */
    @Transactional(readOnly = true)
    public List<DossierVersion> versions(long communId) {
        AppUser user = currentUser.require();
        if (!access.canReadFile(user, communId) && !communService.callerIsMember(communId)) {
            throw new NotAllowedException(Roles.STRUCTURE.equals(user.role())
                    ? "Seuls le groupement et les agents du Département consultent le dossier transmis."
                    : fr.communs.security.DossierAccess.DOSSIER_NON_ACCESSIBLE);
        }
        return communs.versions(communId).stream().map(v -> {
            try {
                return new DossierVersion(v.numero(), DossierVersion.Motif.valueOf(v.motif()), v.createdAt(),
                        json.readValue(v.json(), DossierVersion.Contenu.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Version " + v.numero() + " du dossier " + communId + " illisible", e);
            }
        }).toList();
    }

    @Transactional(readOnly = true)
    public Optional<DossierVersion> latest(long communId) {
        return versions(communId).stream().findFirst();
    }
}
