package org.factmark.review;

import org.factmark.common.InvalidInputException;

/** A verdict that lacks what it needs (a source, a rating, a rationale); the API answers 422. */
public class IncompleteVerdictException extends InvalidInputException {

    public IncompleteVerdictException(String message) {
        super(message);
    }
}
