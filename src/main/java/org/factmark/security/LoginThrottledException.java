package org.factmark.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked, after too many failed ones; {@link #retryAt()} says when to try again. */
public class LoginThrottledException extends AuthenticationException {

    private final Instant retryAt;

    public LoginThrottledException(Instant retryAt) {
        super("Too many failed sign-ins. Try again at " + retryAt + ".");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /** The wait in words for the person signing in: "1 second", "40 seconds", "15 minutes". */
    public String retryAfterInWords() {
        long seconds = retryAfterSeconds();
        return seconds == 1 ? "1 second" : seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    /** Whole seconds from now until {@link #retryAt()}, at least one: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        long millis = Duration.between(Instant.now(), retryAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
