package org.factmark.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.function.Function;
import org.factmark.dashboard.Agreement;
import org.factmark.dashboard.DashboardService;
import org.factmark.document.ui.DocumentMeta;

/** Two reviewers' overlapping claims that differ in type, side by side; a click opens the document. */
final class DisagreementsDialog extends Dialog {

    final Grid<Agreement.Disagreement> grid = new Grid<>();

    DisagreementsDialog(Agreement.Pair pair, List<Agreement.Disagreement> disagreements,
            Function<String, String> typeName) {
        setHeaderTitle(pair.reviewer() + " and " + pair.otherReviewer() + ": " + (pair.overlaps() - pair.agreed())
                + " of " + pair.overlaps() + " overlapping claims differ in type"
                + (disagreements.size() >= DashboardService.LISTED ? " (the latest " + DashboardService.LISTED + ")" : ""));
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(Agreement.Disagreement::documentTitle).setHeader("Document").setFlexGrow(1);
        grid.addColumn(Agreement.Disagreement::quote).setHeader(pair.reviewer() + " marked").setFlexGrow(2);
        grid.addColumn(row -> typeName.apply(row.type())).setHeader("as").setAutoWidth(true);
        grid.addColumn(Agreement.Disagreement::otherQuote).setHeader(pair.otherReviewer() + " marked").setFlexGrow(2);
        grid.addColumn(row -> typeName.apply(row.otherType())).setHeader("as").setAutoWidth(true);
        grid.setItems(disagreements);
        grid.setEmptyStateText("They agreed on every overlapping claim.");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> {
            close();
            ui.navigate(DocumentMeta.location(click.getItem().documentId()),
                    QueryParameters.of("claim", String.valueOf(click.getItem().claimId())));
        }));
        grid.setHeight("60vh");
        add(grid);
        setWidth("min(76rem, 95vw)");
        getFooter().add(new Button("Close", click -> close()));
    }
}
