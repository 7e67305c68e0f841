package org.factmark.dashboard.ui;

import java.util.List;
import org.factmark.claim.ClaimStatus;
import org.factmark.common.ui.Formats;
import org.factmark.dashboard.ClaimBehind;
import org.factmark.dashboard.DashboardService;

/** The claims behind a clicked bar or point; clicking one opens it in its document. */
final class ClaimsBehindDialog extends ClaimListDialog<ClaimBehind> {

    ClaimsBehindDialog(String title, List<ClaimBehind> claims) {
        super(title + " · " + (claims.size() >= DashboardService.LISTED ? "the latest " + DashboardService.LISTED
                : claims.size() + (claims.size() == 1 ? " claim" : " claims")), "min(72rem, 95vw)",
                ClaimBehind::documentId, ClaimBehind::id);
        grid.addColumn(ClaimBehind::quote).setHeader("Claim").setFlexGrow(3);
        grid.addColumn(ClaimBehind::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(claim -> Formats.words(ClaimStatus.valueOf(claim.status()))).setHeader("Status").setAutoWidth(true);
        grid.addColumn(ClaimBehind::author).setHeader("Author").setAutoWidth(true);
        grid.addColumn(ClaimBehind::documentTitle).setHeader("Document").setFlexGrow(2);
        grid.addColumn(claim -> Formats.dateTime(claim.createdAt())).setHeader("Created").setAutoWidth(true);
        show(claims, "No claims.");
    }
}
