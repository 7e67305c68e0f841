package org.factmark.claim.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.function.Consumer;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimType;
import org.factmark.common.ui.Actions;
import org.factmark.common.ui.Formats;

/**
 * The small form that opens next to a fresh text selection. Enter saves, Escape cancels; focus starts
 * on the type, where the number keys pick one.
 */
final class NewClaimForm extends Div {

    final ClaimFields fields;
    private final Paragraph quote = new Paragraph();
    private int start;
    private int end;
    private String selectedText;

    NewClaimForm(List<ClaimType> activeTypes, List<String> claimants, Consumer<ClaimDraft> save, Runnable cancel) {
        addClassName("claim-popup");
        // A non-modal dialog beside the text: announced with its name when the focus enters it, and
        // Shift+Tab from its first field goes back to the text, to adjust the selection.
        getElement().setAttribute("role", "dialog");
        getElement().setAttribute("aria-label", "New claim");
        fields = new ClaimFields(activeTypes, claimants);
        quote.addClassName("claim-popup-quote");

        var saveButton = Actions.once(new Button("Save claim"), () -> save.accept(draft()));
        saveButton.addThemeVariants(ButtonVariant.PRIMARY);
        var cancelButton = new Button("Cancel", click -> cancel.run());
        add(quote, fields.layout(), new HorizontalLayout(saveButton, cancelButton));

        fields.pickTypesWithNumberKeys(this);
        Actions.enterClicks(saveButton, this);
        Shortcuts.addShortcutListener(this, cancel::run, Key.ESCAPE).listenOn(this);
        setVisible(false);
    }

    /**
     * Opens the form for {@code [start, end)} at viewport position (x, y), keeping what was last chosen.
     * Opened again on the span it already shows (Enter in the text after adjusting it), it keeps what
     * was typed into it.
     */
    void open(int start, int end, String selectedText, double x, double y) {
        if (!isVisible() || start != this.start || end != this.end) {
            fields.note.clear();
            fields.restatement.clear();
        }
        follow(start, end, selectedText);
        setVisible(true);
        // (x, y) are window coordinates, but a fixed element inside the app layout is placed
        // relative to the layout's content area: measure where that starts, then keep the form
        // in the window, scrolling inside itself when it is taller than the room below.
        getElement().executeJs("""
                this.style.left = '0px';
                this.style.top = '0px';
                const origin = this.getBoundingClientRect();
                const left = Math.max(0, Math.min($0, innerWidth - this.offsetWidth - 8));
                const top = Math.max(0, Math.min($1 + 8, innerHeight - 480));
                this.style.left = (left - origin.left) + 'px';
                this.style.top = (top - origin.top) + 'px';
                this.style.maxHeight = (innerHeight - top - 8) + 'px';""", x, y);
        // The focus starts on the type, where the number keys pick one; after the browser has
        // shown the form, or the focus would stay with the text.
        fields.type.getElement().executeJs(
                "requestAnimationFrame(() => (this.querySelector('input[type=radio]') || this).focus())");
    }

    /** The reviewer adjusted the selection with the keyboard: the form now claims {@code [start, end)}. */
    void follow(int start, int end, String selectedText) {
        this.start = start;
        this.end = end;
        this.selectedText = selectedText;
        quote.setText(selectedText.strip());
        getElement().setAttribute("aria-label", "New claim on “" + Formats.abbreviate(selectedText.strip(), 80) + "”");
    }

    void suggestClaimants(List<String> claimants) {
        fields.claimant.setItems(claimants);
    }

    void close() {
        setVisible(false);
    }

    private ClaimDraft draft() {
        return new ClaimDraft(start, end, fields.typeCode(), fields.confidence.getValue(), fields.claimant.getValue(),
                fields.note.getValue(), fields.restatement.getValue(), selectedText);
    }
}
