package fr.communs.demo;

import fr.communs.avis.AvisService;
import fr.communs.avis.Referent;
import fr.communs.messagerie.MessageService;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The back office's part of the demo data: messages between groupements and agents, an avis asked of a référent,
 * attachments and labels, all through the services (as the people concerned).
 */
@Component
@Profile("demo")
class DemoBackOffice {
    private final MessageService messages;
    private final AvisService avis;

    DemoBackOffice(MessageService messages, AvisService avis) {
        this.messages = messages;
        this.avis = avis;
    }

    /**
     * @param esperanza a transmitted file waiting for instruction (porteur: the structure persona)
     * @param numerique a file waiting for compléments (porteur: porteur5, OPTEOS), instructed by agent@
     */
    void load(long esperanza, long numerique, Consumer<String> as, ToLongFunction<String> structure) {
        as.accept(DemoDataLoader.AGENT);
        messages.post(numerique, null, "Bonjour, pour la gouvernance un schéma simple suffit : qui décide de quoi, "
                + "à quel rythme, et comment une nouvelle structure peut rejoindre le groupement. Joignez aussi vos statuts.");
        as.accept("porteur5@communs.test");
        messages.post(numerique, structure.applyAsLong("OPTEOS"), "Merci, nous en parlons à notre prochaine réunion "
                + "de groupement jeudi et revenons vers vous la semaine prochaine.");

        as.accept(DemoDataLoader.STRUCTURE);
        messages.post(esperanza, structure.applyAsLong("Tiers-lieu Esperanza Table Ouverte"), "Bonjour, nous pouvons "
                + "venir présenter le projet sous les arches : la visite prend une heure, le mardi ou le jeudi.");
        as.accept(DemoDataLoader.AGENT2);
        List<Long> culture = avis.referents().stream().filter(r -> DemoDataLoader.REFERENTS[0][1].equals(r.nom()))
                .map(Referent::id).toList();
        avis.request(esperanza, culture, "Le projet prévoit une programmation culturelle sous les arches du boulevard "
                + "Talabot : est-elle cohérente avec les actions de la direction de la Culture dans le quartier ?",
                LocalDate.now().plusDays(7));
    }
}
