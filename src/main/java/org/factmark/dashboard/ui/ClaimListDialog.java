package org.factmark.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.function.ToLongFunction;
import org.factmark.common.ui.Grids;
import org.factmark.document.ui.DocumentMeta;

/** A dialog listing claims (or pairs of them); clicking a row opens its claim in its document. */
abstract class ClaimListDialog<T> extends Dialog {

    final Grid<T> grid = new Grid<>();

    ClaimListDialog(String title, String width, ToLongFunction<T> documentId, ToLongFunction<T> claimId) {
        setHeaderTitle(title);
        setWidth(width);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        Grids.enterOpensRows(grid);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> {
            close();
            ui.navigate(DocumentMeta.location(documentId.applyAsLong(click.getItem())),
                    QueryParameters.of("claim", String.valueOf(claimId.applyAsLong(click.getItem()))));
        }));
        grid.setHeight("60vh");
        add(grid);
        getFooter().add(new Button("Close", click -> close()));
    }

    void show(List<T> rows, String whenEmpty) {
        grid.setItems(rows);
        grid.setEmptyStateText(whenEmpty);
    }
}
