package org.factmark.review.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.common.ui.Grids;
import org.factmark.document.DocumentService;
import org.factmark.live.Change;
import org.factmark.live.ChangeFeed;
import org.factmark.live.ui.LiveUpdates;
import org.factmark.document.ui.DocumentMeta;
import org.factmark.security.PersonNames;
import org.factmark.security.UserService;

/** Claims waiting for a verdict, across all documents, those waiting longest first. */
@Route("review")
@PageTitle("Review queue · Factmark")
@Menu(title = "Review queue", order = 2)
@PermitAll
class ReviewQueueView extends VerticalLayout {

    /** Below this window width (styles.css's 50rem) the app lays itself out for a phone. */
    private static final int PHONE_WIDTH = 800;

    final ComboBox<ClaimType> typeFilter = new ComboBox<>("Type");
    final ComboBox<String> outletFilter = new ComboBox<>("Outlet");
    final ComboBox<String> authorFilter = new ComboBox<>("Author");
    final Select<Integer> waitingFilter = new Select<>();
    final Grid<Claim> grid = new Grid<>();
    final Span waiting = new Span();
    private final Map<Long, String> documentTitles = new HashMap<>();

    ReviewQueueView(ClaimService claims, ClaimTypeService types, DocumentService documents, UserService users,
            ChangeFeed changes) {
        setSizeFull();
        typeFilter.setItems(types.all());
        typeFilter.setItemLabelGenerator(ClaimType::name);
        typeFilter.setClearButtonVisible(true);
        outletFilter.setItems(documents.outlets());
        outletFilter.setClearButtonVisible(true);
        authorFilter.setItems(claims.authors());
        authorFilter.setClearButtonVisible(true);
        waitingFilter.setLabel("Waiting");
        waitingFilter.setItems(0, 1, 3, 7, 30);
        waitingFilter.setItemLabelGenerator(days -> days == 0 ? "any time" : days + "+ days");
        waitingFilter.setValue(0);

        Map<String, String> typeNames = types.all().stream().collect(Collectors.toMap(ClaimType::code, ClaimType::name));
        PersonNames names = users.names();
        authorFilter.setItemLabelGenerator(names::of);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        var waitingColumn = grid.addColumn(claim -> age(claim.updatedAt())).setHeader("Waiting").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(claim -> typeNames.getOrDefault(claim.type(), claim.type())).setHeader("Type")
                .setAutoWidth(true).setFlexGrow(0);
        // The claim is what an editor decides on: it takes the room and wraps; the document is context.
        grid.addColumn(Claim::quote).setHeader("Claim").setWidth("16rem").setFlexGrow(4);
        var documentColumn = grid.addColumn(claim -> documentTitles.computeIfAbsent(claim.documentId(),
                id -> documents.get(id).title())).setHeader("Document").setFlexGrow(1).setWidth("10rem");
        var authorColumn = grid.addColumn(claim -> names.of(claim.createdBy())).setHeader("Author").setAutoWidth(true)
                .setFlexGrow(0);
        // On a phone the claim keeps the width: the columns an editor can do without step aside (the
        // claim's panel names its document and author).
        List<Grid.Column<Claim>> context = List.of(waitingColumn, documentColumn, authorColumn);
        IntConsumer fit = width -> context.forEach(column -> column.setVisible(width >= PHONE_WIDTH));
        addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> fit.accept(details.getWindowInnerWidth()));
            page.addBrowserWindowResizeListener(resize -> fit.accept(resize.getWidth()));
        });
        grid.setItems(query -> claims.search(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = Math.toIntExact(claims.count(filter()));
                    waiting.setText(count == 1 ? "1 claim waiting" : count + " claims waiting");
                    return count;
                });
        grid.setEmptyStateText("Nothing waiting for review.");
        Grids.enterOpensRows(grid);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                DocumentMeta.location(click.getItem().documentId()),
                QueryParameters.of("claim", String.valueOf(click.getItem().id())))));
        typeFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        outletFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        authorFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        waitingFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        var header = new HorizontalLayout(new H2("Review queue"), waiting, typeFilter, outletFilter, authorFilter,
                waitingFilter);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, grid);
        // Claims sent to review, decided or changed anywhere show up without a reload.
        LiveUpdates.follow(this, changes, change -> change.kind() == Change.Kind.CLAIM,
                batch -> grid.getDataProvider().refreshAll());
    }

    private ClaimFilter filter() {
        Integer days = waitingFilter.getValue();
        return new ClaimFilter(ClaimStatus.IN_REVIEW, typeFilter.getValue() == null ? null : typeFilter.getValue().code(),
                null, authorFilter.getValue(), outletFilter.getValue(), days == null || days == 0 ? null : days);
    }

    /** How long ago the claim last changed, which for a claim in review is when it was sent. */
    private static String age(Instant since) {
        Duration waited = Duration.between(since, Instant.now());
        if (waited.toDays() > 0) {
            return waited.toDays() + " d";
        }
        return waited.toHours() > 0 ? waited.toHours() + " h" : Math.max(1, waited.toMinutes()) + " min";
    }
}
