package org.factmark.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.factmark.common.ui.Actions;
import org.factmark.common.ui.FieldErrors;
import org.factmark.common.ui.Formats;
import org.factmark.common.ui.Notifications;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.review.Assignment;
import org.factmark.review.AssignmentService;
import org.factmark.security.PersonNames;
import org.factmark.security.UserService;

/** Editors give documents to reviewers and see how far each reviewer is. */
@Route("assignments")
@PageTitle("Assignments · Factmark")
@Menu(title = "Assignments", order = 4)
@RolesAllowed({"EDITOR", "ADMIN"})
class AssignmentsView extends VerticalLayout {

    final ComboBox<Document> document = new ComboBox<>("Document");
    final ComboBox<String> reviewer = new ComboBox<>("Reviewer");
    final Grid<Assignment> grid = new Grid<>();
    private final AssignmentService assignments;

    AssignmentsView(AssignmentService assignments, DocumentService documents, UserService users) {
        this.assignments = assignments;
        setSizeFull();
        document.setItems(query -> documents.search(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        document.setItemLabelGenerator(Document::title);
        document.setWidth("28rem");
        reviewer.setItems(users.assignableUsernames());
        PersonNames names = users.names();
        reviewer.setItemLabelGenerator(names::of);
        var errors = new FieldErrors();
        errors.at(AssignmentService.REVIEWER, reviewer);
        var assign = Actions.once(new Button("Assign"), () -> errors.run(() -> {
            assignments.assign(document.getValue().id(), reviewer.getValue());
            Notifications.success("Assigned “" + document.getValue().title() + "” to " + names.of(reviewer.getValue()) + ".");
            show();
        }));
        assign.addThemeVariants(ButtonVariant.PRIMARY);
        assign.setEnabled(false);
        document.addValueChangeListener(change -> {
            assign.setEnabled(document.getValue() != null && reviewer.getValue() != null);
            show();
        });
        reviewer.addValueChangeListener(change -> assign.setEnabled(document.getValue() != null
                && reviewer.getValue() != null));

        grid.addColumn(assignment -> names.of(assignment.reviewer())).setHeader("Reviewer").setAutoWidth(true);
        grid.addColumn(assignment -> Formats.words(assignment.state())).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(assignment -> names.of(assignment.assignedBy())).setHeader("Assigned by").setAutoWidth(true);
        grid.addComponentColumn(assignment -> {
            var remove = Actions.once(new Button("Unassign"), () -> {
                assignments.unassign(assignment.documentId(), assignment.reviewer());
                Notifications.saved("Took the document from " + assignment.reviewer() + ".", this::show);
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            return remove;
        });
        grid.setEmptyStateText("Pick a document to see and change who works on it.");

        var form = new HorizontalLayout(document, reviewer, assign);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Assignments"), form, grid);
    }

    private void show() {
        grid.setItems(document.getValue() == null ? List.of()
                : assignments.forDocument(document.getValue().id()));
    }
}
