package org.factmark.claim;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.factmark.common.EnumValues;
import org.factmark.common.InvalidInputException;

/** The reviewer's confidence in the claim's assessment. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    /** Reads what a client sent, case-insensitively, refusing anything else with a clear message. */
    public static Confidence parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("A claim needs a confidence: " + choices() + ".");
        }
        return EnumValues.parse(Confidence.class, value, "confidence");
    }

    private static String choices() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
