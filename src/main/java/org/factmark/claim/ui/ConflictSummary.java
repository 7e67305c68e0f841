package org.factmark.claim.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.common.ui.Formats;
import org.factmark.security.PersonNames;

/** Both sides of an edit conflict, field by field: what the claim was, what it is now, what I typed. */
final class ConflictSummary extends Div {

    record Row(String field, String theirs, String mine) {
    }

    ConflictSummary(Claim before, Claim current, ClaimChanges mine, PersonNames names,
            UnaryOperator<String> typeName) {
        List<Row> rows = new ArrayList<>();
        compare(rows, "Span", span(before.start(), before.end()), span(current.start(), current.end()),
                mine.start() == null && mine.end() == null ? null
                        : span(Objects.requireNonNullElse(mine.start(), before.start()),
                                Objects.requireNonNullElse(mine.end(), before.end())));
        compare(rows, "Type", typeName.apply(before.type()), typeName.apply(current.type()),
                mine.type() == null ? null : typeName.apply(mine.type()));
        compare(rows, "Confidence", Formats.words(before.confidence()), Formats.words(current.confidence()),
                mine.confidence() == null ? null : Formats.words(mine.confidence()));
        compare(rows, "Claimant", before.claimant(), current.claimant(), mine.claimant());
        compare(rows, "Note", before.note(), current.note(), mine.note());
        compare(rows, "Restatement", before.restatement(), current.restatement(), mine.restatement());

        var grid = new Grid<Row>();
        grid.addColumn(Row::field).setHeader("Field").setAutoWidth(true);
        grid.addColumn(Row::theirs).setHeader(names.of(current.updatedBy()) + " now has").setFlexGrow(1);
        grid.addColumn(Row::mine).setHeader("You typed").setFlexGrow(1);
        // Long notes wrap in their cell instead of running out of the dialog.
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        add(new Paragraph(names.of(current.updatedBy()) + " saved version " + current.version()
                + " while you were editing. Nothing of yours was saved yet."), grid);
        setWidthFull();
    }

    /** A row for every field that either side changed. */
    private static void compare(List<Row> rows, String field, String before, String theirs, String mine) {
        boolean theyChanged = !Objects.equals(before, theirs);
        if (theyChanged || mine != null) {
            rows.add(new Row(field, Objects.requireNonNullElse(theirs, ""),
                    mine == null ? "(unchanged)" : mine));
        }
    }

    private static String span(int start, int end) {
        return "[" + start + ", " + end + ")";
    }
}
