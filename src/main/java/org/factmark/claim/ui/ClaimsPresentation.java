package org.factmark.claim.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.ClaimType;

/** How a claim reads in lists and tooltips: always as text, never as markup. */
final class ClaimsPresentation {

    private ClaimsPresentation() {
    }

    /** {@code editors}: the others who have this claim open in their editor right now. */
    static Div card(Claim claim, ClaimType type, List<String> editors) {
        var badge = new Span(type.name());
        badge.addClassName("claim-type-badge");
        // The colour comes from the taxonomy, which only accepts #rrggbb.
        badge.getStyle().set("--claim-colour", type.colour());
        var quote = new Div(claim.quote());
        quote.addClassName("claim-card-quote");
        var meta = new Div(claim.confidence().name().toLowerCase(Locale.ROOT) + " confidence · " + statusLabel(claim.status())
                + (claim.claimant() == null ? "" : " · " + claim.claimant()) + " · by " + claim.createdBy());
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
        return type.name() + " · " + claim.confidence().name().toLowerCase(Locale.ROOT) + " confidence · "
                + statusLabel(claim.status());
    }

    static String statusLabel(ClaimStatus status) {
        return switch (status) {
            case OPEN -> "open";
            case IN_REVIEW -> "in review";
            case VERIFIED -> "verified";
            case REJECTED -> "rejected";
        };
    }
}
