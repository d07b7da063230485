package fr.communs.commun.internal;

import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.COMMUNE;
import static fr.communs.db.Tables.COMMUN_COMMUNE;
import static fr.communs.db.Tables.COMMUN_DEFI;
import static fr.communs.db.Tables.COMMUN_ENJEU;
import static fr.communs.db.Tables.COMMUN_VERSION;
import static fr.communs.db.Tables.DEFI;
import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.campagne.Defi;
import fr.communs.commun.Commun;
import fr.communs.commun.CommunData;
import fr.communs.base.CommunStatut;
import fr.communs.commun.Echelle;
import fr.communs.commun.Enjeu;
import fr.communs.commune.Commune;
import fr.communs.commune.internal.JooqCommuneRepository;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqCommunRepository {
    private final DSLContext dsl;

    JooqCommunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts a draft (statut BROUILLON); the porteur structure becomes its first, confirmed member. */
    public long insertDraft(long campagneId, long porteurStructureId, CommunData d) {
        long id = dsl.insertInto(COMMUN)
                .set(COMMUN.CAMPAGNE_ID, campagneId).set(COMMUN.PORTEUR_STRUCTURE_ID, porteurStructureId)
                .set(COMMUN.TITRE, d.titre() == null ? "" : d.titre())
                .set(COMMUN.STATUT, CommunStatut.BROUILLON.name())
                .returning(COMMUN.COMMUN_ID).fetchOne().getCommunId();
        writeContent(id, d);
        return id;
    }

    /** Writes the content if the row still has the expected version; returns false otherwise. */
    public boolean updateContent(long communId, int expectedVersion, CommunData d) {
        int n = dsl.update(COMMUN).set(COMMUN.VERSION, COMMUN.VERSION.plus(1)).set(COMMUN.UPDATED_AT, OffsetDateTime.now())
                .where(COMMUN.COMMUN_ID.eq(communId).and(COMMUN.VERSION.eq(expectedVersion))).execute();
        if (n == 0) {
            return false;
        }
        writeContent(communId, d);
        return true;
    }

    private void writeContent(long id, CommunData d) {
        dsl.update(COMMUN)
                .set(COMMUN.TITRE, d.titre() == null ? "" : d.titre()).set(COMMUN.RESUME, d.resume())
                .set(COMMUN.BESOIN, d.besoin()).set(COMMUN.INTERET_GENERAL, d.interetGeneral())
                .set(COMMUN.GOUVERNANCE, d.gouvernance())
                .set(COMMUN.ECHELLE, d.echelle() == null ? null : d.echelle().name())
                .set(COMMUN.ZONE_RURALE, d.zoneRurale()).set(COMMUN.ZONE_QPV, d.zoneQpv())
                .set(COMMUN.PRODUCTIONS, d.productions())
                .where(COMMUN.COMMUN_ID.eq(id)).execute();
        dsl.deleteFrom(COMMUN_DEFI).where(COMMUN_DEFI.COMMUN_ID.eq(id)).execute();
        for (Long defiId : d.defiIds()) {
            dsl.insertInto(COMMUN_DEFI).set(COMMUN_DEFI.COMMUN_ID, id).set(COMMUN_DEFI.DEFI_ID, defiId).execute();
        }
        dsl.deleteFrom(COMMUN_ENJEU).where(COMMUN_ENJEU.COMMUN_ID.eq(id)).execute();
        for (Enjeu enjeu : d.enjeux()) {
            dsl.insertInto(COMMUN_ENJEU).set(COMMUN_ENJEU.COMMUN_ID, id).set(COMMUN_ENJEU.ENJEU, enjeu.name()).execute();
        }
        dsl.deleteFrom(COMMUN_COMMUNE).where(COMMUN_COMMUNE.COMMUN_ID.eq(id)).execute();
        for (String code : d.communes()) {
            dsl.insertInto(COMMUN_COMMUNE).set(COMMUN_COMMUNE.COMMUN_ID, id).set(COMMUN_COMMUNE.CODE_INSEE, code).execute();
        }
    }

    /** Publishes a draft: statut EN_CONSTITUTION, publication date, process instance. */
    public boolean publish(long communId, String processInstanceId) {
        return dsl.update(COMMUN).set(COMMUN.STATUT, CommunStatut.EN_CONSTITUTION.name())
                .set(COMMUN.PUBLIE_LE, OffsetDateTime.now()).set(COMMUN.PROCESS_INSTANCE_ID, processInstanceId)
                .set(COMMUN.VERSION, COMMUN.VERSION.plus(1)).set(COMMUN.UPDATED_AT, OffsetDateTime.now())
                .where(COMMUN.COMMUN_ID.eq(communId).and(COMMUN.STATUT.eq(CommunStatut.BROUILLON.name()))).execute() == 1;
    }

    public void deleteDraft(long communId) {
        dsl.deleteFrom(COMMUN_DEFI).where(COMMUN_DEFI.COMMUN_ID.eq(communId)).execute();
        dsl.deleteFrom(COMMUN_ENJEU).where(COMMUN_ENJEU.COMMUN_ID.eq(communId)).execute();
        dsl.deleteFrom(COMMUN_COMMUNE).where(COMMUN_COMMUNE.COMMUN_ID.eq(communId)).execute();
        dsl.deleteFrom(fr.communs.db.Tables.GROUPEMENT_MEMBRE).where(fr.communs.db.Tables.GROUPEMENT_MEMBRE.COMMUN_ID.eq(communId)).execute();
        dsl.deleteFrom(fr.communs.db.Tables.CONTRIBUTION).where(fr.communs.db.Tables.CONTRIBUTION.COMMUN_ID.eq(communId)).execute();
        dsl.deleteFrom(COMMUN).where(COMMUN.COMMUN_ID.eq(communId).and(COMMUN.STATUT.eq(CommunStatut.BROUILLON.name()))).execute();
    }

    public void setCherchePartenaires(long communId, boolean value) {
        dsl.update(COMMUN).set(COMMUN.CHERCHE_PARTENAIRES, value).set(COMMUN.UPDATED_AT, OffsetDateTime.now())
                .where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    /** Updates the texts a porteur may complete during the compléments loop. */
    /** Sets the given texts (null ones are left unchanged). */
    public void updateTexts(long communId, String resume, String besoin, String interetGeneral, String gouvernance,
                            String productions) {
        var update = dsl.update(COMMUN).set(COMMUN.VERSION, COMMUN.VERSION.plus(1)).set(COMMUN.UPDATED_AT, OffsetDateTime.now());
        if (resume != null) {
            update = update.set(COMMUN.RESUME, resume);
        }
        if (besoin != null) {
            update = update.set(COMMUN.BESOIN, besoin);
        }
        if (interetGeneral != null) {
            update = update.set(COMMUN.INTERET_GENERAL, interetGeneral);
        }
        if (gouvernance != null) {
            update = update.set(COMMUN.GOUVERNANCE, gouvernance);
        }
        if (productions != null) {
            update = update.set(COMMUN.PRODUCTIONS, productions);
        }
        update.where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    private static final Map<String, String> CATEGORIES_PIECES = Map.of("STATUTS", "Statuts",
            "BUDGET", "Budget prévisionnel", "LETTRE_ENGAGEMENT", "Lettre d'engagement", "AUTRE", "Autre pièce");

    /** The file's attachments now, as plain labels for a frozen version: "Statuts — statuts.pdf (120 Ko)". */
    public List<String> piecesJointes(long communId) {
        var p = fr.communs.db.Tables.PIECE_JOINTE;
        return dsl.select(p.CATEGORIE, p.NOM_FICHIER, p.TAILLE).from(p)
                .where(p.COMMUN_ID.eq(communId).and(p.SUPPRIME_LE.isNull()))
                .orderBy(p.CREATED_AT, p.PIECE_JOINTE_ID)
                .fetch(r -> CATEGORIES_PIECES.getOrDefault(r.value1(), r.value1()) + " — " + r.value2()
                        + " (" + Math.max(1, (r.value3() + 1023) / 1024) + " Ko)");
    }

    public void updateStatut(long communId, CommunStatut statut) {
        dsl.update(COMMUN).set(COMMUN.STATUT, statut.name()).set(COMMUN.VERSION, COMMUN.VERSION.plus(1))
                .set(COMMUN.UPDATED_AT, OffsetDateTime.now()).where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    public void setPorteur(long communId, long structureId) {
        dsl.update(COMMUN).set(COMMUN.PORTEUR_STRUCTURE_ID, structureId).set(COMMUN.VERSION, COMMUN.VERSION.plus(1))
                .set(COMMUN.UPDATED_AT, OffsetDateTime.now()).where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    public void markTransmitted(long communId) {
        dsl.update(COMMUN).set(COMMUN.STATUT, CommunStatut.EN_INSTRUCTION.name())
                .set(COMMUN.DATE_TRANSMISSION, OffsetDateTime.now()).set(COMMUN.VERSION, COMMUN.VERSION.plus(1))
                .set(COMMUN.UPDATED_AT, OffsetDateTime.now()).where(COMMUN.COMMUN_ID.eq(communId)).execute();
    }

    /** Locks the commun's row for the rest of the transaction (serialises changes to its file and groupement). */
    public Optional<CommunStatut> lockStatut(long communId) {
        return dsl.select(COMMUN.STATUT).from(COMMUN).where(COMMUN.COMMUN_ID.eq(communId)).forUpdate()
                .fetchOptional(r -> CommunStatut.valueOf(r.value1()));
    }

    public Optional<Commun> findById(long id) {
        return dsl.select(COMMUN.asterisk(), STRUCTURE.NOM).from(COMMUN)
                .join(STRUCTURE).on(STRUCTURE.STRUCTURE_ID.eq(COMMUN.PORTEUR_STRUCTURE_ID))
                .where(COMMUN.COMMUN_ID.eq(id)).fetchOptional().map(r -> toCommun(r, defisOf(id), enjeuxOf(id), communesOf(id)));
    }

    /** Drafts of these structures, most recently changed first. */
    public List<Long> draftsOf(Set<Long> structureIds) {
        return dsl.select(COMMUN.COMMUN_ID).from(COMMUN)
                .where(COMMUN.STATUT.eq(CommunStatut.BROUILLON.name()).and(COMMUN.PORTEUR_STRUCTURE_ID.in(structureIds)))
                .orderBy(COMMUN.UPDATED_AT.desc()).fetch(COMMUN.COMMUN_ID);
    }

    private List<Defi> defisOf(long communId) {
        return dsl.select(DEFI.DEFI_ID, DEFI.NUMERO, DEFI.LIBELLE, DEFI.HASHTAGS).from(DEFI)
                .join(COMMUN_DEFI).on(COMMUN_DEFI.DEFI_ID.eq(DEFI.DEFI_ID))
                .where(COMMUN_DEFI.COMMUN_ID.eq(communId)).orderBy(DEFI.NUMERO)
                .fetch(r -> new Defi(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private Set<Enjeu> enjeuxOf(long communId) {
        Set<Enjeu> enjeux = EnumSet.noneOf(Enjeu.class);
        dsl.select(COMMUN_ENJEU.ENJEU).from(COMMUN_ENJEU).where(COMMUN_ENJEU.COMMUN_ID.eq(communId))
                .forEach(r -> enjeux.add(Enjeu.valueOf(r.value1())));
        return enjeux;
    }

    private List<Commune> communesOf(long communId) {
        return dsl.select(COMMUNE.fields()).from(COMMUNE).join(COMMUN_COMMUNE).on(COMMUN_COMMUNE.CODE_INSEE.eq(COMMUNE.CODE_INSEE))
                .where(COMMUN_COMMUNE.COMMUN_ID.eq(communId)).orderBy(COMMUNE.NOM)
                .fetch(r -> JooqCommuneRepository.toCommune(r.into(COMMUNE)));
    }

    private static Commun toCommun(Record r, List<Defi> defis, Set<Enjeu> enjeux, List<Commune> communes) {
        String echelle = r.get(COMMUN.ECHELLE);
        return new Commun(r.get(COMMUN.COMMUN_ID), r.get(COMMUN.CAMPAGNE_ID), r.get(COMMUN.TITRE), r.get(COMMUN.RESUME),
                r.get(COMMUN.BESOIN), r.get(COMMUN.INTERET_GENERAL), r.get(COMMUN.GOUVERNANCE),
                r.get(COMMUN.PORTEUR_STRUCTURE_ID), r.get(STRUCTURE.NOM), CommunStatut.valueOf(r.get(COMMUN.STATUT)),
                r.get(COMMUN.DATE_TRANSMISSION), r.get(COMMUN.CREATED_AT), defis, enjeux,
                echelle == null ? null : Echelle.valueOf(echelle), r.get(COMMUN.ZONE_RURALE), r.get(COMMUN.ZONE_QPV),
                communes, r.get(COMMUN.PRODUCTIONS), r.get(COMMUN.CHERCHE_PARTENAIRES), r.get(COMMUN.PUBLIE_LE),
                r.get(COMMUN.VERSION));
    }

    // --- Versions of the transmitted file ---

    public int insertVersion(long communId, String motif, String json, Long userId) {
        int numero = dsl.select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.max(COMMUN_VERSION.NUMERO), 0))
                .from(COMMUN_VERSION).where(COMMUN_VERSION.COMMUN_ID.eq(communId)).fetchOne().value1() + 1;
        dsl.insertInto(COMMUN_VERSION).set(COMMUN_VERSION.COMMUN_ID, communId).set(COMMUN_VERSION.NUMERO, numero)
                .set(COMMUN_VERSION.MOTIF, motif).set(COMMUN_VERSION.CONTENU, JSON.valueOf(json))
                .set(COMMUN_VERSION.CREE_PAR, userId).execute();
        return numero;
    }

    /** Versions of the file: numero, motif, created_at, JSON content; newest first. */
    public List<StoredVersion> versions(long communId) {
        return dsl.select(COMMUN_VERSION.NUMERO, COMMUN_VERSION.MOTIF, COMMUN_VERSION.CREATED_AT, COMMUN_VERSION.CONTENU)
                .from(COMMUN_VERSION).where(COMMUN_VERSION.COMMUN_ID.eq(communId)).orderBy(COMMUN_VERSION.NUMERO.desc())
                .fetch(r -> new StoredVersion(r.value1(), r.value2(), r.value3(), r.value4().data()));
    }

    public record StoredVersion(int numero, String motif, OffsetDateTime createdAt, String json) {
    }
}
