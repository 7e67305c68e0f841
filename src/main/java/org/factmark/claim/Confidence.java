package org.factmark.claim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factmark.common.InvalidInputException;

/** The reviewer's confidence in the claim's assessment. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    /** Reads what a client sent, case-insensitively, refusing anything else with a clear message. */
    public static Confidence parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("A claim needs a confidence: " + choices() + ".");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown confidence \"" + value + "\"; use " + choices() + ".");
        }
    }

    private static String choices() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
