package fr.communs.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communs.base.NotAllowedException;
import fr.communs.base.ValidationException;
import fr.communs.security.CurrentUser;
import fr.communs.security.Roles;
import fr.communs.support.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Structures on embedded PostgreSQL: inscription, validation, administrators, requests, verification. */
@SpringBootTest
@ActiveProfiles("test")
class StructureServiceIT {
    private static final AtomicLong SIREN = new AtomicLong(100_000_000);

    @Autowired Fixtures fx;
    @Autowired StructureService structures;
    @Autowired AnnuaireService annuaire;
    @Autowired CurrentUser currentUser;

    @AfterEach
    void tearDown() {
        fx.logout();
    }

    /** A fresh SIRET with a correct Luhn key. */
    static String siret() {
        String base = SIREN.incrementAndGet() + "0001";
        for (int key = 0; key < 10; key++) {
            if (Identifiants.siretValide(base + key)) {
                return base + key;
            }
        }
        throw new IllegalStateException();
    }

    private int v(long id) {
        return structures.find(id).orElseThrow().version();
    }

    static StructureData data(String nom, FormeJuridique forme, String insee) {
        return new StructureData(nom, siret(), null, forme, false, null, false, insee, "1 rue de la République", null, null,
                Set.of(Domaine.CULTURE), "Une description.", "https://exemple.org", "contact@exemple.org");
    }

    @Test
    void a_person_registers_a_structure_becomes_its_administrator_and_it_waits_for_verification() {
        String email = fx.account(Roles.STRUCTURE);
        fx.as(email);
        long id = structures.register(data("Atelier des Cévennes", FormeJuridique.SCOP, "30189"));
        Structure s = structures.find(id).orElseThrow();
        assertThat(s.ess()).isTrue();
        assertThat(s.codeDepartement()).isEqualTo("30");
        assertThat(s.commune()).isEqualTo("Nîmes");
        assertThat(s.essEtImplantee("30")).isTrue();
        assertThat(s.verification()).isEqualTo(StatutVerification.A_VERIFIER);
        assertThat(s.verifiee()).isFalse();
        assertThat(structures.callerAdministers(id)).isTrue();
        assertThat(currentUser.require().structureIds()).contains(id);
        assertThat(structures.myStructures()).extracting(m -> m.structure().id()).containsExactly(id);
    }

    @Test
    void bad_input_gets_french_messages_and_nothing_is_saved() {
        fx.as(fx.account(Roles.STRUCTURE));
        int before = annuaire.count(AnnuaireFilter.none());
        StructureData bad = new StructureData("x".repeat(201), "73282932000075", "W123", FormeJuridique.SCOP, false, null,
                false, "99999", null, null, null, Set.of(), "d".repeat(2001), "javascript:alert(1)", null);
        assertThatThrownBy(() -> structures.register(bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).contains(
                        "Le champ « Nom de la structure » ne doit pas dépasser 200 caractères.",
                        "Le SIRET doit comporter 14 chiffres et être valide (clé de contrôle) : vérifiez-le sur votre avis de situation INSEE.",
                        "Le numéro RNA doit être de la forme W suivi de 9 chiffres (ex. W302000123).",
                        "Le numéro RNA ne concerne que les associations.",
                        "Cette commune ne figure pas dans la liste officielle des communes.",
                        "Le champ « Description » ne doit pas dépasser 2000 caractères.",
                        "Le site web doit être une adresse commençant par https:// ou http://."));
        assertThat(annuaire.count(AnnuaireFilter.none())).isEqualTo(before);
    }

    @Test
    void a_siret_can_be_registered_only_once() {
        fx.as(fx.account(Roles.STRUCTURE));
        StructureData first = data("Première", FormeJuridique.ASSOCIATION, "30007");
        structures.register(first);
        StructureData again = new StructureData("Seconde", first.siret(), null, FormeJuridique.ASSOCIATION, false, null,
                false, "30007", null, null, null, Set.of(), null, null, null);
        assertThatThrownBy(() -> structures.register(again)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà inscrite avec ce SIRET");
    }

    @Test
    void html_in_text_is_kept_as_typed_text() {
        fx.as(fx.account(Roles.STRUCTURE));
        StructureData d = data("<b>Gras</b>", FormeJuridique.ASSOCIATION, "30189");
        StructureData withScript = new StructureData(d.nom(), d.siret(), null, d.formeJuridique(), false, null, false,
                d.communeInsee(), null, null, null, Set.of(), "<script>alert('x')</script>", null, null);
        long id = structures.register(withScript);
        assertThat(structures.find(id).orElseThrow().description()).isEqualTo("<script>alert('x')</script>");
        assertThat(structures.find(id).orElseThrow().nom()).isEqualTo("<b>Gras</b>");
    }

    @Test
    void only_its_administrators_edit_a_structure_and_changing_the_legal_form_asks_for_a_new_verification() {
        String admin = fx.account(Roles.STRUCTURE);
        fx.as(admin);
        long id = structures.register(data("Coop du Vidourle", FormeJuridique.SCOP, "30189"));
        fx.as(fx.account(Roles.AGENT));
        structures.verify(id, v(id), true, null);
        assertThat(structures.find(id).orElseThrow().verifiee()).isTrue();

        fx.as(fx.account(Roles.STRUCTURE));
        int version = structures.version(id);
        StructureData change = data("Coop du Vidourle", FormeJuridique.AUTRE, "30189");
        assertThatThrownBy(() -> structures.update(id, version, change)).isInstanceOf(NotAllowedException.class);
        fx.logout();
        assertThatThrownBy(() -> structures.update(id, version, change)).isInstanceOf(NotAllowedException.class);

        fx.as(admin);
        structures.update(id, version, new StructureData("Coop du Vidourle", null, null, FormeJuridique.AUTRE, false, null,
                false, "30189", null, null, null, Set.of(), null, null, null));
        Structure after = structures.find(id).orElseThrow();
        assertThat(after.ess()).isFalse();
        assertThat(after.verification()).isEqualTo(StatutVerification.A_VERIFIER);
        assertThatThrownBy(() -> structures.update(id, version, change)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("modifiée par quelqu'un d'autre");
    }

    @Test
    void a_person_asks_to_join_and_an_administrator_accepts() {
        String admin = fx.account(Roles.STRUCTURE);
        fx.as(admin);
        long id = structures.register(data("Tiers-lieu du Pont", FormeJuridique.ASSOCIATION, "30007"));
        String newcomer = fx.account(Roles.STRUCTURE);
        fx.as(newcomer);
        structures.requestToJoin(id, "Je suis la nouvelle coordinatrice.");
        assertThatThrownBy(() -> structures.requestToJoin(id, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà en attente");
        assertThat(currentUser.require().structureIds()).doesNotContain(id);
        assertThatThrownBy(() -> structures.pendingRequests(id)).isInstanceOf(NotAllowedException.class);
        long newcomerId = currentUser.require().id();
        assertThatThrownBy(() -> structures.decideRequest(id, newcomerId, true)).isInstanceOf(NotAllowedException.class);

        fx.as(admin);
        List<JoinRequest> requests = structures.pendingRequests(id);
        assertThat(requests).extracting(JoinRequest::message).containsExactly("Je suis la nouvelle coordinatrice.");
        structures.decideRequest(id, newcomerId, true);
        assertThatThrownBy(() -> structures.decideRequest(id, newcomerId, true)).isInstanceOf(ValidationException.class);

        fx.as(newcomer);
        assertThat(currentUser.require().structureIds()).contains(id);
        assertThat(structures.callerAdministers(id)).isFalse();
        assertThatThrownBy(() -> structures.requestToJoin(id, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("déjà membre");
    }

    @Test
    void only_agents_verify_a_refusal_needs_a_reason_and_the_reason_is_private() {
        String admin = fx.account(Roles.STRUCTURE);
        fx.as(admin);
        long id = structures.register(data("Entreprise du Gardon", FormeJuridique.SOCIETE_COMMERCIALE_ESS, "30189"));
        assertThatThrownBy(() -> structures.verify(id, v(id), true, null)).isInstanceOf(NotAllowedException.class);
        fx.as(fx.account(Roles.AGENT));
        assertThat(structures.verificationQueue(0, 200)).extracting(Structure::id).contains(id);
        assertThatThrownBy(() -> structures.verify(id, v(id), false, " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("motif");
        int seen = v(id);
        structures.verify(id, seen, false, "Statuts sans clause de lucrativité limitée.");
        assertThatThrownBy(() -> structures.verify(id, v(id), true, null)).isInstanceOf(ValidationException.class);
        assertThat(structures.verificationQueue(0, 200)).extracting(Structure::id).doesNotContain(id);

        fx.as(admin);
        assertThat(structures.find(id).orElseThrow().motifRefus()).isEqualTo("Statuts sans clause de lucrativité limitée.");
        fx.logout();
        assertThat(structures.find(id).orElseThrow().motifRefus()).isNull();
        assertThat(structures.find(id).orElseThrow().verification()).isEqualTo(StatutVerification.REFUSEE);
    }

    @Test
    void an_agent_cannot_verify_a_record_that_changed_after_they_opened_it() {
        String admin = fx.account(Roles.STRUCTURE);
        fx.as(admin);
        long id = structures.register(data("Régie de quartier du Chemin-Bas", FormeJuridique.ASSOCIATION, "30189"));
        int seenByAgent = v(id);
        structures.update(id, seenByAgent, data("Régie de quartier du Chemin-Bas", FormeJuridique.ASSOCIATION, "30007"));
        fx.as(fx.account(Roles.AGENT));
        assertThatThrownBy(() -> structures.verify(id, seenByAgent, true, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("a changé");
        assertThat(structures.find(id).orElseThrow().verification()).isEqualTo(StatutVerification.A_VERIFIER);
        structures.verify(id, v(id), true, null);
        assertThat(structures.find(id).orElseThrow().verifiee()).isTrue();
    }

    @Test
    void a_pending_member_does_not_see_the_private_refusal_reason() {
        String admin = fx.account(Roles.STRUCTURE);
        fx.as(admin);
        long id = structures.register(data("Atelier vélo solidaire", FormeJuridique.ASSOCIATION, "30189"));
        fx.as(fx.account(Roles.AGENT));
        structures.verify(id, v(id), false, "Motif réservé à la structure.");
        fx.as(fx.account(Roles.STRUCTURE));
        structures.requestToJoin(id, null);
        assertThat(structures.myStructures()).singleElement().satisfies(m -> {
            assertThat(m.enAttente()).isTrue();
            assertThat(m.structure().motifRefus()).isNull();
        });
        fx.as(admin);
        assertThat(structures.myStructures()).singleElement()
                .satisfies(m -> assertThat(m.structure().motifRefus()).isEqualTo("Motif réservé à la structure."));
    }

    @Test
    void the_directory_finds_structures_without_accents_filters_counts_and_exports_public_fields() {
        fx.as(fx.account(Roles.STRUCTURE));
        String unique = "Zebulon" + System.nanoTime();
        long id = structures.register(new StructureData("Coopérative " + unique + " des Garrigues", siret(), null,
                FormeJuridique.SCIC, false, null, false, "30007", null, null, null,
                Set.of(Domaine.NUMERIQUE_POUR_TOUS, Domaine.HABITER), "=HYPERLINK(\"x\") réemploi numérique", null, null));
        fx.as(fx.account(Roles.AGENT));
        structures.verify(id, v(id), false, "motif confidentiel");
        fx.logout();

        AnnuaireFilter byText = new AnnuaireFilter("cooperative " + unique.toLowerCase() + " garrigue", null, null, null, null, null);
        assertThat(annuaire.search(byText, AnnuaireSort.PERTINENCE, 0, 20)).extracting(Structure::id).containsExactly(id);
        assertThat(annuaire.count(new AnnuaireFilter("COOPÉRATIVE " + unique, null, null, null, null, null))).isEqualTo(1);
        AnnuaireFilter text = new AnnuaireFilter(unique, null, null, null, null, null);
        assertThat(annuaire.count(new AnnuaireFilter(unique, Domaine.HABITER, FormeJuridique.SCIC, true, null, "30007"))).isEqualTo(1);
        assertThat(annuaire.count(new AnnuaireFilter(unique, Domaine.CULTURE, null, null, null, null))).isZero();
        assertThat(annuaire.count(new AnnuaireFilter(unique, null, null, false, null, null))).isZero();

        Facets facets = annuaire.facets(text);
        assertThat(facets.domaines()).containsEntry(Domaine.NUMERIQUE_POUR_TOUS, 1).containsEntry(Domaine.HABITER, 1);
        assertThat(facets.formes()).containsEntry(FormeJuridique.SCIC, 1);
        assertThat(facets.ess()).isEqualTo(1);
        assertThat(facets.communes()).extracting(Facets.Count::code).containsExactly("30007");
        assertThat(facets.epcis()).hasSize(1);
        String epci = facets.epcis().get(0).code();
        assertThat(annuaire.count(new AnnuaireFilter(unique, null, null, null, epci, null))).isEqualTo(1);

        assertThat(annuaire.mapPoints(text)).extracting(MapPoint::id).containsExactly(id);

        String csv = annuaire.exportCsv(text);
        assertThat(csv).startsWith("\ufeffNom;SIRET;RNA;");
        assertThat(csv).contains(unique).contains("'=HYPERLINK").doesNotContain("motif confidentiel");
        assertThat(csv.lines()).hasSize(2);
    }
}
