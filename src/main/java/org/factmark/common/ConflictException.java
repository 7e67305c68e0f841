package org.factmark.common;

/** A change that the current state of the thing does not allow (say, editing a verified claim). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
