package org.factmark.common;

/**
 * An update named a version that is no longer current: someone else changed the thing meanwhile.
 * It is refused rather than applied, so nobody's work is silently overwritten.
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String message) {
        super(message);
    }
}
