package org.factmark.claim.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.Confidence;
import org.factmark.common.ui.FieldErrors;
import org.factmark.common.ui.Formats;

/** The fields a reviewer fills in for a claim, shared by the new-claim form and the claim editor. */
final class ClaimFields {

    private static final Key[] DIGITS = {Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5,
            Key.DIGIT_6, Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9};

    final RadioButtonGroup<ClaimType> type = new RadioButtonGroup<>("Type");
    final RadioButtonGroup<Confidence> confidence = new RadioButtonGroup<>("Confidence");
    final ComboBox<String> claimant = new ComboBox<>("Claimant");
    final TextField note = new TextField("Note");
    final TextField restatement = new TextField("Restatement");
    /** Refusals of the claim service, shown at these fields. */
    final FieldErrors errors = new FieldErrors();
    private final List<ClaimType> choices;

    /** {@code choices} are the types offered, in the order their number keys pick them. */
    ClaimFields(List<ClaimType> choices, List<String> knownClaimants) {
        this.choices = List.copyOf(choices);
        type.setItems(this.choices);
        type.setItemLabelGenerator(this::typeLabel);
        confidence.setItems(Confidence.values());
        confidence.setItemLabelGenerator(Formats::words);
        confidence.setValue(Confidence.MEDIUM);
        claimant.setItems(knownClaimants);
        claimant.setAllowCustomValue(true);
        claimant.addCustomValueSetListener(custom -> claimant.setValue(custom.getDetail()));
        claimant.setPlaceholder("Who makes the claim in the text");
        claimant.setHelperText("e.g. three Russian sources, a U.S. official");
        restatement.setPlaceholder("In your own words (defaults to the quote)");
        errors.at(ClaimTypeService.TYPE, type);
        errors.limited(ClaimService.CLAIMANT, claimant);
        errors.limited(ClaimService.NOTE, note);
        errors.limited(ClaimService.RESTATEMENT, restatement);
    }

    FormLayout layout() {
        var form = new FormLayout(type, confidence, claimant, restatement, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    /** Number keys pick a type while the focus is on the type or confidence choice (not in a text field). */
    void pickTypesWithNumberKeys(Component scope) {
        for (int i = 0; i < Math.min(choices.size(), DIGITS.length); i++) {
            ClaimType choice = choices.get(i);
            Shortcuts.addShortcutListener(scope, () -> type.setValue(choice), DIGITS[i]).listenOn(type, confidence);
        }
    }

    void show(Claim claim, ClaimType currentType) {
        type.setValue(currentType);
        confidence.setValue(claim.confidence());
        claimant.setValue(claim.claimant());
        note.setValue(Objects.requireNonNullElse(claim.note(), ""));
        restatement.setValue(claim.restatement().equals(claim.quote()) ? "" : claim.restatement());
    }

    /** What differs from {@code claim}, as changes; empty text clears an optional field. */
    ClaimChanges changesTo(Claim claim, Integer start, Integer end) {
        String typeCode = type.getValue() == null ? null : type.getValue().code();
        String restated = restatement.getValue().isBlank() ? claim.quote() : restatement.getValue();
        return new ClaimChanges(
                start != null && start != claim.start() ? start : null,
                end != null && end != claim.end() ? end : null,
                null,
                Objects.equals(typeCode, claim.type()) ? null : typeCode,
                confidence.getValue() == claim.confidence() ? null : confidence.getValue(),
                Objects.equals(emptyToNull(claimant.getValue()), claim.claimant()) ? null : valueOrEmpty(claimant.getValue()),
                Objects.equals(emptyToNull(note.getValue()), claim.note()) ? null : note.getValue(),
                Objects.equals(restated, claim.restatement()) ? null : restatement.getValue());
    }

    String typeCode() {
        return type.getValue() == null ? null : type.getValue().code();
    }

    private String typeLabel(ClaimType choice) {
        int index = choices.indexOf(choice);
        return index >= 0 && index < DIGITS.length ? (index + 1) + " " + choice.name() : choice.name();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String valueOrEmpty(String value) {
        return value == null ? "" : value;
    }
}
