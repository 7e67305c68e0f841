package org.factmark.dashboard.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A titled chart with its text alternative: the same numbers as a table, shown on request (and
 * always present for screen readers' table navigation once opened).
 */
final class ChartCard extends VerticalLayout {

    final Chart chart;
    final Grid<List<String>> numbers = new Grid<>();
    private final Paragraph empty = new Paragraph("Nothing in this period.");
    private final Details table;

    ChartCard(String title, String description) {
        chart = new Chart(title + ": " + description);
        addClassName("chart-card");
        setPadding(false);
        setSpacing(false);
        numbers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        numbers.setAllRowsVisible(true);
        table = new Details("Numbers as a table", numbers);
        empty.addClassName("chart-empty");
        var heading = new H3(title);
        add(heading, new Paragraph(description), chart, empty, table);
    }

    /** Draws {@code option} and lists {@code rows} under {@code headers}; with no rows the card says so. */
    void show(ObjectNode option, List<String> headers, List<List<String>> rows) {
        chart.show(option);
        numbers.removeAllColumns();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            numbers.addColumn(row -> row.get(column)).setHeader(headers.get(i)).setAutoWidth(true);
        }
        numbers.setItems(rows);
        chart.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }
}
