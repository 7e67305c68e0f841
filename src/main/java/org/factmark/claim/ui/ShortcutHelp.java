package org.factmark.claim.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;

/** The {@code ?} overlay: every keyboard shortcut of the workspace. */
final class ShortcutHelp {

    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Shift + arrows", "Select text in the document (or drag with the mouse)"),
            new Shortcut("1 – 8", "Pick the claim type in the claim form"),
            new Shortcut("Enter", "Save the claim form"),
            new Shortcut("Escape", "Cancel the claim form"),
            new Shortcut("j / k", "Next / previous claim: selects it, scrolls to it and opens it"),
            new Shortcut("?", "Show these shortcuts"));

    private ShortcutHelp() {
    }

    static void open() {
        var grid = new Grid<Shortcut>();
        grid.addColumn(Shortcut::keys).setHeader("Keys").setAutoWidth(true);
        grid.addColumn(Shortcut::action).setHeader("Does");
        grid.setItems(SHORTCUTS);
        grid.setAllRowsVisible(true);
        var dialog = new Dialog("Keyboard shortcuts", grid);
        dialog.setWidth("36rem");
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }
}
