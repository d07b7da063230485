package fr.communs.structure.internal;

import static fr.communs.db.Tables.STRUCTURE;

import fr.communs.db.tables.records.StructureRecord;
import fr.communs.structure.FormeJuridique;
import fr.communs.structure.Structure;
import fr.communs.structure.StructureData;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqStructureRepository {
    private final DSLContext dsl;

    JooqStructureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(StructureData d) {
        return dsl.insertInto(STRUCTURE)
                .set(STRUCTURE.NOM, d.nom()).set(STRUCTURE.FORME_JURIDIQUE, d.formeJuridique().name())
                .set(STRUCTURE.ESS, d.ess()).set(STRUCTURE.COMMUNE, d.commune())
                .set(STRUCTURE.CODE_DEPARTEMENT, d.codeDepartement()).set(STRUCTURE.DESCRIPTION, d.description())
                .returning(STRUCTURE.STRUCTURE_ID).fetchOne().getStructureId();
    }

    public Optional<Structure> findById(long id) {
        return dsl.selectFrom(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.eq(id)).fetchOptional().map(JooqStructureRepository::toStructure);
    }

    public List<Structure> findByIds(Collection<Long> ids) {
        return dsl.selectFrom(STRUCTURE).where(STRUCTURE.STRUCTURE_ID.in(ids)).orderBy(STRUCTURE.NOM)
                .fetch(JooqStructureRepository::toStructure);
    }

    public List<Structure> findAll() {
        return dsl.selectFrom(STRUCTURE).orderBy(STRUCTURE.NOM).fetch(JooqStructureRepository::toStructure);
    }

    public boolean nomExists(String nom) {
        return dsl.fetchExists(STRUCTURE, STRUCTURE.NOM.equalIgnoreCase(nom));
    }

    static Structure toStructure(StructureRecord r) {
        return new Structure(r.getStructureId(), r.getNom(), FormeJuridique.valueOf(r.getFormeJuridique()), r.getEss(),
                r.getCommune(), r.getCodeDepartement(), r.getDescription());
    }
}
