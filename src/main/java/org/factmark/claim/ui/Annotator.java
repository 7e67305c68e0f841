package org.factmark.claim.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * The document text with every claim drawn as a highlight, by our {@code <fm-annotator>} element.
 * The server owns the data: it sends the text and the highlights; the browser reports selections as
 * UTF-16 offsets and clicks on highlights. User text reaches the page only as text nodes.
 */
@Tag("fm-annotator")
class Annotator extends Component implements Focusable<Annotator> {

    static final String MODULE = "/annotator/fm-annotator.js";

    /** One highlight as the element draws it; {@code tooltip} is shown as plain text on hover. */
    record Highlight(long id, int start, int end, String color, String tooltip) {
    }

    /** The element's id, for the skip link at the top of the page ({@code MainLayout}). */
    static final String ID = "document-text";

    Annotator(String statusRegionId) {
        // Focusable, so that a keyboard user can reach the text and move a caret in it. A read-only
        // text box: screen readers then offer their reading keys and follow the caret and selection,
        // which the element mirrors in the window selection (docs/decisions/0016).
        setTabIndex(0);
        setId(ID);
        getElement().setAttribute("data-skip-target", true);
        getElement().setAttribute("role", "textbox");
        getElement().setAttribute("aria-readonly", "true");
        getElement().setAttribute("aria-multiline", "true");
        getElement().setAttribute("data-status-region", statusRegionId);
        setTitleForAssistiveTechnology("Document text");
    }

    /** The name a screen reader gives the text region, e.g. the document's title. */
    void setTitleForAssistiveTechnology(String name) {
        getElement().setAttribute("aria-label", name);
    }

    /** The element's script is a static module (docs/decisions/0005); the browser loads it once. */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addJsModule(MODULE);
    }

    void setText(String text) {
        getElement().setProperty("text", text);
    }

    void setHighlights(List<Highlight> highlights) {
        getElement().setPropertyList("highlights", highlights);
    }

    void select(Long claimId) {
        if (claimId == null) {
            getElement().removeProperty("selectedId");
        } else {
            getElement().setProperty("selectedId", claimId);
        }
    }

    void scrollTo(long claimId) {
        getElement().callJsFunction("scrollToHighlight", claimId);
    }

    /** Places the fixed-position {@code popup} beside [start, end) of the text, never over it, and keeps it there. */
    void placeBeside(Component popup, int start, int end) {
        getElement().callJsFunction("placePopup", popup.getElement(), start, end);
    }

    void clearSelection() {
        getElement().callJsFunction("clearSelection");
    }

    Registration addSelectListener(ComponentEventListener<SelectEvent> listener) {
        return addListener(SelectEvent.class, listener);
    }

    Registration addSelectionChangeListener(ComponentEventListener<SelectionChangeEvent> listener) {
        return addListener(SelectionChangeEvent.class, listener);
    }

    Registration addHighlightClickListener(ComponentEventListener<HighlightClickEvent> listener) {
        return addListener(HighlightClickEvent.class, listener);
    }

    /** The reviewer selected {@code [start, end)} of the text. */
    @DomEvent("fm-select")
    public static class SelectEvent extends ComponentEvent<Annotator> {
        final int start;
        final int end;

        public SelectEvent(Annotator source, boolean fromClient, @EventData("event.detail.start") int start,
                @EventData("event.detail.end") int end) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
        }
    }

    /** The reviewer adjusted a keyboard selection to {@code [start, end)} (already snapped to whole characters). */
    @DomEvent("fm-selection-change")
    public static class SelectionChangeEvent extends ComponentEvent<Annotator> {
        final int start;
        final int end;

        public SelectionChangeEvent(Annotator source, boolean fromClient, @EventData("event.detail.start") int start,
                @EventData("event.detail.end") int end) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
        }
    }

    @DomEvent("fm-highlight-click")
    public static class HighlightClickEvent extends ComponentEvent<Annotator> {
        final long claimId;

        public HighlightClickEvent(Annotator source, boolean fromClient, @EventData("event.detail.id") long claimId) {
            super(source, fromClient);
            this.claimId = claimId;
        }
    }
}
