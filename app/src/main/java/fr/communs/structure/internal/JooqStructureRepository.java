package fr.communs.structure.internal;

import static fr.communs.db.Tables.APP_USER;
import static fr.communs.db.Tables.COMMUN;
import static fr.communs.db.Tables.GROUPEMENT_MEMBRE;
import static fr.communs.db.Tables.STRUCTURE;
import static fr.communs.db.Tables.STRUCTURE_DOMAINE;
import static fr.communs.db.Tables.STRUCTURE_MEMBRE;

import fr.communs.db.tables.records.StructureRecord;
import fr.communs.structure.Domaine;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.JoinRequest;
import fr.communs.structure.SiaeType;
import fr.communs.structure.StatutVerification;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureCommun;
import fr.communs.structure.StructureData;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqStructureRepository {
    static final String MEMBRE = "MEMBRE";
    static final String DEMANDE = "DEMANDE";

    private final DSLContext dsl;

    JooqStructureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts a structure (commune name and département copied from the official list). */
    public long insert(StructureData d, boolean ess, String communeNom, String codeDepartement, String recherche,
                       StatutVerification verification) {
        StructureRecord r = dsl.newRecord(STRUCTURE);
        fill(r, d, ess, communeNom, codeDepartement, recherche);
        r.setStatutVerification(verification.name());
        r.store();
        replaceDomaines(r.getStructureId(), d.domaines());
        return r.getStructureId();
    }

    /** Updates a structure; returns false when its version changed meanwhile (optimistic locking). */
    public boolean update(long id, int version, StructureData d, boolean ess, String communeNom, String codeDepartement,
                          String recherche, boolean resetVerification) {
        StructureRecord r = dsl.selectFrom(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.eq(id)).forUpdate().fetchOne();
        if (r == null || r.getVersion() != version) {
            return false;
        }
        fill(r, d, ess, communeNom, codeDepartement, recherche);
        if (resetVerification) {
            r.setStatutVerification(StatutVerification.A_VERIFIER.name());
            r.setMotifRefus(null);
            r.setVerifiePar(null);
            r.setVerifieLe(null);
        }
        r.setVersion(version + 1);
        r.setUpdatedAt(OffsetDateTime.now());
        r.store();
        replaceDomaines(id, d.domaines());
        return true;
    }

    private static void fill(StructureRecord r, StructureData d, boolean ess, String communeNom, String codeDepartement,
                             String recherche) {
        r.setNom(d.nom());
        r.setSiret(d.siret());
        r.setRna(d.rna());
        r.setFormeJuridique(d.formeJuridique().name());
        r.setAgrementEsus(d.agrementEsus());
        r.setSiaeType(d.siaeType() == null ? null : d.siaeType().name());
        r.setEntrepriseAdaptee(d.entrepriseAdaptee());
        r.setEss(ess);
        r.setCommuneInsee(d.communeInsee());
        r.setCommune(communeNom);
        r.setCodeDepartement(codeDepartement);
        r.setAdresse(d.adresse());
        r.setLatitude(d.latitude() == null ? null : BigDecimal.valueOf(d.latitude()));
        r.setLongitude(d.longitude() == null ? null : BigDecimal.valueOf(d.longitude()));
        r.setDescription(d.description());
        r.setSiteWeb(d.siteWeb());
        r.setContactPublic(d.contactPublic());
        r.setRechercheTexte(recherche);
    }

    private void replaceDomaines(long id, Set<Domaine> domaines) {
        dsl.deleteFrom(STRUCTURE_DOMAINE).where(STRUCTURE_DOMAINE.STRUCTURE_ID.eq(id)).execute();
        for (Domaine domaine : domaines) {
            dsl.insertInto(STRUCTURE_DOMAINE).set(STRUCTURE_DOMAINE.STRUCTURE_ID, id)
                    .set(STRUCTURE_DOMAINE.DOMAINE, domaine.name()).execute();
        }
    }

    public Optional<Structure> findById(long id) {
        return findByIds(List.of(id)).stream().findFirst();
    }

    public int version(long id) {
        return dsl.select(STRUCTURE.VERSION).from(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.eq(id)).fetchOne().value1();
    }

    public List<Structure> findByIds(Collection<Long> ids) {
        return toStructures(dsl.selectFrom(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.in(ids)).orderBy(STRUCTURE.NOM).fetch());
    }

    public List<Structure> findAll() {
        return toStructures(dsl.selectFrom(STRUCTURE).orderBy(STRUCTURE.NOM).fetch());
    }

    /** Structures waiting for an agent's verification, the oldest first. */
    public List<Structure> toVerify(int offset, int limit) {
        return toStructures(dsl.selectFrom(STRUCTURE)
                .where(STRUCTURE.STATUT_VERIFICATION.eq(StatutVerification.A_VERIFIER.name()))
                .orderBy(STRUCTURE.UPDATED_AT, STRUCTURE.STRUCTURE_ID).offset(offset).limit(limit).fetch());
    }

    public int countToVerify() {
        return dsl.fetchCount(STRUCTURE, STRUCTURE.STATUT_VERIFICATION.eq(StatutVerification.A_VERIFIER.name()));
    }

    /** Records an agent's verification of the version of the record the agent saw; 0 when it changed meanwhile. */
    public int setVerification(long id, int version, StatutVerification statut, String motif, long agentId) {
        return dsl.update(STRUCTURE).set(STRUCTURE.STATUT_VERIFICATION, statut.name()).set(STRUCTURE.MOTIF_REFUS, motif)
                .set(STRUCTURE.VERIFIE_PAR, agentId).set(STRUCTURE.VERIFIE_LE, OffsetDateTime.now())
                .set(STRUCTURE.VERSION, STRUCTURE.VERSION.plus(1))
                .where(STRUCTURE.STRUCTURE_ID.eq(id).and(STRUCTURE.VERSION.eq(version))
                        .and(STRUCTURE.STATUT_VERIFICATION.eq(StatutVerification.A_VERIFIER.name())))
                .execute();
    }

    public boolean siretTaken(String siret, Long exceptId) {
        var condition = STRUCTURE.SIRET.eq(siret);
        if (exceptId != null) {
            condition = condition.and(STRUCTURE.STRUCTURE_ID.ne(exceptId));
        }
        return dsl.fetchExists(STRUCTURE, condition);
    }

    List<Structure> toStructures(List<StructureRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Domaine>> domaines = dsl.selectFrom(STRUCTURE_DOMAINE)
                .where(STRUCTURE_DOMAINE.STRUCTURE_ID.in(records.stream().map(StructureRecord::getStructureId).toList()))
                .fetchGroups(STRUCTURE_DOMAINE.STRUCTURE_ID, r -> Domaine.valueOf(r.getDomaine()))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> EnumSet.copyOf(e.getValue())));
        return records.stream().map(r -> toStructure(r, domaines.getOrDefault(r.getStructureId(), Set.of()))).toList();
    }

    static Structure toStructure(StructureRecord r, Set<Domaine> domaines) {
        return new Structure(r.getStructureId(), r.getNom(), r.getSiret(), r.getRna(),
                FormeJuridique.valueOf(r.getFormeJuridique()), r.getAgrementEsus(),
                r.getSiaeType() == null ? null : SiaeType.valueOf(r.getSiaeType()), r.getEntrepriseAdaptee(), r.getEss(),
                r.getCommuneInsee(), r.getCommune(), r.getCodeDepartement(), r.getAdresse(),
                r.getLatitude() == null ? null : r.getLatitude().doubleValue(),
                r.getLongitude() == null ? null : r.getLongitude().doubleValue(), Set.copyOf(domaines), r.getDescription(),
                r.getSiteWeb(), r.getContactPublic(), StatutVerification.valueOf(r.getStatutVerification()), r.getMotifRefus(), r.getVersion());
    }

    // --- memberships

    public void addMember(long structureId, long userId, boolean administrateur) {
        dsl.insertInto(STRUCTURE_MEMBRE).set(STRUCTURE_MEMBRE.STRUCTURE_ID, structureId)
                .set(STRUCTURE_MEMBRE.APP_USER_ID, userId).set(STRUCTURE_MEMBRE.ADMINISTRATEUR, administrateur)
                .set(STRUCTURE_MEMBRE.STATUT, MEMBRE).execute();
    }

    public void addRequest(long structureId, long userId, String message) {
        dsl.insertInto(STRUCTURE_MEMBRE).set(STRUCTURE_MEMBRE.STRUCTURE_ID, structureId)
                .set(STRUCTURE_MEMBRE.APP_USER_ID, userId).set(STRUCTURE_MEMBRE.ADMINISTRATEUR, false)
                .set(STRUCTURE_MEMBRE.STATUT, DEMANDE).set(STRUCTURE_MEMBRE.MESSAGE, message).execute();
    }

    /** The membership status of a person in a structure: MEMBRE, DEMANDE, or empty. */
    public Optional<String> membership(long structureId, long userId) {
        return dsl.select(STRUCTURE_MEMBRE.STATUT).from(STRUCTURE_MEMBRE)
                .where(STRUCTURE_MEMBRE.STRUCTURE_ID.eq(structureId).and(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId)))
                .forUpdate().fetchOptional(STRUCTURE_MEMBRE.STATUT);
    }

    public boolean isAdministrator(long structureId, long userId) {
        return dsl.fetchExists(STRUCTURE_MEMBRE, STRUCTURE_MEMBRE.STRUCTURE_ID.eq(structureId)
                .and(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId)).and(STRUCTURE_MEMBRE.STATUT.eq(MEMBRE))
                .and(STRUCTURE_MEMBRE.ADMINISTRATEUR.isTrue()));
    }

    public int accept(long structureId, long userId) {
        return dsl.update(STRUCTURE_MEMBRE).set(STRUCTURE_MEMBRE.STATUT, MEMBRE)
                .where(STRUCTURE_MEMBRE.STRUCTURE_ID.eq(structureId).and(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId))
                        .and(STRUCTURE_MEMBRE.STATUT.eq(DEMANDE))).execute();
    }

    public int decline(long structureId, long userId) {
        return dsl.deleteFrom(STRUCTURE_MEMBRE)
                .where(STRUCTURE_MEMBRE.STRUCTURE_ID.eq(structureId).and(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId))
                        .and(STRUCTURE_MEMBRE.STATUT.eq(DEMANDE))).execute();
    }

    /** structure id → [administrateur, en attente] for a person. */
    public List<Object[]> membershipsOf(long userId) {
        return dsl.select(STRUCTURE_MEMBRE.STRUCTURE_ID, STRUCTURE_MEMBRE.ADMINISTRATEUR, STRUCTURE_MEMBRE.STATUT)
                .from(STRUCTURE_MEMBRE).where(STRUCTURE_MEMBRE.APP_USER_ID.eq(userId))
                .fetch(r -> new Object[] {r.value1(), r.value2(), DEMANDE.equals(r.value3())});
    }

    public List<JoinRequest> requests(long structureId) {
        return dsl.select(STRUCTURE_MEMBRE.STRUCTURE_ID, APP_USER.APP_USER_ID, APP_USER.NOM_COMPLET, APP_USER.EMAIL,
                        STRUCTURE_MEMBRE.MESSAGE, STRUCTURE_MEMBRE.CREATED_AT)
                .from(STRUCTURE_MEMBRE).join(APP_USER).on(APP_USER.APP_USER_ID.eq(STRUCTURE_MEMBRE.APP_USER_ID))
                .where(STRUCTURE_MEMBRE.STRUCTURE_ID.eq(structureId).and(STRUCTURE_MEMBRE.STATUT.eq(DEMANDE)))
                .orderBy(STRUCTURE_MEMBRE.CREATED_AT)
                .fetch(r -> new JoinRequest(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** E-mails of the administrators of a structure (to notify them of a request). */
    public List<String> administratorEmails(long structureId) {
        return dsl.select(APP_USER.EMAIL).from(STRUCTURE_MEMBRE)
                .join(APP_USER).on(APP_USER.APP_USER_ID.eq(STRUCTURE_MEMBRE.APP_USER_ID))
                .where(STRUCTURE_MEMBRE.STRUCTURE_ID.eq(structureId).and(STRUCTURE_MEMBRE.STATUT.eq(MEMBRE))
                        .and(STRUCTURE_MEMBRE.ADMINISTRATEUR.isTrue()))
                .fetch(APP_USER.EMAIL);
    }

    /** The communs a structure takes part in (read model over the groupements). */
    public List<StructureCommun> communsOf(long structureId) {
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, GROUPEMENT_MEMBRE.ROLE).from(GROUPEMENT_MEMBRE)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(GROUPEMENT_MEMBRE.COMMUN_ID))
                .where(GROUPEMENT_MEMBRE.STRUCTURE_ID.eq(structureId).and(COMMUN.STATUT.ne("BROUILLON")))  // drafts are private
                .orderBy(COMMUN.CREATED_AT.desc())
                .fetch(r -> new StructureCommun(r.value1(), r.value2(), r.value3()));
    }

    /** Contributions of the structure accepted by a commun's porteur (read model over the contributions). */
    public List<fr.communs.structure.StructureContribution> contributionsOf(long structureId) {
        var c = fr.communs.db.Tables.CONTRIBUTION;
        return dsl.select(COMMUN.COMMUN_ID, COMMUN.TITRE, c.TYPE, c.DESCRIPTION).from(c)
                .join(COMMUN).on(COMMUN.COMMUN_ID.eq(c.COMMUN_ID))
                .where(c.STRUCTURE_ID.eq(structureId).and(c.SENS.eq("OFFRE")).and(c.STATUT.eq("ACCEPTEE"))
                        .and(COMMUN.STATUT.ne("BROUILLON")))
                .orderBy(c.CREATED_AT.desc())
                .fetch(r -> new fr.communs.structure.StructureContribution(r.value1(), r.value2(), switch (r.value3()) {
                    case "FINANCIERE" -> "Financière";
                    case "HUMAINE" -> "Humaine";
                    case "TECHNIQUE" -> "Technique";
                    case "MATERIELLE" -> "Matérielle";
                    default -> "Autre";
                }, r.value4()));
    }
}
