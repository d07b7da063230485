package fr.communs.comite.pv;

import fr.communs.base.Dates;
import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.comite.pv.internal.JooqProcesVerbalRepository;
import fr.communs.comite.resultat.DossierMasque;
import fr.communs.comite.resultat.ResultatDossier;
import fr.communs.comite.resultat.ResultatService;
import fr.communs.comite.resultat.ResultatsSeance;
import fr.communs.commun.CommunService;
import fr.communs.security.AppUser;
import fr.communs.security.CurrentUser;
import fr.communs.security.DossierAccess;
import fr.communs.security.Roles;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comité's documents, as PDF.
 *
 * <ul>
 * <li>The séance's <b>procès-verbal</b> — header, members present / excused / absent, recusals per file, per file the
 * aggregated scores, the avis (motivation, réserves, subsidy proposed) or the adjournment, and the contributions
 * proposed — for the agents of the service and the members of the comité, under the rules of
 * {@link ResultatService}: a member's copy leaves out the scores and deliberation of the files they are recused from
 * (and, before closing, the scores of the files they have not scored yet). Until the séance is closed it is a
 * "Projet de procès-verbal".</li>
 * <li>The <b>avis du comité</b> on one file, for its groupement (and the agents): avis, motivation, réserves, subsidy
 * proposed, contributions proposed. No score at all — neither individual scores nor who scored what, nor the
 * aggregates: with a comité of a handful of members, a mean with its min–max often gives the individual scores
 * away, and the rank would speak of the other files. The groupement gets it once the séance is closed.</li>
 * </ul>
 */
@Service
public class ProcesVerbalService {
    /** Refusal of the avis extract to anyone but the file's groupement and the agents of the service. */
    public static final String AVIS_RESERVE = "L'avis du comité sur un dossier est communiqué aux structures de son "
            + "groupement et aux agents du service Innovation sociale et solidaire.";
    private static final DateTimeFormatter FICHIER = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ResultatService resultats;
    private final JooqProcesVerbalRepository repository;
    private final CurrentUser currentUser;
    private final CommunService communs;

    ProcesVerbalService(ResultatService resultats, JooqProcesVerbalRepository repository, CurrentUser currentUser,
                        CommunService communs) {
        this.resultats = resultats;
        this.repository = repository;
        this.currentUser = currentUser;
        this.communs = communs;
    }

    /** The procès-verbal of the séance (a project until it is closed), as the caller may read it. */
    @Transactional(readOnly = true)
    public DocumentPdf procesVerbal(long seanceId) {
        ResultatsSeance r = resultats.resultats(seanceId);
        if ("ANNULEE".equals(r.statut())) {
            throw new ValidationException("Cette séance a été annulée : elle n'a pas de procès-verbal.");
        }
        List<JooqProcesVerbalRepository.Presence> presences = repository.presences(seanceId);
        Map<Long, List<String>> deportes = deportes(repository.deports(seanceId));

        List<ProcesVerbal.Dossier> dossiers = new ArrayList<>();
        for (ResultatDossier d : r.dossiers()) {
            dossiers.add(dossier(seanceId, d.communId(), d.titre(), deportes, null, d));
        }
        for (DossierMasque m : r.masques()) {
            dossiers.add(dossier(seanceId, m.communId(), m.titre(), deportes, m.raison(), null));
        }
        ProcesVerbal pv = new ProcesVerbal(!r.close(), repository.campagneNom(seanceId), r.debut(), r.lieu(),
                r.lienVisio(), membres(presences, "PRESENT"), membres(presences, "EXCUSE"), membres(presences, "ABSENT"),
                r.grille(), dossiers, r.dossiers().size() + r.masques().size(), OffsetDateTime.now());
        String nom = (r.close() ? "proces-verbal" : "projet-proces-verbal") + "-seance-"
                + FICHIER.format(r.debut().atZoneSameInstant(Dates.ZONE)) + ".pdf";
        return new DocumentPdf(nom, PdfComite.procesVerbal(pv));
    }

    private ProcesVerbal.Dossier dossier(long seanceId, long communId, String titre, Map<Long, List<String>> deportes,
                                         DossierMasque.Raison masque, ResultatDossier resultat) {
        String porteur = repository.commun(communId).map(JooqProcesVerbalRepository.CommunRow::porteurNom).orElse("");
        List<String> deportesDuDossier = deportes.getOrDefault(communId, List.of());
        if (masque == DossierMasque.Raison.DEPORTE) {
            return new ProcesVerbal.Dossier(communId, titre, porteur, deportesDuDossier, masque, null, null, List.of());
        }
        var commun = new JooqProcesVerbalRepository.CommunRow(communId, titre, porteur);
        AvisDuComite avis = avisDeLaSeance(commun, seanceId).orElse(null);
        return new ProcesVerbal.Dossier(communId, titre, porteur, deportesDuDossier, masque, resultat, avis,
                contributions(communId, seanceId));
    }

    /** Per file, one line per recused member: "Name (cause ; cause)". */
    private static Map<Long, List<String>> deportes(List<JooqProcesVerbalRepository.Deport> deports) {
        Map<Long, Map<Long, List<String>>> parDossier = new LinkedHashMap<>();
        Map<Long, String> noms = new LinkedHashMap<>();
        for (var d : deports) {
            noms.put(d.membreId(), d.nom());
            parDossier.computeIfAbsent(d.communId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(d.membreId(), k -> new ArrayList<>())
                    .add(Libelles.cause(d.cause(), d.detail()));
        }
        Map<Long, List<String>> lignes = new LinkedHashMap<>();
        parDossier.forEach((communId, membres) -> lignes.put(communId, membres.entrySet().stream()
                .map(e -> noms.get(e.getKey()) + " (" + e.getValue().stream().distinct().collect(Collectors.joining(" ; ")) + ")")
                .toList()));
        return lignes;
    }

    private static List<ProcesVerbal.Membre> membres(List<JooqProcesVerbalRepository.Presence> presences, String presence) {
        return presences.stream().filter(p -> presence.equals(p.presence()))
                .map(p -> new ProcesVerbal.Membre(p.nom(), p.organisation(), Libelles.college(p.college())))
                .toList();
    }

    /** The avis given at this séance, or the adjournment decided at it. */
    private Optional<AvisDuComite> avisDeLaSeance(JooqProcesVerbalRepository.CommunRow commun, long seanceId) {
        Optional<AvisDuComite> avis = repository.avis(commun.id())
                .filter(a -> a.seanceId() != null && a.seanceId() == seanceId)
                .map(a -> avis(commun, a, List.of()));
        if (avis.isPresent()) {
            return avis;
        }
        return repository.ajournements(commun.id()).stream().filter(a -> a.seanceId() == seanceId).findFirst()
                .map(a -> ajournement(commun, a, List.of()));
    }

    private List<ContributionProposee> contributions(long communId, Long seanceId) {
        return contributions(communId, seanceId, true);
    }

    /** The contributions proposed to the file; without {@code avantCloture}, only those of closed séances. */
    private List<ContributionProposee> contributions(long communId, Long seanceId, boolean avantCloture) {
        return repository.contributions(communId, seanceId).stream()
                .filter(c -> avantCloture || c.seanceClose())
                .map(c -> new ContributionProposee(c.contributeurNom(), Libelles.typeContribution(c.type()),
                        c.description(), c.datePrevue(), Libelles.statutContribution(c.statut())))
                .toList();
    }

    private static AvisDuComite avis(JooqProcesVerbalRepository.CommunRow commun, JooqProcesVerbalRepository.Avis a,
                                     List<ContributionProposee> contributions) {
        return new AvisDuComite(commun.id(), commun.titre(), commun.porteurNom(), a.debutSeance(), a.avis(),
                Libelles.avis(a.avis()), a.motivation(), a.reserves(), a.subvention(), a.contributions(), contributions,
                a.seanceId() == null || "CLOSE".equals(a.statutSeance()));
    }

    private static AvisDuComite ajournement(JooqProcesVerbalRepository.CommunRow commun,
                                            JooqProcesVerbalRepository.Ajournement a,
                                            List<ContributionProposee> contributions) {
        return new AvisDuComite(commun.id(), commun.titre(), commun.porteurNom(), a.debutSeance(), Libelles.AJOURNE,
                Libelles.avis(Libelles.AJOURNE), a.motivation(), null, null, null, contributions,
                "CLOSE".equals(a.statutSeance()));
    }

    /**
     * The comité's last decision on the file, as its groupement reads it: the avis, or else the latest adjournment;
     * empty while there is none (for the groupement: none in a closed séance). Only the structures of the file's
     * groupement and the agents of the service; agents also read it before the séance closes ({@code definitif}
     * false).
     */
    @Transactional(readOnly = true)
    public Optional<AvisDuComite> avisDuComite(long communId) {
        AppUser user = currentUser.require();
        boolean agent = DossierAccess.isServiceAgent(user);
        if (!agent && !(Roles.STRUCTURE.equals(user.role()) && communs.callerIsMember(communId))) {
            throw new NotAllowedException(AVIS_RESERVE);
        }
        JooqProcesVerbalRepository.CommunRow commun = repository.commun(communId)
                .orElseThrow(() -> new ValidationException("Ce commun n'existe pas."));
        List<ContributionProposee> contributions = contributions(communId, null, agent);
        Optional<AvisDuComite> avis = repository.avis(communId).map(a -> avis(commun, a, contributions))
                .filter(a -> agent || a.definitif());
        if (avis.isPresent()) {
            return avis;
        }
        return repository.ajournements(communId).stream().map(a -> ajournement(commun, a, contributions))
                .filter(a -> agent || a.definitif()).findFirst();
    }

    /** {@link #avisDuComite(long)} as a PDF; a French refusal while there is none. */
    @Transactional(readOnly = true)
    public DocumentPdf avisDuComitePdf(long communId) {
        AvisDuComite avis = avisDuComite(communId).orElseThrow(() -> new ValidationException(
                "Le comité n'a pas encore rendu d'avis sur ce dossier : il sera disponible à la clôture de la séance."));
        return new DocumentPdf("avis-comite-" + communId + ".pdf", PdfComite.avisDuComite(avis, OffsetDateTime.now()));
    }

}
