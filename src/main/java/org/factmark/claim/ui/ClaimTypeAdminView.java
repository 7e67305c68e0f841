package org.factmark.claim.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.common.ui.Actions;
import org.factmark.common.ui.FieldErrors;
import org.factmark.common.ui.Notifications;
import org.factmark.common.ui.Unsaved;

/** Admins keep the claim-type taxonomy: add types, rename and recolour them, retire those in use. */
@Route("admin/claim-types")
@PageTitle("Claim types · Factmark")
@Menu(title = "Claim types", order = 91)
@RolesAllowed("ADMIN")
class ClaimTypeAdminView extends VerticalLayout {

    private final ClaimTypeService types;
    final Grid<ClaimType> grid = new Grid<>();

    ClaimTypeAdminView(ClaimTypeService types) {
        this.types = types;
        setSizeFull();
        grid.addComponentColumn(ClaimTypeAdminView::swatch).setHeader("Colour").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimType::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(ClaimType::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ClaimType::description).setHeader("Description").setFlexGrow(1);
        grid.addColumn(type -> type.active() ? "Active" : "Retired").setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);

        var add = new Button("Add type", click -> openEditor(null));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add(new HorizontalLayout(new H2("Claim types"), add), grid);
        refresh();
    }

    private HorizontalLayout actions(ClaimType type) {
        var edit = new Button("Edit", click -> openEditor(type));
        var delete = new Button("Delete", click -> confirmDelete(type));
        edit.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        return new HorizontalLayout(edit, delete);
    }

    /** Adds a type when {@code existing} is null, otherwise edits it (its code stays). */
    private void openEditor(ClaimType existing) {
        var errors = new FieldErrors();
        var code = errors.limited(ClaimTypeService.CODE_FIELD, new TextField("Code"));
        var name = errors.limited(ClaimTypeService.NAME, new TextField("Name"));
        var description = errors.limited(ClaimTypeService.DESCRIPTION, new TextField("Description"));
        var colour = new Input();
        colour.setType("color");
        colour.setValue(existing == null ? "#1c7ed6" : existing.colour());
        // A native input has no label of its own: screen readers would announce a nameless "colour well".
        colour.setId("claim-type-colour");
        var colourLabel = new NativeLabel("Colour");
        colourLabel.setFor(colour.getId().orElseThrow());
        var colourField = new Div(colourLabel, colour);
        colourField.addClassName("colour-field");
        var active = new Checkbox("Active (retired types take no new claims)", existing == null || existing.active());
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            name.setValue(existing.name());
            description.setValue(existing.description());
        }
        var form = new FormLayout(code, name, description, colourField, active);
        var dialog = new Dialog(existing == null ? "Add claim type" : "Edit " + existing.code(), form);
        var unsaved = new Unsaved(code, name, description, colour, active);
        unsaved.guard(dialog);
        var save = Actions.once(new Button("Save"), () -> errors.run(() -> {
            if (existing == null) {
                types.create(code.getValue(), name.getValue(), colour.getValue(), description.getValue());
            } else {
                types.update(existing.code(), existing.version(), name.getValue(), colour.getValue(),
                        description.getValue(), active.getValue());
            }
            Notifications.success("Saved the claim type.");
            dialog.close();
            refresh();
        }));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> unsaved.confirmDiscard(dialog::close)), save);
        dialog.open();
    }

    private void confirmDelete(ClaimType type) {
        var dialog = new ConfirmDialog("Delete \"" + type.name() + "\"?",
                "Only a type that no claim has used can be deleted; retire it otherwise.", "Delete", confirm -> {
                    types.delete(type.code());
                    Notifications.success("Deleted the claim type.");
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(types.all());
    }

    private static Span swatch(ClaimType type) {
        var swatch = new Span();
        swatch.addClassName("claim-type-swatch");
        // Only #rrggbb colours are stored (checked by the service and the database).
        swatch.getStyle().set("background-color", type.colour());
        return swatch;
    }
}
