package org.factmark.common;

/** A thing that was asked for by its id and does not exist (or is not visible to the caller). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
