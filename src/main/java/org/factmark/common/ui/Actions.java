package org.factmark.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;

/**
 * How a button that creates or changes something acts: once per click, and, when a key presses it,
 * with everything typed so far (docs/decisions/0015).
 */
public final class Actions {

    private Actions() {
    }

    /**
     * Runs {@code action} on a click of {@code button}, once: the browser disables the button at the
     * click, so the second click of a double click sends nothing, and the server ignores a click on a
     * disabled button. It is enabled again when the action has ended, also when it failed, so that the
     * form, still holding what was typed, can be corrected and sent again.
     */
    public static Button once(Button button, Runnable action) {
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            try {
                action.run();
            } finally {
                button.setEnabled(true);
            }
        });
        return button;
    }

    /**
     * Enter anywhere in {@code scope} clicks {@code button}. A text field sends its value to the server
     * when it loses the focus, which a key press alone does not do: the focus is taken away and given
     * back first, so that the click sees exactly what is in the field.
     */
    public static void enterClicks(Button button, Component scope) {
        button.addClickShortcut(Key.ENTER).listenOn(scope).resetFocusOnActiveElement();
    }
}
