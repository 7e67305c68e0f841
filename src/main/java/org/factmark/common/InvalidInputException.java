package org.factmark.common;

import java.util.Optional;

/**
 * Input that breaks a rule of the domain; the message says which, in words a user understands. When
 * the rule concerns one input, {@link #field()} names it as the message does ("The claimant"), so
 * that a form shows the message at that field.
 */
public class InvalidInputException extends RuntimeException {

    private String field;

    public InvalidInputException(String message) {
        super(message);
    }

    /** Names the input this refusal is about; returns this exception, to be thrown. */
    public InvalidInputException at(String fieldName) {
        this.field = fieldName;
        return this;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
