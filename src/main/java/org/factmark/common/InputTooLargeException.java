package org.factmark.common;

/** Input over a size limit; the API answers it with 413, the UI with a notification. */
public class InputTooLargeException extends InvalidInputException {

    public InputTooLargeException(String message) {
        super(message);
    }
}
