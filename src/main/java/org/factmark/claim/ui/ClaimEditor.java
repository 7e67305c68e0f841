package org.factmark.claim.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.factmark.claim.Anchor;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimType;
import org.factmark.common.StaleVersionException;
import org.factmark.common.ui.Actions;
import org.factmark.common.ui.FieldErrors;
import org.factmark.common.ui.Notifications;
import org.factmark.security.PersonNames;

/**
 * Edits or deletes the selected claim. A save names the version the editor showed; when someone
 * changed the claim meanwhile, the reviewer sees both versions and re-applies or discards their
 * change, so nothing is overwritten and nothing typed is lost.
 */
final class ClaimEditor extends VerticalLayout {

    private final ClaimService claims;
    private final List<ClaimType> allTypes;
    private final Consumer<Claim> onChanged;
    private final Runnable onDeleted;
    private final Paragraph quote = new Paragraph();
    private final Paragraph provenance = new Paragraph();
    private final IntegerField start = new IntegerField("Start");
    private final IntegerField end = new IntegerField("End");
    private final Button useSelection = new Button("Use the text selection");
    private final FieldErrors spanErrors = new FieldErrors();
    ClaimFields fields;
    private Claim claim;
    private int[] lastSelection;
    private Consumer<Long> editingListener = claimId -> { };
    private Button save;
    private Button delete;

    private final List<ClaimPanelSection> sections;
    private final PersonNames names;

    ClaimEditor(ClaimService claims, List<ClaimType> allTypes, PersonNames names, List<ClaimPanelSection> sections,
            Consumer<Claim> onChanged, Runnable onDeleted) {
        this.claims = claims;
        this.names = names;
        this.sections = sections;
        this.allTypes = allTypes;
        this.onChanged = onChanged;
        this.onDeleted = onDeleted;
        addClassName("claim-editor");
        setPadding(false);
        quote.addClassName("claim-editor-quote");
        provenance.addClassName("document-meta");
        start.setHelperText("UTF-16 offsets; end exclusive");
        spanErrors.at(Anchor.SPAN, start);
        useSelection.addThemeVariants(ButtonVariant.TERTIARY);
        useSelection.setEnabled(false);
        useSelection.addClickListener(click -> {
            start.setValue(lastSelection[0]);
            end.setValue(lastSelection[1]);
        });
        setVisible(false);
    }

    void edit(Claim claim) {
        this.claim = claim;
        removeAll();
        fields = new ClaimFields(allTypes.stream().filter(type -> type.active() || type.code().equals(claim.type()))
                .toList(), List.of());
        fields.show(claim, allTypes.stream().filter(type -> type.code().equals(claim.type())).findFirst().orElse(null));
        fields.pickTypesWithNumberKeys(this);
        quote.setText(claim.quote());
        provenance.setText("Created by " + names.of(claim.createdBy()) + ", last changed by "
                + names.of(claim.updatedBy()) + " · version " + claim.version() + " · "
                + ClaimsPresentation.statusLabel(claim.status()));
        start.setValue(claim.start());
        end.setValue(claim.end());

        ClaimFields shown = fields;
        save = Actions.once(new Button("Save changes"), () -> shown.errors.run(() -> spanErrors.run(
                () -> save(shown.changesTo(claim, start.getValue(), end.getValue())))));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        delete = new Button("Delete", click -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        boolean editable = !claim.status().isDecided();
        save.setEnabled(editable);
        delete.setEnabled(editable);

        var span = new HorizontalLayout(start, end);
        span.addClassName("claim-span-fields");
        add(new H3("Claim"), quote, provenance, fields.layout(), span, useSelection,
                new HorizontalLayout(save, delete));
        sections.forEach(section -> add(section.render(claim, onChanged)));
        setVisible(true);
        editingListener.accept(claim.id());
    }

    /** Tells {@code listener} which claim the editor shows from now on (null when it closes). */
    void onEditing(Consumer<Long> listener) {
        this.editingListener = listener;
    }

    Optional<Long> claimId() {
        return isVisible() && claim != null ? Optional.of(claim.id()) : Optional.empty();
    }

    /**
     * Someone else changed the open claim ({@code current}; empty when they deleted it). What the
     * reviewer typed stays where it is: a notice says what happened and offers the new version,
     * and a save still goes through the version check (and its side-by-side dialog).
     */
    void changedElsewhere(Optional<Claim> current) {
        getChildren().filter(child -> child.hasClassName("claim-editor-notice")).toList().forEach(this::remove);
        var notice = new Div();
        notice.addClassName("claim-editor-notice");
        notice.getElement().setAttribute("role", "status");
        current.ifPresentOrElse(now -> {
            notice.add(new Span(now.equals(claim)
                    ? "Someone changed this claim's sources, comments or status meanwhile. "
                    : names.of(now.updatedBy()) + " changed this claim meanwhile (now version " + now.version()
                            + "). If you save, you will see both versions side by side. "));
            var show = new Button("Show the latest version", click -> onChanged.accept(now));
            show.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            notice.add(show);
        }, () -> {
            notice.add(new Span("Someone deleted this claim meanwhile. What you typed is still here to copy, "
                    + "but it can no longer be saved."));
            save.setEnabled(false);
            delete.setEnabled(false);
        });
        addComponentAsFirst(notice);
    }

    /** Remembers the reviewer's latest text selection, offered as the claim's new span. */
    void selectionMade(int selectionStart, int selectionEnd) {
        lastSelection = new int[] {selectionStart, selectionEnd};
        useSelection.setEnabled(claim != null);
    }

    /** True when the reviewer has changed the open claim's fields since it was shown or saved. */
    boolean hasUnsavedChanges() {
        return claim != null && isVisible() && !fields.changesTo(claim, start.getValue(), end.getValue()).isEmpty();
    }

    boolean isEditing(long claimId) {
        return isVisible() && claim != null && claim.id() == claimId;
    }

    void close() {
        boolean wasOpen = claim != null;
        claim = null;
        setVisible(false);
        if (wasOpen) {
            editingListener.accept(null);
        }
    }

    private void save(ClaimChanges changes) {
        if (changes.isEmpty()) {
            Notifications.success("Nothing changed.");
            return;
        }
        try {
            Claim saved = claims.update(claim.id(), claim.version(), changes);
            Notifications.success("Saved the claim.");
            onChanged.accept(saved);
        } catch (StaleVersionException conflict) {
            resolveConflict(changes, claims.get(claim.id()));
        }
    }

    private void resolveConflict(ClaimChanges mine, Claim current) {
        var dialog = new ConfirmDialog();
        dialog.setHeader("Someone else changed this claim");
        // Wide enough for both versions side by side, yet never wider than the window.
        dialog.setWidth("min(48rem, calc(100vw - 2rem))");
        dialog.setText(new ConflictSummary(claim, current, mine, names, this::typeName));
        dialog.setConfirmText("Apply my changes to their version");
        dialog.addConfirmListener(confirm -> {
            claim = current;
            save(mine);
        });
        dialog.setCancelable(true);
        dialog.setCancelText("Discard my changes");
        dialog.addCancelListener(cancel -> onChanged.accept(current));
        dialog.open();
    }

    private void confirmDelete() {
        var dialog = new ConfirmDialog("Delete this claim?",
                "It disappears from the document; the history keeps it.", "Delete", confirm -> {
                    try {
                        claims.delete(claim.id(), claim.version());
                        Notifications.success("Deleted the claim.");
                        onDeleted.run();
                    } catch (StaleVersionException conflict) {
                        Notifications.error("Someone changed this claim meanwhile, so it was not deleted. "
                                + "Look at the current version first.");
                        onChanged.accept(claims.get(claim.id()));
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private String typeName(String code) {
        return allTypes.stream().filter(type -> type.code().equals(code)).map(ClaimType::name).findFirst()
                .orElse(code);
    }
}
