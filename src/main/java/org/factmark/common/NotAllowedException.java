package org.factmark.common;

import org.springframework.security.access.AccessDeniedException;

/** A refusal whose reason the user may read (a rule, not a missing role); the API answers 403 with it. */
public class NotAllowedException extends AccessDeniedException {

    public NotAllowedException(String message) {
        super(message);
    }
}
