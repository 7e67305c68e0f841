package org.factmark.common;

/**
 * Text that PostgreSQL stores exactly as given: no NUL characters (it refuses them) and no lone
 * UTF-16 surrogates (the driver would silently turn them into '?', changing the text).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Returns {@code value} unchanged, or refuses it with a message naming the field. */
    public static String check(String value, String fieldName) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidInputException(fieldName + " contains a NUL character, which Factmark cannot store.").at(fieldName);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(fieldName + " contains half of a character (a lone UTF-16 "
                        + "surrogate at position " + i + "); it is not valid text.").at(fieldName);
            }
        }
        return value;
    }
}
