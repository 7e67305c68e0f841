package org.factmark.common;

/**
 * An optional free-text input: its name as messages give it, and the most characters it holds. The
 * service checks with it and the form limits its field with it, so the two cannot disagree.
 */
public record TextLimit(String fieldName, int maxLength) {

    /** The stripped value, or null when blank; refused when longer than {@link #maxLength()}. */
    public String check(String value) {
        return OptionalText.of(value, maxLength, fieldName);
    }
}
