package org.factmark.claim.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.ClaimType;
import org.factmark.common.ui.Formats;
import org.factmark.security.PersonNames;

/** How a claim reads in lists and tooltips: always as text, never as markup. */
final class ClaimsPresentation {

    private ClaimsPresentation() {
    }

    /** {@code editors}: the others who have this claim open in their editor right now. */
    static Div card(Claim claim, ClaimType type, List<String> editors, PersonNames names) {
        var badge = new Span(type.name());
        badge.addClassName("claim-type-badge");
        // The colour comes from the taxonomy, which only accepts #rrggbb.
        badge.getStyle().set("--claim-colour", type.colour());
        var quote = new Div(claim.quote());
        quote.addClassName("claim-card-quote");
        var meta = new Div(confidenceLabel(claim) + " · " + statusLabel(claim.status())
                + (claim.claimant() == null ? "" : " · " + claim.claimant()) + " · by " + names.of(claim.createdBy()));
        meta.addClassName("claim-card-meta");
        var card = new Div(badge, quote, meta);
        card.addClassName("claim-card");
        if (!editors.isEmpty()) {
            var editing = new Div(String.join(", ", editors) + (editors.size() == 1 ? " is" : " are") + " editing");
            editing.addClassName("claim-card-editing");
            card.add(editing);
        }
        return card;
    }

    static String tooltip(Claim claim, ClaimType type) {
        return type.name() + " · " + confidenceLabel(claim) + " · " + statusLabel(claim.status());
    }

    private static String confidenceLabel(Claim claim) {
        return Formats.words(claim.confidence()) + " confidence";
    }

    static String statusLabel(ClaimStatus status) {
        return Formats.words(status);
    }
}
