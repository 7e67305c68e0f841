package org.factmark.claim.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;

/**
 * The {@code ?} overlay: every keyboard shortcut of the workspace. A plain table, not a grid: its
 * rows grow with their text, so no description is ever cut off.
 */
final class ShortcutHelp {

    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Tab", "Reach the document text (or use “Skip to content” at the top of the page)"),
            new Shortcut("Arrows, Home / End, Page Up / Down", "Move the caret through the text"),
            new Shortcut("Shift + arrows", "Select text by character (or drag with the mouse)"),
            new Shortcut("Ctrl + Shift + ← / →", "Select by word"),
            new Shortcut("Alt + Shift + ← / →", "Select by sentence"),
            new Shortcut("Enter (in the text)",
                    "Open the new-claim form on the selection; with no selection, open the claim under the caret "
                            + "(again: the claim around it)"),
            new Shortcut("] / [", "Move the caret to the next / previous highlighted claim"),
            new Shortcut("Shift + Tab (in the claim form)",
                    "Back to the text to adjust the selection; the form's passage follows it"),
            new Shortcut("1 – 8", "Pick the claim type in the claim form"),
            new Shortcut("Enter (in the claim form)", "Save the claim"),
            new Shortcut("Escape", "Cancel the claim form"),
            new Shortcut("j / k", "Next / previous claim: selects it, scrolls to it and opens it"),
            new Shortcut("Enter or Space (in a list)", "Open the row"),
            new Shortcut("?", "Show these shortcuts"));

    private ShortcutHelp() {
    }

    static void open() {
        var table = new NativeTable();
        table.addClassName("shortcut-table");
        // On a short screen the list scrolls: focusable, it scrolls with the arrow keys too.
        table.getElement().setAttribute("tabindex", "0");
        table.getHead().addRows(new NativeTableRow(new NativeTableHeaderCell("Keys"), new NativeTableHeaderCell("Does")));
        for (Shortcut shortcut : SHORTCUTS) {
            var keys = new NativeTableHeaderCell(shortcut.keys());
            keys.getElement().setAttribute("scope", "row");
            table.getBody().addRows(new NativeTableRow(keys, new NativeTableCell(shortcut.action())));
        }
        var dialog = new Dialog("Keyboard shortcuts", table);
        dialog.setMaxWidth("40rem");
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }
}
