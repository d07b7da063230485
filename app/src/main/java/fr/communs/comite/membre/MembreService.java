package fr.communs.comite.membre;

import fr.communs.base.Checks;
import fr.communs.base.ConcurrentChangeException;
import fr.communs.base.Dates;
import fr.communs.base.ValidationException;
import fr.communs.comite.membre.internal.JooqMembreRepository;
import fr.communs.comite.membre.internal.JooqMembreRepository.Compte;
import fr.communs.comite.membre.internal.NotationsOuvertes;
import fr.communs.security.AccountService;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of the Comité d'accompagnement des communs: each is an account with the comité role, a collège, the
 * organisation they represent (a structure of the directory, or a named body) and an active period. Administrators
 * invite them by e-mail (the account is created with the comité role; the person activates it by choosing a password
 * through the mailed link), change their data, link their other accounts (which count for recusals) and deactivate
 * them: a deactivated member's open scoring tasks are retired at once, in the same transaction.
 *
 * <p>{@link #membresActifs} and {@link #estActif} are for the other services of the comité (quorum, convocations,
 * scoring), inside their transaction: they check no right, the calling service has checked its own.
 */
@Service
public class MembreService {
    public static final int ORGANISATION_MAX = 200;
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String RESERVE = "Seul un administrateur de la plateforme gère les membres du comité.";

    private final JooqMembreRepository membres;
    private final NotationsOuvertes notations;
    private final AccountService accounts;
    private final CurrentUser currentUser;

    MembreService(JooqMembreRepository membres, NotationsOuvertes notations, AccountService accounts,
                  CurrentUser currentUser) {
        this.membres = membres;
        this.notations = notations;
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    // --- for the other services of the comité (no right checked: the caller's service has)

    /** The members active on that day (in their period, not deactivated, account open), by name. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<Membre> membresActifs(LocalDate jour) {
        return membres.membresActifs(jour);
    }

    /** Whether this account is a member of the comité active on that day. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean estActif(long membreId, LocalDate jour) {
        return membres.estActif(membreId, jour);
    }

    // --- administration (administrators only)

    /** Every member, active or not, by name. */
    @Transactional(readOnly = true)
    public List<Membre> membres() {
        requireAdmin();
        return membres.all();
    }

    @Transactional(readOnly = true)
    public Membre membre(long membreId) {
        requireAdmin();
        return find(membreId);
    }

    /**
     * Invites a new member: creates their account with the comité role (unconfirmed, no password yet), records them
     * as a member with {@code data}, and mails them the link to activate the account. An address that already has an
     * account is refused, saying which role it has (an account has one role: another address is needed, that account
     * can then be linked to the member). Returns the member's id (their account's).
     */
    @Transactional
    public long inviter(String email, String nomComplet, MembreData data) {
        AppUser admin = requireAdmin();
        MembreData d = check(data);
        if (email != null && !email.isBlank()) {
            membres.compte(email.strip()).ifPresent(c -> {
                throw new ValidationException(dejaUnCompte(c));
            });
        }
        long id = accounts.invite(email, nomComplet, Roles.COMITE, presentation(d));
        membres.complete(id, d, admin.id());
        return id;
    }

    /** Sends a new activation link to a member who has not activated their account yet. */
    @Transactional
    public void renvoyerInvitation(long membreId) {
        requireAdmin();
        Membre m = find(membreId);
        if (!m.invitationEnAttente()) {
            throw new ValidationException("Le compte de " + m.nomComplet() + " est déjà activé : aucune invitation à renvoyer.");
        }
        accounts.reinvite(membreId, presentation(m.data()));
    }

    /** Changes a member's collège, organisation and period (if nobody changed them meanwhile: {@code version}). */
    @Transactional
    public void modifier(long membreId, int version, MembreData data) {
        requireAdmin();
        MembreData d = check(data);
        membres.lock(membreId);
        Membre avant = find(membreId);
        if (membres.update(membreId, version, d) == 0) {
            throw conflit(avant);
        }
        int ouvertes = notations.ouvertes(membreId, null).size();
        if (ouvertes > 0 && !membres.estActif(membreId, Dates.today())) {
            throw new ValidationException(avant.nomComplet() + " a " + notationsTexte(ouvertes) + " en cours : cette "
                    + "période l'écarterait du comité dès aujourd'hui sans les retirer. Pour l'écarter aujourd'hui, "
                    + "utilisez « Désactiver », qui retire ses notations ; sinon choisissez une période qui comprend "
                    + "aujourd'hui.");
        }
    }

    /** How many scoring tasks the member has open now (what deactivating them would retire). */
    @Transactional(readOnly = true)
    public int notationsOuvertes(long membreId) {
        requireAdmin();
        find(membreId);
        return notations.ouvertes(membreId, null).size();
    }

    /**
     * Deactivates a member from now: they are no longer counted in the comité (quorum, convocations) and their open
     * scoring tasks are retired (completed without a score, the cycle going on with the other members' scores), in
     * this transaction. Returns how many tasks were retired.
     */
    @Transactional
    public int desactiver(long membreId, int version) {
        AppUser admin = requireAdmin();
        membres.lock(membreId);
        Membre m = find(membreId);
        if (m.desactiveLe() != null) {
            throw new ValidationException(m.nomComplet() + " est déjà désactivé(e) depuis le "
                    + JOUR.format(m.desactiveLe().atZoneSameInstant(Dates.ZONE)) + ".");
        }
        if (membres.deactivate(membreId, version, admin.id()) == 0) {
            throw conflit(m);
        }
        return notations.retirer(membreId, null);
    }

    /** Brings a deactivated member back (within their active period); their retired scores stay retired. */
    @Transactional
    public void reactiver(long membreId, int version) {
        requireAdmin();
        membres.lock(membreId);
        Membre m = find(membreId);
        if (m.desactiveLe() == null) {
            throw new ValidationException(m.nomComplet() + " n'est pas désactivé(e).");
        }
        if (membres.reactivate(membreId, version) == 0) {
            throw conflit(m);
        }
    }

    /**
     * Links another account of the same person to the member (a structure account, an agent's account…): the
     * structures of that account count for the member's recusals. Not another comité account, nor an account already
     * linked to a member.
     */
    @Transactional
    public void lierCompte(long membreId, String email) {
        requireAdmin();
        Checks.start().required(email, "Adresse du compte à lier", 254).orThrow();
        membres.lock(membreId);
        Membre m = find(membreId);
        Compte compte = membres.compte(email.strip())
                .orElseThrow(() -> new ValidationException("Aucun compte n'a l'adresse « " + email.strip() + " »."));
        if (compte.id() == membreId) {
            throw new ValidationException("C'est le compte de membre du comité de " + m.nomComplet() + " lui-même.");
        }
        if (Roles.COMITE.equals(compte.role())) {
            throw new ValidationException("Ce compte est celui d'un membre du comité (" + compte.nomComplet()
                    + ") : un membre ne peut pas en représenter un autre.");
        }
        membres.membreDuCompteLie(compte.id()).ifPresent(autre -> {
            throw new ValidationException(autre == membreId
                    ? "Ce compte est déjà lié à " + m.nomComplet() + "."
                    : "Ce compte est déjà lié à un autre membre du comité (" + find(autre).nomComplet() + ").");
        });
        membres.link(membreId, compte.id());
    }

    /** Removes the link between the member and one of their other accounts. */
    @Transactional
    public void delierCompte(long membreId, long compteId) {
        requireAdmin();
        find(membreId);
        if (membres.unlink(membreId, compteId) == 0) {
            throw new ValidationException("Ce compte n'est pas (ou plus) lié à ce membre.");
        }
    }

    // ---

    private AppUser requireAdmin() {
        AppUser user = currentUser.require();
        if (!Roles.ADMIN.equals(user.role())) {
            throw new fr.communs.base.NotAllowedException(RESERVE);
        }
        return user;
    }

    private Membre find(long membreId) {
        return membres.find(membreId).orElseThrow(() -> new ValidationException("Ce membre du comité n'existe pas."));
    }

    /** Checks the administrator's data, all messages at once; the data cleaned (blank organisation → none). */
    private MembreData check(MembreData data) {
        if (data == null) {
            throw new ValidationException("Les informations du membre sont obligatoires.");
        }
        String organisation = Checks.clean(data.organisation());
        Checks.start()
                .notNull(data.college(), "Collège")
                .check(data.structureId() != null || organisation != null,
                        "Indiquez l'organisation représentée : une structure de l'annuaire ou, à défaut, le nom de l'organisme.")
                .check(data.structureId() == null || organisation == null,
                        "Choisissez soit une structure de l'annuaire, soit un organisme nommé, pas les deux.")
                .check(data.structureId() == null || membres.structureExists(data.structureId()),
                        "La structure choisie n'existe pas dans l'annuaire.")
                .optional(organisation, "Organisme représenté", ORGANISATION_MAX)
                .notNull(data.actifDu(), "Actif à partir du")
                .plausibleDate(data.actifDu(), "Actif à partir du")
                .plausibleDate(data.actifAu(), "Actif jusqu'au")
                .check(data.actifDu() == null || data.actifAu() == null || !data.actifAu().isBefore(data.actifDu()),
                        "La fin de la période d'activité ne peut pas précéder son début.")
                .orThrow();
        return new MembreData(data.college(), data.structureId(), organisation, data.actifDu(), data.actifAu());
    }

    private static String dejaUnCompte(Compte c) {
        if (Roles.COMITE.equals(c.role())) {
            return "Cette adresse est déjà celle d'un membre du comité (" + c.nomComplet() + ") : retrouvez-le dans la "
                    + "liste pour modifier ses informations.";
        }
        return "Un compte existe déjà avec cette adresse, au rôle « " + Roles.label(c.role()) + " ». Un compte n'a qu'un "
                + "rôle : invitez la personne avec une autre adresse, puis liez ce compte à son compte de membre "
                + "(« Comptes liés ») pour que ses déports soient calculés.";
    }

    private String presentation(MembreData d) {
        String organisation = d.structureId() != null ? null : d.organisation();
        return "Vous êtes invité(e) à siéger au Comité d'accompagnement des communs, au titre du collège « "
                + d.college().libelle() + " »" + (organisation == null ? "" : " (" + organisation + ")")
                + ", à partir du " + JOUR.format(d.actifDu())
                + (d.actifAu() == null ? "" : " et jusqu'au " + JOUR.format(d.actifAu())) + ". "
                + "Sur la plateforme, vous lirez les dossiers présentés en séance, noterez les auditions des "
                + "groupements et proposerez des contributions aux communs.";
    }

    private static ConcurrentChangeException conflit(Membre m) {
        return new ConcurrentChangeException("Les informations de " + m.nomComplet() + " ont été modifiées par une autre "
                + "personne (ou dans un autre onglet) pendant votre saisie : rien n'a été enregistré. Rechargez la page "
                + "pour voir la dernière version, puis refaites vos changements.");
    }

    static String notationsTexte(int n) {
        return n == 1 ? "1 notation" : n + " notations";
    }
}
