package org.factmark.common;

/** Input that breaks a rule of the domain; the message says which, in words a user understands. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
