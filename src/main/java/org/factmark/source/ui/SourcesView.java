package org.factmark.source.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.factmark.common.ui.TextLimits;
import org.factmark.common.ui.Formats;
import org.factmark.document.ui.DocumentMeta;
import org.factmark.source.Citation;
import org.factmark.source.Source;
import org.factmark.source.SourceService;

/** Every source, most cited first; open one to see the claims that cite it. */
@Route("sources")
@PageTitle("Sources · Factmark")
@Menu(title = "Sources", order = 5)
@PermitAll
class SourcesView extends VerticalLayout {

    final TextField search = new TextField();
    final Grid<Source> grid = new Grid<>();

    SourcesView(SourceService sources) {
        setSizeFull();
        search.setPlaceholder("Search by title, publisher or URL");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("24rem");
        TextLimits.apply(search, SourceService.SEARCH.maxLength());

        grid.addComponentColumn(SourcesView::title).setHeader("Source").setFlexGrow(1);
        grid.addColumn(Source::publisher).setHeader("Publisher").setAutoWidth(true);
        grid.addColumn(source -> Formats.words(source.kind()))
                .setHeader("Kind").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(source -> citations(sources, source)));
        grid.setEmptyStateText("No sources yet: cite one from a claim.");
        search.addValueChangeListener(change -> grid.setItems(sources.search(change.getValue())));
        grid.setItems(sources.search(null));

        var header = new HorizontalLayout(new H2("Sources"), search);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, grid);
    }

    private static Div citations(SourceService sources, Source source) {
        var list = new Div();
        for (Citation citation : sources.citationsOf(source.id())) {
            // Opens the citing claim in its document.
            var claim = new Anchor(DocumentMeta.location(citation.documentId()) + "?"
                    + QueryParameters.of("claim", String.valueOf(citation.claimId())).getQueryString(),
                    citation.quote());
            list.add(new Div(new Span(Formats.words(citation.stance()) + ": "), claim));
        }
        if (list.getComponentCount() == 0) {
            list.add(new Span("No claim cites it any more."));
        }
        return list;
    }

    private static Span title(Source source) {
        var title = new Span();
        if (source.url() != null) {
            // Only http(s) URLs are stored, so the link cannot run script.
            var link = new Anchor(source.url(), source.title(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            title.add(link);
        } else {
            title.setText(source.title() + " (a Factmark document)");
        }
        return title;
    }
}
