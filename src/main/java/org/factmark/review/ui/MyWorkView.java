package org.factmark.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.factmark.common.ui.Formats;
import org.factmark.common.ui.Grids;
import org.factmark.common.ui.Notifications;
import org.factmark.document.ui.DocumentMeta;
import org.factmark.review.Assignment;
import org.factmark.review.AssignmentService;
import org.factmark.review.AssignmentState;
import org.factmark.security.PersonNames;
import org.factmark.security.UserService;

/** The documents assigned to me, and how far I am with each. */
@Route("my-work")
@PageTitle("My work · Factmark")
@Menu(title = "My work", order = 3)
@PermitAll
class MyWorkView extends VerticalLayout {

    final Grid<Assignment> grid = new Grid<>();
    private final AssignmentService assignments;

    MyWorkView(AssignmentService assignments, UserService users) {
        this.assignments = assignments;
        setSizeFull();
        grid.addColumn(Assignment::documentTitle).setHeader("Document").setFlexGrow(1);
        grid.addComponentColumn(this::stateChoice).setHeader("My progress").setAutoWidth(true);
        PersonNames names = users.names();
        grid.addColumn(assignment -> names.of(assignment.assignedBy())).setHeader("Assigned by").setAutoWidth(true);
        grid.setEmptyStateText("Nothing is assigned to you yet.");
        Grids.enterOpensRows(grid);
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(DocumentMeta.location(click.getItem().documentId()))));
        add(new H2("My work"), grid);
        grid.setItems(assignments.myWork());
    }

    private Select<AssignmentState> stateChoice(Assignment assignment) {
        var state = new Select<AssignmentState>();
        state.setItems(AssignmentState.values());
        state.setItemLabelGenerator(Formats::words);
        state.setValue(assignment.state());
        state.setAriaLabel("Progress on " + assignment.documentTitle());
        state.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                assignments.setMyState(assignment.documentId(), change.getValue());
                Notifications.success("“" + assignment.documentTitle() + "” is now marked "
                        + Formats.words(change.getValue()).toLowerCase(Locale.ROOT) + ".");
            }
        });
        return state;
    }
}
