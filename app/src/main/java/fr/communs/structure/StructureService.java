package fr.communs.structure;

import fr.communs.base.Checks;
import fr.communs.structure.internal.JooqStructureRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory of structures (self-service inscription is the next issue). */
@Service
public class StructureService {
    private final JooqStructureRepository structures;

    StructureService(JooqStructureRepository structures) {
        this.structures = structures;
    }

    @Transactional
    public long register(StructureData d) {
        Checks.start()
                .required(d.nom(), "Nom", 200)
                .notNull(d.formeJuridique(), "Forme juridique")
                .required(d.commune(), "Commune", 100)
                .check(d.codeDepartement() != null && d.codeDepartement().matches("\\d{2}|2[AB]|\\d{3}"),
                        "Le code du département n'est pas valide.")
                .optional(d.description(), "Description", 2000)
                .check(d.nom() == null || !structures.nomExists(d.nom().strip()), "Une structure porte déjà ce nom.")
                .orThrow();
        return structures.insert(new StructureData(d.nom().strip(), d.formeJuridique(), d.ess(), d.commune().strip(),
                d.codeDepartement(), Checks.clean(d.description())));
    }

    @Transactional(readOnly = true)
    public Optional<Structure> find(long id) {
        return structures.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Structure> findAll(Collection<Long> ids) {
        return structures.findByIds(ids);
    }

    @Transactional(readOnly = true)
    public List<Structure> directory() {
        return structures.findAll();
    }
}
