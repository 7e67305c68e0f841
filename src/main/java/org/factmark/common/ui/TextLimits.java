package org.factmark.common.ui;

import com.vaadin.flow.component.Component;

/**
 * Limits a text input as the service does, while the reviewer types: the browser takes no more
 * characters (a paste is cut at the limit), and near the limit the helper text counts them, e.g.
 * "1,980 / 2,000 characters".
 */
public final class TextLimits {

    private TextLimits() {
    }

    /** {@code field} is a Vaadin text field, text area, password field or combo box. */
    public static void apply(Component field, int maxLength) {
        count(field, maxLength, false);
    }

    /**
     * For a limit in UTF-8 bytes: the browser stops at as many characters (each is a byte at least),
     * and the counter counts bytes, as the service does.
     */
    public static void applyInBytes(Component field, int maxBytes) {
        count(field, maxBytes, true);
    }

    private static void count(Component field, int max, boolean bytes) {
        // Counted in the browser, so that typing costs no round trip to the server.
        field.addAttachListener(attach -> field.getElement().executeJs("""
                const field = this, max = $0, bytes = $1;
                const input = field.inputElement || field.querySelector('input, textarea');
                if (field.localName === 'vaadin-combo-box') input.maxLength = max; else field.maxlength = max;
                if (field.factmarkLimit) return;
                field.factmarkLimit = true;
                const helper = field.helperText || '';
                const format = n => n.toLocaleString('en-US');
                const show = () => {
                  const value = input.value || '';
                  const n = bytes ? new TextEncoder().encode(value).length : value.length;
                  field.helperText = n < max * 0.9 ? helper
                      : format(n) + ' / ' + format(max) + (bytes ? ' bytes' : ' characters')
                        + (n >= max ? ': the limit' : '');
                };
                field.addEventListener('input', show);
                field.addEventListener('value-changed', show);
                show();""", max, bytes));
    }
}
