package org.factmark.common;

/**
 * The rule for optional free-text fields: blank (nothing visible, see {@link VisibleText}) means absent,
 * surrounding whitespace goes, length is capped.
 */
public final class OptionalText {

    private OptionalText() {
    }

    /** The stripped value, or null when blank; refuses a value over {@code maxLength} characters. */
    public static String of(String value, int maxLength, String fieldName) {
        if (VisibleText.isBlank(value)) {
            return null;
        }
        String stripped = StorableText.check(value, fieldName).strip();
        if (stripped.length() > maxLength) {
            throw new InvalidInputException(fieldName + " has at most " + maxLength + " characters.").at(fieldName);
        }
        return stripped;
    }
}
