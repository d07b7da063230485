package fr.communs.comite.convocation;

import fr.communs.base.Dates;
import fr.communs.base.Mailer;
import fr.communs.comite.convocation.internal.JooqConvocationRepository;
import fr.communs.comite.convocation.internal.JooqConvocationRepository.AuditionRow;
import fr.communs.comite.convocation.internal.JooqConvocationRepository.Person;
import fr.communs.comite.convocation.internal.JooqConvocationRepository.SeanceRow;
import fr.communs.comite.convocation.internal.JooqConvocationRepository.SeanceState;
import fr.communs.comite.convocation.internal.JooqConvocationRepository.Sent;
import fr.communs.comite.seance.SeanceEvents.AuditionAjoutee;
import fr.communs.comite.seance.SeanceEvents.AuditionRetiree;
import fr.communs.comite.seance.SeanceEvents.CreneauModifie;
import fr.communs.comite.seance.SeanceEvents.RappelVeille;
import fr.communs.comite.seance.SeanceEvents.SeanceAnnulee;
import fr.communs.comite.seance.SeanceEvents.SeanceConvoquee;
import fr.communs.comite.seance.SeanceEvents.SeanceModifiee;
import fr.communs.notification.ExternalLink;
import fr.communs.notification.NotificationService;
import fr.communs.notification.NotificationType;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Convocations of the Comité d'accompagnement: listens to the séance's events ({@code SeanceEvents}) synchronously,
 * inside the transaction of the action that published them ({@link Propagation#MANDATORY}): if the action rolls back,
 * no notification is kept and no mail leaves (mails go after commit, or into the outbox in the same transaction).
 *
 * <p>Who is convoked: each member of the comité active on the day of the séance ({@code actif_du <= jour}, {@code
 * actif_au} empty or later, not deactivated), with the séance's date, place or video link and the agenda without the
 * files they are recused from; and the groupement of each file on the agenda (the members of its structures) with
 * its own audition slot. Each convocation carries an iCalendar invitation ({@code convocation.ics}): UID stable per
 * séance and member, or séance and file; each later change sends an update with the same UID and SEQUENCE + 1, but
 * only to those for whom something changed (date, place, link, agenda or slot); a removed file's groupement, a
 * member no longer active and everyone when the séance is cancelled get {@code METHOD:CANCEL}.
 *
 * <p>A séance is convoked once ({@code SeanceConvoquee}); before that, its other events send nothing. The reminder of
 * the day before ({@code RappelVeille}) goes to everyone convoked, once for a given start time.
 */
@Service
public class ConvocationService {
    /** Route of a séance's page for the members (written by the séance screens). */
    static final String LIEN_SEANCE = "seances/";
    static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH:mm");
    static final String COMITE = "Comité d'accompagnement des communs";
    /** Length of a séance without audition on its agenda, in the members' calendars. */
    static final int DUREE_SANS_AUDITION_MINUTES = 120;

    /** A recipient: a member of the comité, or the groupement of a file. */
    record Cible(Long membreId, Long communId) {
        static Cible membre(long id) {
            return new Cible(id, null);
        }

        static Cible groupement(long communId) {
            return new Cible(null, communId);
        }

        boolean estMembre() {
            return membreId != null;
        }
    }

    /** What kind of mail a convocation is: first, update, withdrawal of a file, reminder. */
    enum Envoi {
        CONVOCATION, MODIFICATION, RETRAIT, RAPPEL
    }

    /** What a mail says and what its calendar event holds, for one recipient. */
    record Contenu(String titreFichier, OffsetDateTime debut, OffsetDateTime fin, String lieu, String lienVisio,
                   String summary, String description, String corps, String lien) {
        String empreinte() {
            String data = String.join("\u001f", debut.toInstant().toString(), fin.toInstant().toString(),
                    Objects.toString(lieu, ""), Objects.toString(lienVisio, ""), summary, description);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final JooqConvocationRepository convocations;
    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final String organizerEmail;
    private final String uidDomain;

    ConvocationService(JooqConvocationRepository convocations, NotificationService notifications,
                       CurrentUser currentUser,
                       @Value("${communs.mail.from:ne-pas-repondre@communs.localhost}") String from) {
        this.convocations = convocations;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.organizerEmail = from;
        int at = from.lastIndexOf('@');
        this.uidDomain = at < 0 || at == from.length() - 1 ? "communs.localhost" : from.substring(at + 1);
    }

    // ------------------------------------------------------------------ events of the séance

    /** The séance is convoked: every active member and every groupement on its agenda. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SeanceConvoquee event) {
        convocations.markConvoked(event.seanceId());
        synchronise(event.seanceId(), Envoi.CONVOCATION, null, null, null);
    }

    /** A file was added: its groupement is convoked, members whose agenda changed get an update. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditionAjoutee event) {
        synchronise(event.seanceId(), Envoi.MODIFICATION, null, null, null);
    }

    /** Date, time, place or link changed: everyone convoked gets an update. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SeanceModifiee event) {
        synchronise(event.seanceId(), Envoi.MODIFICATION, null, null, null);
    }

    /** A slot changed: the file's groupement (and the members who have the file on their agenda) get an update. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CreneauModifie event) {
        synchronise(event.seanceId(), Envoi.MODIFICATION, null, null, null);
    }

    /**
     * A file was taken off the séance: its groupement gets a cancellation with the reason (and where it goes), the
     * members whose agenda had it an update; convoked to the séance it moves to, if that one is already convoked.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditionRetiree event) {
        OffsetDateTime vers = event.versSeanceId() == null ? null
                : convocations.seance(event.versSeanceId()).map(SeanceRow::debut).orElse(null);
        synchronise(event.seanceId(), Envoi.RETRAIT, event.communId(), event.motif(), vers);
        if (event.versSeanceId() != null) {
            synchronise(event.versSeanceId(), Envoi.MODIFICATION, null, null, null);
        }
    }

    /** The day before: everyone convoked is reminded (once for a given start time), with the invitation again. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RappelVeille event) {
        synchronise(event.seanceId(), Envoi.RAPPEL, null, null, null);
    }

    /** The séance is cancelled: everyone convoked gets the cancellation, with the reason. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SeanceAnnulee event) {
        SeanceState state = convocations.lock(event.seanceId()).orElse(null);
        SeanceRow seance = convocations.seance(event.seanceId()).orElse(null);
        if (state == null || state.annuleeLe() != null || seance == null) {
            return;
        }
        convocations.markCancelled(seance.id());
        Map<Long, AuditionRow> auditions = auditionsEver(seance.id());
        List<AuditionRow> agenda = convocations.auditions(seance.id());
        Map<Long, Set<Long>> deports = convocations.deports(agenda.stream().map(AuditionRow::communId).toList());
        for (Sent sent : convocations.sent(seance.id())) {
            if (sent.active()) {
                Cible cible = new Cible(sent.membreId(), sent.communId());
                Contenu contenu = cible.estMembre()
                        ? contenuMembre(seance, agenda, deports.getOrDefault(sent.membreId(), Set.of()))
                        : contenuGroupement(seance, auditions.get(sent.communId()));
                if (contenu != null) {
                    annuler(seance, cible, sent, contenu, annulationSeance(seance, cible, contenu, event.motif()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ reading (agents)

    /** A convocation sent for a séance: to whom, which SEQUENCE, when, cancelled or not. */
    public record ConvocationEnvoyee(Long membreId, Long communId, String uid, int sequence, OffsetDateTime envoyeeLe,
                                     boolean annulee) {
    }

    /** The convocations sent for a séance (agents and administrators). */
    @Transactional(readOnly = true)
    public List<ConvocationEnvoyee> envoyees(long seanceId) {
        currentUser.requireRole(Roles.AGENT, Roles.ADMIN);
        return convocations.sent(seanceId).stream().map(s -> new ConvocationEnvoyee(s.membreId(), s.communId(), s.uid(),
                s.sequence(), s.envoyeeLe(), !s.active())).toList();
    }

    // ------------------------------------------------------------------ the one algorithm

    /**
     * Brings everyone's convocation to the séance as it now is: the expected recipients (active members, groupements
     * of the files on the agenda) get a first convocation, or an update when what they were sent has changed (a
     * reminder is sent even when nothing changed); convocations whose recipient is no longer expected are cancelled.
     */
    private void synchronise(long seanceId, Envoi envoi, Long communRetire, String motifRetrait, OffsetDateTime vers) {
        SeanceState state = convocations.lock(seanceId).orElse(null);
        SeanceRow seance = convocations.seance(seanceId).orElse(null);
        if (state == null || state.annuleeLe() != null || seance == null
                || !List.of("PREPARATION", "OUVERTE").contains(seance.statut())) {
            return;                                     // never convoked, cancelled or over: nothing to send
        }
        if (envoi == Envoi.RAPPEL && (!"PREPARATION".equals(seance.statut())
                || (state.rappelPour() != null && state.rappelPour().isEqual(seance.debut())))) {
            return;                                     // already reminded for this start time
        }
        List<AuditionRow> agenda = convocations.auditions(seanceId);
        Map<Long, Set<Long>> deports = convocations.deports(agenda.stream().map(AuditionRow::communId).toList());
        Map<Cible, Contenu> attendus = new LinkedHashMap<>();
        for (long membre : convocations.activeMembers(seance.debut().atZoneSameInstant(Dates.ZONE).toLocalDate())) {
            attendus.put(Cible.membre(membre), contenuMembre(seance, agenda, deports.getOrDefault(membre, Set.of())));
        }
        for (AuditionRow audition : agenda) {
            attendus.put(Cible.groupement(audition.communId()), contenuGroupement(seance, audition));
        }
        Map<Cible, Sent> envoyees = new HashMap<>();
        for (Sent sent : convocations.sent(seanceId)) {
            envoyees.put(new Cible(sent.membreId(), sent.communId()), sent);
        }
        for (Map.Entry<Cible, Contenu> e : attendus.entrySet()) {
            Cible cible = e.getKey();
            Contenu contenu = e.getValue();
            Sent sent = envoyees.get(cible);
            String empreinte = contenu.empreinte();
            if (sent == null) {
                String uid = "seance-" + seanceId + (cible.estMembre() ? "-membre-" + cible.membreId()
                        : "-commun-" + cible.communId()) + "@" + uidDomain;
                convocations.insert(seanceId, cible.membreId(), cible.communId(), uid, empreinte);
                envoyer(seance, cible, uid, 0, contenu, envoi == Envoi.RAPPEL ? Envoi.RAPPEL : Envoi.CONVOCATION);
            } else if (!sent.active()) {
                convocations.update(sent.id(), sent.sequence() + 1, empreinte);
                envoyer(seance, cible, sent.uid(), sent.sequence() + 1, contenu,
                        envoi == Envoi.RAPPEL ? Envoi.RAPPEL : Envoi.CONVOCATION);
            } else if (!sent.empreinte().equals(empreinte)) {
                convocations.update(sent.id(), sent.sequence() + 1, empreinte);
                envoyer(seance, cible, sent.uid(), sent.sequence() + 1, contenu,
                        envoi == Envoi.RAPPEL ? Envoi.RAPPEL : Envoi.MODIFICATION);
            } else if (envoi == Envoi.RAPPEL) {
                envoyer(seance, cible, sent.uid(), sent.sequence(), contenu, Envoi.RAPPEL);
            }
        }
        Map<Long, AuditionRow> auditions = null;
        for (Map.Entry<Cible, Sent> e : envoyees.entrySet()) {
            Cible cible = e.getKey();
            Sent sent = e.getValue();
            if (!sent.active() || attendus.containsKey(cible)) {
                continue;
            }
            if (cible.estMembre()) {
                Contenu contenu = contenuMembre(seance, agenda, deports.getOrDefault(cible.membreId(), Set.of()));
                annuler(seance, cible, sent, contenu, new Message(
                        "Convocation annulée : séance du Comité d'accompagnement du " + quand(seance.debut()),
                        "Vous n'êtes plus membre actif du " + COMITE + " à la date de la séance du "
                                + quand(seance.debut()) + " : votre convocation est annulée.\n\n"
                                + "L'annulation pour votre agenda est jointe (annulation.ics)."));
            } else {
                if (auditions == null) {
                    auditions = auditionsEver(seanceId);
                }
                AuditionRow audition = auditions.get(cible.communId());
                if (audition == null) {
                    continue;
                }
                Contenu contenu = contenuGroupement(seance, audition);
                boolean retire = envoi == Envoi.RETRAIT && cible.communId().equals(communRetire);
                annuler(seance, cible, sent, contenu, retrait(seance, audition, retire ? motifRetrait : null, retire ? vers : null));
            }
        }
        if (envoi == Envoi.RAPPEL) {
            convocations.markReminded(seanceId, seance.debut());
        }
    }

    /** Every file that was on the séance's agenda (planned, moved or held), with its last slot there. */
    private Map<Long, AuditionRow> auditionsEver(long seanceId) {
        return convocations.auditionsEver(seanceId).stream()
                .collect(Collectors.toMap(AuditionRow::communId, a -> a, (a, b) -> b));
    }

    // ------------------------------------------------------------------ contents

    /** A member's convocation: the séance from its start to the end of the last audition, their own agenda. */
    private Contenu contenuMembre(SeanceRow seance, List<AuditionRow> agenda, Set<Long> deporte) {
        OffsetDateTime fin = agenda.stream().map(AuditionRow::fin).max(OffsetDateTime::compareTo)
                .filter(f -> f.isAfter(seance.debut()))
                .orElse(seance.debut().plusMinutes(DUREE_SANS_AUDITION_MINUTES));
        List<AuditionRow> mien = agenda.stream().filter(a -> !deporte.contains(a.communId())).toList();
        StringBuilder ordre = new StringBuilder("Ordre du jour :");
        if (mien.isEmpty()) {
            ordre.append("\naucun dossier pour le moment.");
        }
        for (AuditionRow a : mien) {
            ordre.append("\n- ").append(heure(a.debut())).append(" à ").append(heure(a.fin())).append(" : « ")
                    .append(a.titre()).append(" »");
        }
        if (mien.size() < agenda.size()) {
            ordre.append("\n(Les dossiers dont vous êtes déporté(e) ne figurent pas dans votre ordre du jour.)");
        }
        StringBuilder corps = new StringBuilder("Date : ").append(quand(seance.debut())).append(" (heure de Paris)");
        lieu(corps, seance);
        corps.append("\n\n").append(ordre)
                .append("\n\nAvant la séance, chaque dossier de votre ordre du jour se lit sur la plateforme.");
        return new Contenu(null, seance.debut(), fin, seance.lieu(), seance.lienVisio(),
                "Séance du " + COMITE, ordre.toString(), corps.toString(), LIEN_SEANCE + seance.id());
    }

    /** A groupement's convocation: its own audition slot. */
    private Contenu contenuGroupement(SeanceRow seance, AuditionRow audition) {
        if (audition == null) {
            return null;
        }
        StringBuilder corps = new StringBuilder("Votre audition : ").append(quand(audition.debut()))
                .append(" (heure de Paris), durée ").append(audition.dureeMinutes()).append(" minutes.");
        lieu(corps, seance);
        corps.append("\n\nLa séance du comité commence le ").append(quand(seance.debut()))
                .append(" ; présentez-vous quelques minutes avant votre créneau.");
        String description = "Audition du groupement du commun « " + audition.titre() + " » par le " + COMITE
                + ", de " + heure(audition.debut()) + " à " + heure(audition.fin()) + ".";
        return new Contenu(audition.titre(), audition.debut(), audition.fin(), seance.lieu(), seance.lienVisio(),
                "Audition de « " + audition.titre() + " » — " + COMITE, description, corps.toString(),
                "communs/" + audition.communId());
    }

    private static void lieu(StringBuilder corps, SeanceRow seance) {
        if (seance.lieu() != null) {
            corps.append("\nLieu : ").append(seance.lieu());
        }
        if (seance.lienVisio() != null) {
            corps.append("\nVisioconférence : ").append(seance.lieu() == null ? "en ligne, lien ci-dessous."
                    : "possible, lien ci-dessous.");
        }
    }

    /** Title and text of a mail. */
    record Message(String titre, String texte) {
    }

    private Message message(Cible cible, Envoi envoi, Contenu contenu) {
        String objet = cible.estMembre() ? "séance du Comité d'accompagnement le " + quand(contenu.debut())
                : "audition de « " + contenu.titreFichier() + " » le " + quand(contenu.debut());
        String intro;
        String titre;
        switch (envoi) {
            case MODIFICATION -> {
                titre = "Convocation modifiée : " + objet;
                intro = cible.estMembre()
                        ? "La séance du " + COMITE + " à laquelle vous êtes convoqué(e) a changé : voici votre convocation à jour."
                        : "L'audition du groupement du commun « " + contenu.titreFichier() + " » a changé : voici votre convocation à jour.";
            }
            case RAPPEL -> {
                titre = "Rappel : " + objet;
                intro = cible.estMembre()
                        ? "Rappel de votre convocation à la séance du " + COMITE + "."
                        : "Rappel de la convocation du groupement du commun « " + contenu.titreFichier()
                                + " » à son audition par le " + COMITE + ".";
            }
            default -> {
                titre = "Convocation : " + objet;
                intro = cible.estMembre()
                        ? "Vous êtes convoqué(e) à la séance du " + COMITE + "."
                        : "Le groupement du commun « " + contenu.titreFichier() + " » est convoqué à son audition par le "
                                + COMITE + ".";
            }
        }
        return new Message(titre, intro + "\n\n" + contenu.corps()
                + "\n\nL'invitation pour votre agenda est jointe (convocation.ics).");
    }

    private Message retrait(SeanceRow seance, AuditionRow audition, String motif, OffsetDateTime vers) {
        StringBuilder texte = new StringBuilder("L'audition du groupement du commun « ").append(audition.titre())
                .append(" », prévue le ").append(quand(audition.debut())).append(", est retirée de l'ordre du jour de la séance du ")
                .append(COMITE).append(" du ").append(quand(seance.debut())).append('.');
        if (motif != null && !motif.isBlank()) {
            texte.append("\n\nMotif : ").append(motif.strip());
        }
        texte.append("\n\n").append(vers != null
                ? "Le dossier est inscrit à la séance du " + quand(vers) + " : vous recevez sa convocation à part."
                : "Le dossier attend une prochaine séance : vous serez convoqués dès qu'elle sera fixée.");
        texte.append("\n\nL'annulation pour votre agenda est jointe (annulation.ics).");
        return new Message("Audition retirée de la séance du " + JOUR.format(local(seance.debut())) + " : « "
                + audition.titre() + " »", texte.toString());
    }

    private Message annulationSeance(SeanceRow seance, Cible cible, Contenu contenu, String motif) {
        StringBuilder texte = new StringBuilder("La séance du ").append(COMITE).append(" du ")
                .append(quand(seance.debut())).append(" est annulée");
        if (!cible.estMembre()) {
            texte.append(" : l'audition du groupement du commun « ").append(contenu.titreFichier()).append(" », prévue le ")
                    .append(quand(contenu.debut())).append(", n'aura pas lieu");
        }
        texte.append('.');
        if (motif != null && !motif.isBlank()) {
            texte.append("\n\nMotif : ").append(motif.strip());
        }
        if (!cible.estMembre()) {
            texte.append("\n\nVous recevrez une nouvelle convocation quand l'audition sera de nouveau fixée.");
        }
        texte.append("\n\nL'annulation pour votre agenda est jointe (annulation.ics).");
        String titre = cible.estMembre() ? "Séance annulée : Comité d'accompagnement du " + quand(seance.debut())
                : "Séance annulée : audition de « " + contenu.titreFichier() + " » du " + quand(contenu.debut());
        return new Message(titre, texte.toString());
    }

    // ------------------------------------------------------------------ sending

    private void envoyer(SeanceRow seance, Cible cible, String uid, int sequence, Contenu contenu, Envoi envoi) {
        NotificationType type = switch (envoi) {
            case MODIFICATION -> NotificationType.CONVOCATION_MODIFIEE;
            case RAPPEL -> NotificationType.RAPPEL_CONVOCATION;
            default -> NotificationType.CONVOCATION;
        };
        deliver(seance, cible, uid, sequence, false, contenu, type, message(cible, envoi, contenu));
    }

    private void annuler(SeanceRow seance, Cible cible, Sent sent, Contenu contenu, Message message) {
        convocations.cancel(sent.id(), sent.sequence() + 1);
        deliver(seance, cible, sent.uid(), sent.sequence() + 1, true, contenu, NotificationType.CONVOCATION_ANNULEE, message);
    }

    /** One notification and one mail per person, each with their own invitation (they are its ATTENDEE). */
    private void deliver(SeanceRow seance, Cible cible, String uid, int sequence, boolean cancel, Contenu contenu,
                         NotificationType type, Message message) {
        List<Person> people = cible.estMembre() ? convocations.person(cible.membreId()).map(List::of).orElse(List.of())
                : convocations.groupement(cible.communId());
        ExternalLink visio = seance.lienVisio() != null && ExternalLink.accepts(seance.lienVisio()) && !cancel
                ? new ExternalLink("Visioconférence", seance.lienVisio()) : null;
        for (Person person : people) {
            Invitation invitation = new Invitation(uid, sequence, cancel, contenu.debut(), contenu.fin(), contenu.summary(),
                    contenu.lieu() != null ? contenu.lieu() : contenu.lienVisio() != null ? "Visioconférence" : null,
                    contenu.lienVisio() != null && ExternalLink.accepts(contenu.lienVisio()) ? contenu.lienVisio() : null,
                    calendarText(contenu), COMITE, organizerEmail, person.nom(), person.email());
            List<Mailer.Attachment> pieces = new ArrayList<>();
            pieces.add(invitation.attachment());
            notifications.notifyUsers(List.of(person.id()), type, message.titre(), message.texte(), contenu.lien(),
                    visio, pieces);
        }
    }

    /** The event's description: the agenda or the slot, and the video link; nothing a calendar could turn into a link but it. */
    private static String calendarText(Contenu contenu) {
        String text = contenu.description().replace("://", "[:]//");
        return contenu.lienVisio() == null || !ExternalLink.accepts(contenu.lienVisio()) ? text
                : text + "\n\nVisioconférence : " + contenu.lienVisio();
    }

    private static java.time.LocalDateTime local(OffsetDateTime t) {
        return t.atZoneSameInstant(Dates.ZONE).toLocalDateTime();
    }

    /** "12/01/2027 à 14:00", in Paris. */
    static String quand(OffsetDateTime t) {
        return JOUR.format(local(t)) + " à " + HEURE.format(local(t));
    }

    private static String heure(OffsetDateTime t) {
        return HEURE.format(local(t));
    }
}
