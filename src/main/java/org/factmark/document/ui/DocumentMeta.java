package org.factmark.document.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.factmark.common.ui.Formats;
import org.factmark.document.Document;
import org.factmark.security.PersonNames;

/** The line under a document's title: outlet, publication date, who added it, and its original URL. */
public final class DocumentMeta {

    private DocumentMeta() {
    }

    public static Div of(Document document, PersonNames names) {
        List<String> parts = new ArrayList<>();
        if (document.outlet() != null) {
            parts.add(document.outlet());
        }
        if (document.publishedAt() != null) {
            parts.add("published " + Formats.date(document.publishedAt()));
        }
        parts.add("added by " + names.of(document.createdBy()) + " on " + Formats.dateTime(document.createdAt()));
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

    /** Where a document opens: its annotation workspace. */
    public static String location(long documentId) {
        return "documents/" + documentId;
    }
}
