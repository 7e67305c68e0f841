package org.factmark.common.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a form held when it was opened, so that throwing away what was typed since (Cancel, Escape,
 * closing a dialog, leaving the page) asks first, and an untouched form simply closes.
 */
public final class Unsaved {

    private final List<HasValue<?, ?>> fields;
    private List<Object> opened;

    public Unsaved(HasValue<?, ?>... fields) {
        this.fields = List.of(fields);
        markSaved();
    }

    /** The values now shown are the ones nothing would be lost of (just opened or saved). */
    public void markSaved() {
        opened = values();
    }

    public boolean changed() {
        return !Objects.equals(opened, values());
    }

    /** Runs {@code discard} at once when nothing was typed, otherwise once the reviewer agrees. */
    public void confirmDiscard(Runnable discard) {
        if (changed()) {
            ask(discard);
        } else {
            discard.run();
        }
    }

    /** Escape and Cancel close {@code dialog} only after asking, when something was typed in it. */
    public void guard(Dialog dialog) {
        dialog.setCloseOnOutsideClick(false);
        dialog.addDialogCloseActionListener(close -> confirmDiscard(dialog::close));
        // Escape closes the dialog without taking the focus from the field typed in, whose value would
        // then not have reached the server yet: leave the field first, which sends it.
        dialog.getElement().executeJs("""
                this.addEventListener('keydown', event => {
                  if (event.key === 'Escape') document.activeElement?.blur?.();
                }, true);""");
    }

    /** Asks whether to throw away what was typed; {@code discard} runs only on yes. */
    public static void ask(Runnable discard) {
        var dialog = new ConfirmDialog("Discard what you typed?",
                "It has not been saved, and it will be lost.", "Discard", confirm -> discard.run());
        dialog.setCancelable(true);
        dialog.setCancelText("Keep editing");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private List<Object> values() {
        return Arrays.asList(fields.stream().map(HasValue::getValue).toArray());
    }
}
