package org.factmark.claim.ui;

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
import org.factmark.common.ui.Unsaved;

/**
 * The small form that opens next to a fresh text selection. Enter saves, Escape cancels; focus starts
 * on the type, where the number keys pick one.
 */
final class NewClaimForm extends Div {

    final ClaimFields fields;
    private final Unsaved unsaved;
    private final Runnable cancel;
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
        unsaved = new Unsaved(fields.claimant, fields.note, fields.restatement);
        this.cancel = cancel;
        quote.addClassName("claim-popup-quote");

        var saveButton = Actions.once(new Button("Save claim"), () -> fields.errors.run(() -> save.accept(draft())));
        saveButton.addThemeVariants(ButtonVariant.PRIMARY);
        var cancelButton = new Button("Cancel", click -> requestCancel());
        // The body scrolls when the window is short; the buttons below it always stay in view.
        var body = new Div(quote, fields.layout());
        body.addClassName("claim-popup-body");
        var buttons = new HorizontalLayout(saveButton, cancelButton);
        buttons.addClassName("claim-popup-buttons");
        add(body, buttons);

        fields.pickTypesWithNumberKeys(this);
        Actions.enterClicks(saveButton, this);
        escapeCancels();
        setVisible(false);
    }

    /**
     * Escape cancels, as Cancel does; but in the claimant box with its suggestions open it only closes
     * them, keeping what was typed there.
     */
    private void escapeCancels() {
        getElement().executeJs("""
                this.addEventListener('keydown', event => {
                  if (event.key !== 'Escape') return;
                  const box = event.composedPath().find(node => node.localName === 'vaadin-combo-box');
                  if (box && box.opened) {
                    event.factmarkSuggestionsOpen = true;
                    // The box would put back its last value: keep the text typed instead.
                    const typed = box.inputElement.value;
                    requestAnimationFrame(() => { box.inputElement.value = typed; });
                    return;
                  }
                  // A field sends its value when it loses the focus: before the server looks at it.
                  const active = document.activeElement;
                  active?.blur?.();
                  active?.focus?.();
                }, true);""");
        getElement().addEventListener("keydown", escape -> requestCancel())
                .setFilter("event.key === 'Escape' && !event.factmarkSuggestionsOpen");
    }

    boolean hasTypedText() {
        return isVisible() && unsaved.changed();
    }

    /** Closes the form, after asking when something was typed into it. */
    void requestCancel() {
        unsaved.confirmDiscard(cancel);
    }

    /** Opens the form for {@code [start, end)}, keeping what was last chosen; its place is the annotator's to set. */
    void open(int start, int end, String selectedText) {
        follow(start, end, selectedText);
        if (!isVisible()) {
            fields.note.clear();
            fields.restatement.clear();
            unsaved.markSaved();
        }
        // Otherwise the reviewer has selected again with the form open: the span moves, what was typed stays.
        setVisible(true);
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
