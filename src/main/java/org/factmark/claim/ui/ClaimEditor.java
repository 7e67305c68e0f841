package org.factmark.claim.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimType;
import org.factmark.common.StaleVersionException;
import org.factmark.common.ui.Notifications;

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
    ClaimFields fields;
    private Claim claim;
    private int[] lastSelection;

    private final List<ClaimPanelSection> sections;

    ClaimEditor(ClaimService claims, List<ClaimType> allTypes, List<ClaimPanelSection> sections,
            Consumer<Claim> onChanged, Runnable onDeleted) {
        this.claims = claims;
        this.sections = sections;
        this.allTypes = allTypes;
        this.onChanged = onChanged;
        this.onDeleted = onDeleted;
        addClassName("claim-editor");
        setPadding(false);
        quote.addClassName("claim-editor-quote");
        provenance.addClassName("document-meta");
        start.setHelperText("UTF-16 offsets; end exclusive");
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
        provenance.setText("Created by " + claim.createdBy() + ", last changed by " + claim.updatedBy()
                + " · version " + claim.version() + " · " + claim.status().name().replace('_', ' ').toLowerCase(Locale.ROOT));
        start.setValue(claim.start());
        end.setValue(claim.end());

        var save = new Button("Save changes", click -> save(fields.changesTo(claim, start.getValue(), end.getValue())));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var delete = new Button("Delete", click -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        boolean editable = !claim.status().isDecided();
        save.setEnabled(editable);
        delete.setEnabled(editable);

        add(new H3("Claim"), quote, provenance, fields.layout(), new HorizontalLayout(start, end), useSelection,
                new HorizontalLayout(save, delete));
        sections.forEach(section -> add(section.render(claim, onChanged)));
        setVisible(true);
    }

    /** Remembers the reviewer's latest text selection, offered as the claim's new span. */
    void selectionMade(int selectionStart, int selectionEnd) {
        lastSelection = new int[] {selectionStart, selectionEnd};
        useSelection.setEnabled(claim != null);
    }

    boolean isEditing(long claimId) {
        return isVisible() && claim != null && claim.id() == claimId;
    }

    void close() {
        claim = null;
        setVisible(false);
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
        dialog.setText(new ConflictSummary(claim, current, mine));
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
}
