package fr.communs.layout;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A block that another feature adds to the public page of a structure, after its own contributions (the
 * contributions the comité proposed on its behalf…). Those features depend on {@code structure}, so the page cannot
 * call them without a package cycle: each contributes a Spring bean implementing this interface (in its {@code ui}
 * package), and the page shows them in {@link org.springframework.core.annotation.Order} order.
 */
public interface StructurePageSection {

    /** The block for this structure, or empty when there is nothing to show to the person looking. */
    Optional<Component> create(long structureId);
}
