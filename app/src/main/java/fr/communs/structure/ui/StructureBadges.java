package fr.communs.structure.ui;

import com.vaadin.flow.component.html.Span;
import fr.communs.structure.StatutVerification;
import fr.communs.structure.Structure;

/** Badges for a structure's declared / verified status. */
public final class StructureBadges {
    private StructureBadges() {
    }

    public static Span verification(Structure s) {
        Span badge = new Span(s.verification().libelle());
        badge.addClassName("badge");
        if (s.verification() == StatutVerification.VERIFIEE) {
            badge.addClassName("ok");
        } else if (s.verification() == StatutVerification.REFUSEE) {
            badge.addClassName("ko");
        }
        return badge;
    }
}
