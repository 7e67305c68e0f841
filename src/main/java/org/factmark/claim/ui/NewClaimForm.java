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
        fields = new ClaimFields(activeTypes, claimants);
        quote.addClassName("claim-popup-quote");

        var saveButton = Actions.once(new Button("Save claim"), () -> save.accept(draft()));
        saveButton.addThemeVariants(ButtonVariant.PRIMARY);
        var cancelButton = new Button("Cancel", click -> cancel.run());
        // The body scrolls when the window is short; the buttons below it always stay in view.
        var body = new Div(quote, fields.layout());
        body.addClassName("claim-popup-body");
        var buttons = new HorizontalLayout(saveButton, cancelButton);
        buttons.addClassName("claim-popup-buttons");
        add(body, buttons);

        fields.pickTypesWithNumberKeys(this);
        Actions.enterClicks(saveButton, this);
        Shortcuts.addShortcutListener(this, cancel::run, Key.ESCAPE).listenOn(this);
        setVisible(false);
    }

    /** Opens the form for {@code [start, end)}, keeping what was last chosen; its place is the annotator's to set. */
    void open(int start, int end, String selectedText) {
        this.start = start;
        this.end = end;
        this.selectedText = selectedText;
        quote.setText(selectedText.strip());
        fields.note.clear();
        fields.restatement.clear();
        setVisible(true);
        // The focus starts on the type, where the number keys pick one; after the browser has
        // shown the form, or the focus would stay with the text.
        fields.type.getElement().executeJs(
                "requestAnimationFrame(() => (this.querySelector('input[type=radio]') || this).focus())");
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
