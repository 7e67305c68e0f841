package org.factmark.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.factmark.common.NotFoundException;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.document.DocumentWithText;

/**
 * One document, its text shown exactly as stored: as a text node (never HTML), with its paragraphs
 * and line breaks kept by CSS.
 */
@Route("documents/:documentId([0-9]{1,18})")
@PermitAll
class DocumentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String ID = "documentId";

    private final DocumentService documents;
    private String title = "Document · Factmark";

    DocumentView(DocumentService documents) {
        this.documents = documents;
    }

    static void open(long documentId) {
        UI.getCurrent().navigate(DocumentView.class, new RouteParameters(ID, String.valueOf(documentId)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get(ID).orElseThrow());
        try {
            show(documents.getWithText(id));
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(DocumentWithText loaded) {
        Document document = loaded.document();
        title = document.title() + " · Factmark";
        removeAll();

        var text = new Div();
        text.addClassName("document-text");
        text.setText(loaded.text());

        add(new H2(document.title()), meta(document), text);
    }

    private static Div meta(Document document) {
        List<String> parts = new ArrayList<>();
        if (document.outlet() != null) {
            parts.add(document.outlet());
        }
        if (document.publishedAt() != null) {
            parts.add("published " + Formats.date(document.publishedAt()));
        }
        parts.add("added by " + document.createdBy() + " on " + Formats.dateTime(document.createdAt()));
        var meta = new Div(new Span(String.join(" · ", parts)));
        meta.addClassName("document-meta");
        if (document.url() != null) {
            // Only http(s) URLs are ever stored, so this link cannot run script.
            var link = new Anchor(document.url(), document.url(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            meta.add(new Div(link));
        }
        return meta;
    }
}
