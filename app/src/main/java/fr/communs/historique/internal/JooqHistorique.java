package fr.communs.historique.internal;

import static fr.communs.db.Tables.ANNOTATION;
import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.ASSEMBLEE_VOTE;
import static fr.communs.db.Tables.AVIS_REFERENT;
import static fr.communs.db.Tables.COMITE_AVIS;
import static fr.communs.db.Tables.COMITE_NOTE;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMMUN_VERSION;
import static fr.communs.db.Tables.COMPLEMENT;
import static fr.communs.db.Tables.DEPOT_EVENEMENT;
import static fr.communs.db.Tables.DOSSIER_ATTRIBUTION;
import static fr.communs.db.Tables.INSTRUCTION;
import static fr.communs.db.Tables.LIVRABLE;
import static fr.communs.db.Tables.MESSAGE;
import static fr.communs.db.Tables.PIECE_JOINTE;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.historique.Evenement;
import fr.communs.historique.Evenement.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events of a file read from our tables (publication, closure and reopening of the deposit, versions, decisions, compléments, assignments, avis, notes,
 * messages, attachments, comité, Assemblée, livrable), already worded for the agents' timeline.
 *
 * <p>The labels of the other features' codes (parts of a file, avis, categories of attachments) are repeated here
 * on purpose: those features show this timeline, so this package must not depend on them.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqHistorique {
    /** Length of the beginning of a message shown in the timeline. */
    static final int APERCU_MESSAGE = 100;
    /** Length of the longer texts (answers, avis) shown in the timeline. */
    static final int APERCU_TEXTE = 300;
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ECHEANCE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    private final DSLContext dsl;

    JooqHistorique(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A request for an avis that was cancelled: its date comes from the engine. */
    public record AvisAnnule(long avisId, String referentNom) {
    }

    /** Every event of the commun recorded in our tables, in no particular order. */
    public List<Evenement> evenements(long communId) {
        List<Evenement> all = new ArrayList<>();
        publication(communId, all);
        depot(communId, all);
        versions(communId, all);
        instructions(communId, all);
        attributions(communId, all);
        avis(communId, all);
        annotations(communId, all);
        messages(communId, all);
        pieces(communId, all);
        comite(communId, all);
        assemblee(communId, all);
        livrable(communId, all);
        return all;
    }

    /** Cancelled requests for an avis on the commun. */
    public List<AvisAnnule> avisAnnules(long communId) {
        return dsl.select(AVIS_REFERENT.AVIS_REFERENT_ID, APP_USER.NOM_COMPLET)
                .from(AVIS_REFERENT).join(APP_USER).on(APP_USER.APP_USER_ID.eq(AVIS_REFERENT.REFERENT_ID))
                .where(AVIS_REFERENT.COMMUN_ID.eq(communId), AVIS_REFERENT.STATUT.eq("ANNULE"))
                .fetch(r -> new AvisAnnule(r.value1(), r.value2()));
    }

    /** Names of accounts by id (unknown ids are left out). */
    public Map<Long, String> noms(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET).from(APP_USER)
                .where(APP_USER.APP_USER_ID.in(userIds))
                .fetchMap(APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET);
    }

    // ------------------------------------------------------------------ sources

    private void publication(long communId, List<Evenement> all) {
        dsl.select(COMMUN.PUBLIE_LE, STRUCTURE.NOM).from(COMMUN)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(COMMUN.COMMUN_ID.eq(communId), COMMUN.PUBLIE_LE.isNotNull())
                .fetch().forEach(r -> all.add(new Evenement(r.value1(), Type.DOSSIER, "Idée publiée", null, r.value2())));
    }

    /** Each closure of the deposit by the deadline, and each reopening with the administrator who decided it. */
    private void depot(long communId, List<Evenement> all) {
        dsl.select(DEPOT_EVENEMENT.NATURE, DEPOT_EVENEMENT.DATE_LIMITE, DEPOT_EVENEMENT.CREATED_AT, APP_USER.NOM_COMPLET)
                .from(DEPOT_EVENEMENT).leftJoin(APP_USER).on(APP_USER.APP_USER_ID.eq(DEPOT_EVENEMENT.PAR_ID))
                .where(DEPOT_EVENEMENT.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    String limite = ECHEANCE.format(r.value2().atZoneSameInstant(fr.communs.base.Dates.ZONE));
                    if ("CLOS".equals(r.value1())) {
                        all.add(new Evenement(r.value3(), Type.DOSSIER, "Dépôt clos sans transmission du dossier",
                                "La date limite de dépôt du " + limite + " est passée.", null));
                    } else {
                        all.add(new Evenement(r.value3(), Type.DOSSIER, "Dépôt rouvert par " + r.value4(),
                                "Le dossier revient en constitution ; nouvelle date limite de dépôt : " + limite + ".",
                                r.value4()));
                    }
                });
    }

    /** Transmission and each answer to compléments (the answer's text, written in the same transaction, as detail). */
    private void versions(long communId, List<Evenement> all) {
        var complements = dsl.select(COMPLEMENT.CREATED_AT, COMPLEMENT.REPONSE, APP_USER.NOM_COMPLET)
                .from(COMPLEMENT).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMPLEMENT.APP_USER_ID))
                .where(COMPLEMENT.COMMUN_ID.eq(communId)).fetch();
        Map<Instant, String> reponses = new HashMap<>();
        complements.forEach(r -> reponses.put(r.value1().toInstant(), r.value2()));
        Set<Instant> versionDates = new HashSet<>();
        dsl.select(COMMUN_VERSION.NUMERO, COMMUN_VERSION.MOTIF, COMMUN_VERSION.CREATED_AT, APP_USER.NOM_COMPLET)
                .from(COMMUN_VERSION).leftJoin(APP_USER).on(APP_USER.APP_USER_ID.eq(COMMUN_VERSION.CREE_PAR))
                .where(COMMUN_VERSION.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    versionDates.add(r.value3().toInstant());
                    boolean transmission = "TRANSMISSION".equals(r.value2());
                    String reponse = transmission ? null : reponses.get(r.value3().toInstant());
                    all.add(new Evenement(r.value3(), Type.DOSSIER,
                            (transmission ? "Dossier transmis" : "Compléments envoyés") + " (version " + r.value1() + ")",
                            reponse == null ? null : "Réponse à l'instructeur : " + apercu(reponse, APERCU_TEXTE),
                            r.value4()));
                });
        for (var r : complements) {
            if (!versionDates.contains(r.value1().toInstant())) {
                all.add(new Evenement(r.value1(), Type.DOSSIER, "Réponse aux compléments",
                        apercu(r.value2(), APERCU_TEXTE), r.value3()));
            }
        }
    }

    private void instructions(long communId, List<Evenement> all) {
        dsl.select(INSTRUCTION.DECISION, INSTRUCTION.MOTIF, INSTRUCTION.PARTIES_DEMANDEES,
                        INSTRUCTION.DATE_LIMITE_COMPLEMENTS, INSTRUCTION.CREATED_AT, APP_USER.NOM_COMPLET)
                .from(INSTRUCTION).join(APP_USER).on(APP_USER.APP_USER_ID.eq(INSTRUCTION.AGENT_ID))
                .where(INSTRUCTION.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    String decision = r.value1();
                    String motif = r.value2();
                    String titre;
                    String detail;
                    switch (decision) {
                        case "RECEVABLE" -> {
                            titre = "Décision : dossier recevable — soumis au comité";
                            detail = motif == null ? null : "Message au groupement : " + motif;
                        }
                        case "NON_RECEVABLE" -> {
                            titre = "Décision : dossier non recevable";
                            detail = motif == null ? null : "Motif : " + motif;
                        }
                        case "COMPLEMENTS" -> {
                            titre = "Décision : compléments demandés";
                            List<String> lignes = new ArrayList<>();
                            if (r.value3() != null && !r.value3().isBlank()) {
                                lignes.add("À compléter : " + Arrays.stream(r.value3().split(","))
                                        .map(String::strip).map(JooqHistorique::partie).collect(Collectors.joining(", ")));
                            }
                            if (r.value4() != null) {
                                lignes.add("Avant le " + JOUR.format(r.value4()));
                            }
                            if (motif != null) {
                                lignes.add("Message au groupement : " + motif);
                            }
                            detail = lignes.isEmpty() ? null : String.join("\n", lignes);
                        }
                        default -> {
                            titre = "Décision : " + decision;
                            detail = motif;
                        }
                    }
                    all.add(new Evenement(r.value5(), Type.DECISION, titre, detail, r.value6()));
                });
    }

    private void attributions(long communId, List<Evenement> all) {
        var instructeur = APP_USER.as("instructeur");
        var par = APP_USER.as("par");
        dsl.select(DOSSIER_ATTRIBUTION.INSTRUCTEUR_ID, DOSSIER_ATTRIBUTION.PAR_ID, DOSSIER_ATTRIBUTION.CREATED_AT,
                        instructeur.NOM_COMPLET, par.NOM_COMPLET)
                .from(DOSSIER_ATTRIBUTION)
                .leftJoin(instructeur).on(instructeur.APP_USER_ID.eq(DOSSIER_ATTRIBUTION.INSTRUCTEUR_ID))
                .join(par).on(par.APP_USER_ID.eq(DOSSIER_ATTRIBUTION.PAR_ID))
                .where(DOSSIER_ATTRIBUTION.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    String titre;
                    if (r.value1() == null) {
                        titre = "Dossier rendu : plus personne ne l'instruit";
                    } else if (r.value1().equals(r.value2())) {
                        titre = "Dossier pris en charge par " + r.value4();
                    } else {
                        titre = "Dossier attribué à " + r.value4();
                    }
                    all.add(new Evenement(r.value3(), Type.SUIVI, titre, null, r.value5()));
                });
    }

    private void avis(long communId, List<Evenement> all) {
        var demandeur = APP_USER.as("demandeur");
        var referent = APP_USER.as("referent");
        dsl.select(AVIS_REFERENT.QUESTION, AVIS_REFERENT.DATE_LIMITE, AVIS_REFERENT.STATUT, AVIS_REFERENT.AVIS,
                        AVIS_REFERENT.REPONSE, AVIS_REFERENT.RENDU_LE, AVIS_REFERENT.RELANCES, AVIS_REFERENT.CREATED_AT,
                        demandeur.NOM_COMPLET, referent.NOM_COMPLET, referent.DIRECTION)
                .from(AVIS_REFERENT)
                .join(demandeur).on(demandeur.APP_USER_ID.eq(AVIS_REFERENT.DEMANDEUR_ID))
                .join(referent).on(referent.APP_USER_ID.eq(AVIS_REFERENT.REFERENT_ID))
                .where(AVIS_REFERENT.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    String referentNom = r.value10() + (r.value11() == null || r.value11().isBlank() ? "" : " (" + r.value11() + ")");
                    String detail = "Question : " + apercu(r.value1(), APERCU_TEXTE) + "\nÀ rendre avant le "
                            + JOUR.format(r.value2())
                            + (r.value7() == null || r.value7() == 0 ? "" : " · relancé " + (r.value7() == 1 ? "une fois" : r.value7() + " fois"))
                            + ("ANNULE".equals(r.value3()) ? " · demande annulée" : "");
                    all.add(new Evenement(r.value8(), Type.AVIS, "Avis demandé à " + referentNom, detail, r.value9()));
                    if ("RENDU".equals(r.value3()) && r.value6() != null) {
                        all.add(new Evenement(r.value6(), Type.AVIS, de(r.value10()) + " : " + sensAvis(r.value4()),
                                r.value5() == null ? null : apercu(r.value5(), APERCU_TEXTE), r.value10()));
                    }
                });
    }

    private void annotations(long communId, List<Evenement> all) {
        dsl.select(ANNOTATION.CREATED_AT, APP_USER.NOM_COMPLET)
                .from(ANNOTATION).join(APP_USER).on(APP_USER.APP_USER_ID.eq(ANNOTATION.AGENT_ID))
                .where(ANNOTATION.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> all.add(new Evenement(r.value1(), Type.SUIVI, "Note interne ajoutée", null, r.value2())));
    }

    private void messages(long communId, List<Evenement> all) {
        dsl.select(MESSAGE.COTE, MESSAGE.TEXTE, MESSAGE.CREATED_AT, APP_USER.NOM_COMPLET, STRUCTURE.NOM)
                .from(MESSAGE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(MESSAGE.AUTEUR_ID))
                .leftJoin(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(MESSAGE.STRUCTURE_ID))
                .where(MESSAGE.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    boolean groupement = "GROUPEMENT".equals(r.value1());
                    all.add(new Evenement(r.value3(), Type.MESSAGE,
                            groupement ? "Message du groupement" : "Message du Département",
                            apercu(r.value2(), APERCU_MESSAGE),
                            r.value4() + (r.value5() == null ? "" : " (" + r.value5() + ")")));
                });
    }

    private void pieces(long communId, List<Evenement> all) {
        dsl.select(PIECE_JOINTE.NOM_FICHIER, PIECE_JOINTE.CATEGORIE, PIECE_JOINTE.TAILLE, PIECE_JOINTE.CREATED_AT,
                        PIECE_JOINTE.SUPPRIME_LE, APP_USER.NOM_COMPLET, STRUCTURE.NOM)
                .from(PIECE_JOINTE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(PIECE_JOINTE.APP_USER_ID))
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(PIECE_JOINTE.STRUCTURE_ID))
                .where(PIECE_JOINTE.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    String detail = categorie(r.value2()) + " · " + taille(r.value3());
                    all.add(new Evenement(r.value4(), Type.PIECE, "Pièce jointe ajoutée : " + r.value1(), detail,
                            r.value6() + " (" + r.value7() + ")"));
                    if (r.value5() != null) {
                        // Who deleted it is not recorded (piece_jointe has no "supprime_par").
                        all.add(new Evenement(r.value5(), Type.PIECE, "Pièce jointe supprimée : " + r.value1(), detail, null));
                    }
                });
    }

    private void comite(long communId, List<Evenement> all) {
        dsl.select(COMITE_NOTE.NOTE_CONTRIBUTEURS, COMITE_NOTE.NOTE_GOUVERNANCE, COMITE_NOTE.NOTE_DEFIS,
                        COMITE_NOTE.NOTE_COMMUNS, COMITE_NOTE.CREATED_AT, APP_USER.NOM_COMPLET)
                .from(COMITE_NOTE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_NOTE.APP_USER_ID))
                .where(COMITE_NOTE.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    int total = r.value1() + r.value2() + r.value3() + r.value4();
                    all.add(new Evenement(r.value5(), Type.AVIS, "Audition notée par " + r.value6(),
                            "Total : " + total + " / 20", r.value6()));
                });
        dsl.select(COMITE_AVIS.AVIS, COMITE_AVIS.SUBVENTION_PROPOSEE, COMITE_AVIS.CONTRIBUTIONS, COMITE_AVIS.CREATED_AT,
                        APP_USER.NOM_COMPLET)
                .from(COMITE_AVIS).join(APP_USER).on(APP_USER.APP_USER_ID.eq(COMITE_AVIS.AGENT_ID))
                .where(COMITE_AVIS.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    String detail = "Subvention proposée : " + euros(r.value2())
                            + (r.value3() == null || r.value3().isBlank() ? "" : "\nContributions : " + apercu(r.value3(), APERCU_TEXTE));
                    all.add(new Evenement(r.value4(), Type.DECISION, "Avis du comité : " + sensAvis(r.value1()).toLowerCase()
                            + " — proposé à l'Assemblée", detail, r.value5()));
                });
    }

    private void assemblee(long communId, List<Evenement> all) {
        dsl.select(ASSEMBLEE_VOTE.RESULTAT, ASSEMBLEE_VOTE.MONTANT_VOTE, ASSEMBLEE_VOTE.DATE_SEANCE,
                        ASSEMBLEE_VOTE.CREATED_AT, APP_USER.NOM_COMPLET)
                .from(ASSEMBLEE_VOTE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(ASSEMBLEE_VOTE.AGENT_ID))
                .where(ASSEMBLEE_VOTE.COMMUN_ID.eq(communId)).fetch().forEach(r -> {
                    String titre = switch (r.value1()) {
                        case "ADOPTE" -> "Vote de l'Assemblée : subvention votée";
                        case "REJETE" -> "Vote de l'Assemblée : subvention non votée";
                        case "AJOURNE" -> "Vote de l'Assemblée : ajourné";
                        default -> "Vote de l'Assemblée : " + r.value1();
                    };
                    String detail = "Séance du " + JOUR.format(r.value3())
                            + (r.value2() == null ? "" : " · montant voté : " + euros(r.value2()));
                    all.add(new Evenement(r.value4(), Type.DECISION, titre, detail, r.value5()));
                });
    }

    private void livrable(long communId, List<Evenement> all) {
        dsl.select(LIVRABLE.TITRE, LIVRABLE.CREATED_AT, APP_USER.NOM_COMPLET)
                .from(LIVRABLE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(LIVRABLE.APP_USER_ID))
                .where(LIVRABLE.COMMUN_ID.eq(communId)).fetch()
                .forEach(r -> all.add(new Evenement(r.value2(), Type.DOSSIER, "Livrable déposé : " + r.value1(), null,
                        r.value3())));
    }

    // ------------------------------------------------------------------ wording

    /** The beginning of a text, cut at {@code max} characters (never inside a surrogate pair) with "…". */
    static String apercu(String texte, int max) {
        String clean = Objects.requireNonNullElse(texte, "").strip();
        if (clean.length() <= max) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
        return clean.substring(0, end).stripTrailing() + "…";
    }

    /** Label of a {@code PartieDossier} name (same words as the instruction screens). */
    static String partie(String code) {
        return switch (code) {
            case "RESUME" -> "Résumé";
            case "BESOIN" -> "Besoin du territoire (diagnostic)";
            case "INTERET_GENERAL" -> "Caractère d'intérêt général";
            case "GOUVERNANCE" -> "Gouvernance";
            case "PRODUCTIONS" -> "Productions attendues et leur appropriation";
            case "BUDGET" -> "Montant demandé et budget prévisionnel";
            case "PIECES" -> "Pièces jointes";
            default -> code;
        };
    }

    /** Label of an avis (référent, comité): favorable, réservé, défavorable. */
    static String sensAvis(String code) {
        return switch (code == null ? "" : code) {
            case "FAVORABLE" -> "Favorable";
            case "RESERVE" -> "Réservé";
            case "DEFAVORABLE" -> "Défavorable";
            default -> Objects.requireNonNullElse(code, "");
        };
    }

    static String categorie(String code) {
        return switch (code) {
            case "STATUTS" -> "Statuts";
            case "BUDGET" -> "Budget prévisionnel";
            case "LETTRE_ENGAGEMENT" -> "Lettre d'engagement";
            case "AUTRE" -> "Autre pièce";
            default -> code;
        };
    }

    static String taille(long octets) {
        if (octets < 1024) {
            return octets + " octets";
        }
        if (octets < 1024 * 1024) {
            return Math.round(octets / 1024.0) + " Ko";
        }
        return String.format(Locale.FRANCE, "%.1f Mo", octets / (1024.0 * 1024.0));
    }

    static String euros(BigDecimal montant) {
        return fr.communs.base.Montants.format(montant);
    }

    /** "Avis de Julien" / "Avis d'Inès": French elision before a vowel. */
    static String de(String nom) {
        return nom != null && !nom.isEmpty() && "AEIOUYÉÈÊÂÎÔaeiouyéèêâîô".indexOf(nom.charAt(0)) >= 0
                ? "Avis d'" + nom : "Avis de " + nom;
    }
}
