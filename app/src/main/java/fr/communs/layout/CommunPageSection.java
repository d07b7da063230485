package fr.communs.layout;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A block that a later step of the cycle adds to the public page of a commun (the subsidy voted by the Assemblée, the
 * livrable…). Those features depend on {@code commun}, so the page cannot call them without a package cycle: each
 * contributes a Spring bean implementing this interface (in its {@code ui} package), and the page shows them in
 * {@link org.springframework.core.annotation.Order} order.
 */
public interface CommunPageSection {

    /** The block for this commun, or empty when there is nothing (public) to show yet. */
    Optional<Component> create(long communId);

    /**
     * Whether the block belongs beside the commun's contributions (after them, under their "Contributions" heading)
     * rather than above the file.
     */
    default boolean besideContributions() {
        return false;
    }
}
