package org.factmark.dashboard.ui;

import java.util.List;
import java.util.function.Function;
import org.factmark.dashboard.Agreement;
import org.factmark.dashboard.DashboardService;
import org.factmark.security.PersonNames;

/** Two reviewers' overlapping claims that differ in type, side by side; a click opens the document. */
final class DisagreementsDialog extends ClaimListDialog<Agreement.Disagreement> {

    DisagreementsDialog(Agreement.Pair pair, List<Agreement.Disagreement> disagreements,
            Function<String, String> typeName, PersonNames names) {
        super(names.of(pair.reviewer()) + " and " + names.of(pair.otherReviewer()) + ": " + (pair.overlaps() - pair.agreed()) + " of "
                + pair.overlaps() + " overlapping claims differ in type"
                + (disagreements.size() >= DashboardService.LISTED ? " (the latest " + DashboardService.LISTED + ")" : ""),
                "min(76rem, 95vw)", Agreement.Disagreement::documentId, Agreement.Disagreement::claimId);
        grid.addColumn(Agreement.Disagreement::documentTitle).setHeader("Document").setFlexGrow(1);
        grid.addColumn(Agreement.Disagreement::quote).setHeader(names.of(pair.reviewer()) + " marked").setFlexGrow(2);
        grid.addColumn(row -> typeName.apply(row.type())).setHeader("as").setAutoWidth(true);
        grid.addColumn(Agreement.Disagreement::otherQuote).setHeader(names.of(pair.otherReviewer()) + " marked").setFlexGrow(2);
        grid.addColumn(row -> typeName.apply(row.otherType())).setHeader("as").setAutoWidth(true);
        show(disagreements, "They agreed on every overlapping claim.");
    }
}
