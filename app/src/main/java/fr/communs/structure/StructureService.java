package fr.communs.structure;

import fr.communs.base.Checks;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.commune.Commune;
import fr.communs.commune.CommuneService;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.structure.internal.JooqStructureRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Structures: inscription by their people, membership requests accepted by their administrators, the agents'
 * verification of the declared ESS status and location, and the public profile.
 */
@Service
public class StructureService {
    private final JooqStructureRepository structures;
    private final CommuneService communes;
    private final CurrentUser currentUser;

    StructureService(JooqStructureRepository structures, CommuneService communes, CurrentUser currentUser) {
        this.structures = structures;
        this.communes = communes;
        this.currentUser = currentUser;
    }

    /** A person registers a new structure and becomes its administrator. */
    @Transactional
    public long register(StructureData data) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE, Roles.ADMIN);
        long id = create(data, StatutVerification.A_VERIFIER);
        if (Roles.STRUCTURE.equals(user.role())) {
            structures.addMember(id, user.id(), true);
        }
        return id;
    }

    /**
     * Registers a structure without a member (administrators and the demo data), optionally already verified.
     */
    @Transactional
    public long registerAsAdministrator(StructureData data, boolean verifiee) {
        currentUser.requireRole(Roles.ADMIN);
        return create(data, verifiee ? StatutVerification.VERIFIEE : StatutVerification.A_VERIFIER);
    }

    private long create(StructureData data, StatutVerification verification) {
        StructureData d = clean(data);
        Commune commune = validate(d, null);
        d = withDefaultPosition(d, commune);
        return structures.insert(d, ess(d), commune.nom(), commune.codeDepartement(), searchText(d, commune), verification);
    }

    /**
     * Its administrators update a structure. Changing what the ESS status or the location rests on sends the
     * structure back to the agents' verification queue.
     */
    @Transactional
    public void update(long id, int version, StructureData data) {
        AppUser user = currentUser.require();
        Structure before = structures.findById(id).orElseThrow(() -> new ValidationException("Cette structure n'existe pas."));
        if (!structures.isAdministrator(id, user.id())) {
            throw new NotAllowedException("Seuls les administrateurs de la structure peuvent la modifier.");
        }
        StructureData d = clean(data);
        Commune commune = validate(d, id);
        d = withDefaultPosition(d, commune);
        boolean reset = !java.util.Objects.equals(before.nom(), d.nom()) || !java.util.Objects.equals(before.siret(), d.siret())
                || !java.util.Objects.equals(before.rna(), d.rna()) || before.formeJuridique() != d.formeJuridique() || before.agrementEsus() != d.agrementEsus()
                || before.siaeType() != d.siaeType() || before.entrepriseAdaptee() != d.entrepriseAdaptee()
                || !d.communeInsee().equals(before.communeInsee());
        if (!structures.update(id, version, d, ess(d), commune.nom(), commune.codeDepartement(), searchText(d, commune), reset)) {
            throw new fr.communs.base.ConcurrentChangeException("La fiche a été modifiée par quelqu'un d'autre entre-temps : rechargez la page "
                    + "puis refaites vos changements.");
        }
    }

    private static boolean ess(StructureData d) {
        return EssRule.isEss(d.formeJuridique(), d.agrementEsus(), d.siaeType(), d.entrepriseAdaptee());
    }

    private static StructureData clean(StructureData d) {
        return new StructureData(Checks.clean(d.nom()), Identifiants.compact(d.siret()), Identifiants.compact(d.rna()),
                d.formeJuridique(), d.agrementEsus(), d.siaeType(), d.entrepriseAdaptee(), Checks.clean(d.communeInsee()),
                Checks.clean(d.adresse()), d.latitude(), d.longitude(), d.domaines() == null ? Set.of() : Set.copyOf(d.domaines()),
                Checks.clean(d.description()), Checks.clean(d.siteWeb()), Checks.clean(d.contactPublic()));
    }

    private static StructureData withDefaultPosition(StructureData d, Commune commune) {
        if (d.latitude() != null && d.longitude() != null) {
            return d;
        }
        return new StructureData(d.nom(), d.siret(), d.rna(), d.formeJuridique(), d.agrementEsus(), d.siaeType(),
                d.entrepriseAdaptee(), d.communeInsee(), d.adresse(), commune.latitude(), commune.longitude(), d.domaines(),
                d.description(), d.siteWeb(), d.contactPublic());
    }

    private Commune validate(StructureData d, Long exceptId) {
        Optional<Commune> commune = d.communeInsee() == null ? Optional.empty() : communes.find(d.communeInsee());
        Checks.start()
                .required(d.nom(), "Nom de la structure", 200)
                .notNull(d.formeJuridique(), "Forme juridique")
                .check(d.siret() == null || Identifiants.siretValide(d.siret()),
                        "Le SIRET doit comporter 14 chiffres et être valide (clé de contrôle) : vérifiez-le sur votre avis de situation INSEE.")
                .check(d.siret() == null || !Identifiants.siretValide(d.siret()) || !structures.siretTaken(d.siret(), exceptId),
                        "Une structure est déjà inscrite avec ce SIRET : demandez plutôt à la rejoindre.")
                .check(d.rna() == null || Identifiants.rnaValide(d.rna()),
                        "Le numéro RNA doit être de la forme W suivi de 9 chiffres (ex. W302000123).")
                .check(d.rna() == null || d.formeJuridique() == null || d.formeJuridique() == FormeJuridique.ASSOCIATION,
                        "Le numéro RNA ne concerne que les associations.")
                .check(d.communeInsee() != null, "Choisissez la commune d'implantation dans la liste officielle.")
                .check(d.communeInsee() == null || commune.isPresent(), "Cette commune ne figure pas dans la liste officielle des communes.")
                .optional(d.adresse(), "Adresse", 300)
                .check(d.latitude() == null || (d.latitude() >= -90 && d.latitude() <= 90)
                        && (d.longitude() == null || (d.longitude() >= -180 && d.longitude() <= 180)), "La position n'est pas valide.")
                .check((d.latitude() == null) == (d.longitude() == null), "Indiquez la latitude et la longitude, ou aucune des deux.")
                .optional(d.description(), "Description", 2000)
                .optional(d.siteWeb(), "Site web", 300)
                .check(d.siteWeb() == null || Checks.isWebLink(d.siteWeb()), "Le site web doit être une adresse commençant par https:// ou http://.")
                .optional(d.contactPublic(), "Contact public", 300)
                .orThrow();
        return commune.orElseThrow();
    }

    private static String searchText(StructureData d, Commune commune) {
        List<String> parts = new ArrayList<>(List.of(d.nom(), d.formeJuridique().libelle(), commune.nom()));
        if (commune.nomEpci() != null) {
            parts.add(commune.nomEpci());
        }
        d.domaines().forEach(dom -> parts.add(dom.libelle()));
        for (String optional : new String[] {d.description(), d.siret(), d.rna()}) {
            if (optional != null) {
                parts.add(optional);
            }
        }
        String text = CommuneService.normalize(String.join(" ", parts));
        return text.length() > 6000 ? text.substring(0, 6000) : text;
    }

    // --- reading

    /** The public profile of a structure (private fields only for its administrators and the agents). */
    @Transactional(readOnly = true)
    public Optional<Structure> find(long id) {
        return structures.findById(id).map(s -> canSeePrivate(id) ? s : s.publique());
    }

    @Transactional(readOnly = true)
    public int version(long id) {
        return structures.version(id);
    }

    private boolean canSeePrivate(long id) {
        return currentUser.get().map(u -> Roles.AGENT.equals(u.role()) || Roles.ADMIN.equals(u.role())
                || structures.isAdministrator(id, u.id())).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<Structure> findAll(Collection<Long> ids) {
        return structures.findByIds(ids).stream().map(Structure::publique).toList();
    }

    /** Every structure, for pickers (public fields). */
    @Transactional(readOnly = true)
    public List<Structure> directory() {
        return structures.findAll().stream().map(Structure::publique).toList();
    }

    @Transactional(readOnly = true)
    public List<StructureCommun> communsOf(long structureId) {
        return structures.communsOf(structureId);
    }

    /** Contributions the structure brings to communs, accepted by their porteurs (public). */
    @Transactional(readOnly = true)
    public List<StructureContribution> contributionsOf(long structureId) {
        return structures.contributionsOf(structureId);
    }

    /** The caller's structures and pending requests. */
    @Transactional(readOnly = true)
    public List<Membership> myStructures() {
        AppUser user = currentUser.require();
        List<Object[]> rows = structures.membershipsOf(user.id());
        Map<Long, Structure> byId = structures.findByIds(rows.stream().map(r -> (Long) r[0]).toList()).stream()
                .collect(Collectors.toMap(Structure::id, Function.identity()));
        return rows.stream().map(r -> new Membership((Boolean) r[1] ? byId.get((Long) r[0]) : byId.get((Long) r[0]).publique(),
                        (Boolean) r[1], (Boolean) r[2]))
                .sorted((a, b) -> a.structure().nom().compareToIgnoreCase(b.structure().nom())).toList();
    }

    @Transactional(readOnly = true)
    public boolean callerAdministers(long structureId) {
        return currentUser.get().map(u -> structures.isAdministrator(structureId, u.id())).orElse(false);
    }

    // --- joining a structure

    @Transactional
    public void requestToJoin(long structureId, String message) {
        AppUser user = currentUser.requireRole(Roles.STRUCTURE);
        structures.findById(structureId).orElseThrow(() -> new ValidationException("Cette structure n'existe pas."));
        Checks.start().optional(message, "Message", 1000).orThrow();
        Optional<String> existing = structures.membership(structureId, user.id());
        if (existing.isPresent()) {
            throw new ValidationException("DEMANDE".equals(existing.get())
                    ? "Votre demande est déjà en attente auprès des administrateurs de la structure."
                    : "Vous êtes déjà membre de cette structure.");
        }
        structures.addRequest(structureId, user.id(), Checks.clean(message));
    }

    @Transactional(readOnly = true)
    public List<JoinRequest> pendingRequests(long structureId) {
        requireAdministrator(structureId);
        return structures.requests(structureId);
    }

    /** An administrator accepts or declines a request to join. */
    @Transactional
    public void decideRequest(long structureId, long userId, boolean accept) {
        requireAdministrator(structureId);
        int changed = accept ? structures.accept(structureId, userId) : structures.decline(structureId, userId);
        if (changed == 0) {
            throw new ValidationException("Cette demande n'est plus en attente.");
        }
    }

    private void requireAdministrator(long structureId) {
        AppUser user = currentUser.require();
        if (!structures.isAdministrator(structureId, user.id())) {
            throw new NotAllowedException("Seuls les administrateurs de la structure peuvent gérer ses membres.");
        }
    }

    // --- verification by the agents

    @Transactional(readOnly = true)
    public List<Structure> verificationQueue(int offset, int limit) {
        currentUser.requireRole(Roles.AGENT);
        return structures.toVerify(offset, Math.min(limit, 200));
    }

    @Transactional(readOnly = true)
    public int verificationQueueSize() {
        currentUser.requireRole(Roles.AGENT);
        return structures.countToVerify();
    }

    /** An agent confirms or refuses the declared ESS status and location; a refusal needs a reason. */
    @Transactional
    public void verify(long structureId, int version, boolean confirmee, String motif) {
        AppUser agent = currentUser.requireRole(Roles.AGENT);
        Checks.start()
                .check(confirmee || (motif != null && !motif.isBlank()), "Indiquez le motif du refus : il sera communiqué à la structure.")
                .optional(motif, "Motif", 1000)
                .orThrow();
        if (structures.setVerification(structureId, version, confirmee ? StatutVerification.VERIFIEE : StatutVerification.REFUSEE,
                confirmee ? null : motif.strip(), agent.id()) == 0) {
            throw new fr.communs.base.ConcurrentChangeException("Cette fiche a changé ou a déjà été vérifiée entre-temps : rechargez la page "
                    + "et vérifiez-la de nouveau.");
        }
    }

    /** Domaines offered in forms, in display order. */
    public static Set<Domaine> domaines() {
        return EnumSet.allOf(Domaine.class);
    }
}
