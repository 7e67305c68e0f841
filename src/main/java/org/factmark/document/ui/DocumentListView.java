package org.factmark.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.factmark.common.ui.Formats;
import org.factmark.common.ui.Grids;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.live.Change;
import org.factmark.live.ChangeFeed;
import org.factmark.live.ui.LiveUpdates;
import org.factmark.security.PersonNames;
import org.factmark.security.UserService;

/** All documents, newest first, loaded page by page, with full-text search over titles and text. */
@Route("")
@PageTitle("Documents · Factmark")
@Menu(title = "Documents", order = 1)
@PermitAll
class DocumentListView extends VerticalLayout {

    final TextField search = new TextField();
    final Grid<Document> grid = new Grid<>();

    DocumentListView(DocumentService documents, UserService users, ChangeFeed changes) {
        setSizeFull();

        search.setPlaceholder("Search titles and text");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        search.setAriaLabel("Search documents");

        var add = new Button("Add document", click -> getUI().ifPresent(ui -> ui.navigate(AddDocumentView.class)));
        add.addThemeVariants(ButtonVariant.PRIMARY);

        var toolbar = new HorizontalLayout(new H2("Documents"), search, add);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();

        grid.addColumn(Document::title).setHeader("Title").setFlexGrow(1).setWidth("22rem");
        grid.addColumn(Document::outlet).setHeader("Outlet").setAutoWidth(true);
        grid.addColumn(document -> Formats.date(document.publishedAt())).setHeader("Published").setAutoWidth(true);
        grid.addColumn(Document::claimCount).setHeader("Claims").setAutoWidth(true);
        grid.addColumn(Document::assignees).setHeader("Assigned").setAutoWidth(true);
        PersonNames names = users.names();
        grid.addColumn(document -> names.of(document.createdBy())).setHeader("Added by").setAutoWidth(true);
        grid.addColumn(document -> Formats.dateTime(document.createdAt())).setHeader("Added").setAutoWidth(true);
        grid.setItems(
                query -> documents.search(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(documents.count(search.getValue())));
        Grids.enterOpensRows(grid);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(DocumentMeta.location(click.getItem().id()))));
        grid.setEmptyStateText("No documents match.");
        grid.setColumnReorderingAllowed(false);
        grid.getColumns().stream().skip(1).forEach(column -> column.setFlexGrow(0));

        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add(toolbar, grid);
        // New documents and changed claim counts show up without a reload.
        LiveUpdates.follow(this, changes,
                change -> change.kind() == Change.Kind.DOCUMENT || change.kind() == Change.Kind.CLAIM,
                batch -> grid.getDataProvider().refreshAll());
    }
}
