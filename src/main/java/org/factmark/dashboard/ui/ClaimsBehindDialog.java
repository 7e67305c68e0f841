package org.factmark.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.factmark.common.ui.Formats;
import org.factmark.dashboard.ClaimBehind;
import org.factmark.dashboard.DashboardService;
import org.factmark.document.ui.DocumentMeta;

/** The claims behind a clicked bar or point; clicking one opens it in its document. */
final class ClaimsBehindDialog extends Dialog {

    final Grid<ClaimBehind> grid = new Grid<>();

    ClaimsBehindDialog(String title, List<ClaimBehind> claims) {
        setHeaderTitle(title + " · " + (claims.size() >= DashboardService.LISTED
                ? "the latest " + DashboardService.LISTED : claims.size() + (claims.size() == 1 ? " claim" : " claims")));
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(ClaimBehind::quote).setHeader("Claim").setFlexGrow(3);
        grid.addColumn(ClaimBehind::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(ClaimBehind::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(ClaimBehind::author).setHeader("Author").setAutoWidth(true);
        grid.addColumn(ClaimBehind::documentTitle).setHeader("Document").setFlexGrow(2);
        grid.addColumn(claim -> Formats.dateTime(claim.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.setItems(claims);
        grid.setEmptyStateText("No claims.");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> {
            close();
            ui.navigate(DocumentMeta.location(click.getItem().documentId()),
                    QueryParameters.of("claim", String.valueOf(click.getItem().id())));
        }));
        grid.setHeight("60vh");
        add(grid);
        setWidth("min(72rem, 95vw)");
        getFooter().add(new Button("Close", click -> close()));
    }
}
