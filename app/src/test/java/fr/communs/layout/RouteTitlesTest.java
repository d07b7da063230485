package fr.communs.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every screen has a title in the browser's tab (and for screen readers): each {@code @Route} and each error page
 * either carries {@code @PageTitle} or computes it ({@link HasDynamicTitle}). A new screen without one fails here.
 */
class RouteTitlesTest {

    @Test
    void every_route_and_every_error_page_declares_a_title() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return d.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        List<Class<?>> screens = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("fr.communs")) {
            screens.add(Class.forName(candidate.getBeanClassName()));
        }

        assertThat(screens).as("the scan finds the application's screens").hasSizeGreaterThan(20)
                .contains(NotFoundView.class);
        assertThat(screens).filteredOn(c -> !c.isAnnotationPresent(PageTitle.class)
                        && !HasDynamicTitle.class.isAssignableFrom(c))
                .as("screens without @PageTitle nor HasDynamicTitle").isEmpty();
    }

    @Test
    void the_page_not_found_has_a_french_title() {
        assertThat(new NotFoundView().getPageTitle()).isEqualTo("Page introuvable — Communs");
    }
}
