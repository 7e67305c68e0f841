package org.factmark.common;

import java.util.Arrays;
import java.util.Locale;

/** Reads an enum constant that a client sent as text, refusing anything else with a clear message. */
public final class EnumValues {

    private EnumValues() {
    }

    /** Case-insensitive; surrounding whitespace is ignored. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String fieldName) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("Unknown " + fieldName + " \"" + value + "\"; use one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
