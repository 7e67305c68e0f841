package org.factmark.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factmark.common.InvalidInputException;

/** Reads the version a client names in {@code If-Match}: {@code "3"}, {@code W/"3"} or a bare {@code 3}. */
final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,9})\"?$");

    /** Missing: the client must first read the resource; the handler answers 428. */
    static final class Missing extends RuntimeException {
        Missing() {
            super("Send the claim's version in an If-Match header (the ETag of your last GET), "
                    + "so that a change made meanwhile by someone else is not overwritten.");
        }
    }

    private IfMatch() {
    }

    static int version(String header) {
        if (header == null || header.isBlank()) {
            throw new Missing();
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException("If-Match must carry one version, the claim's ETag, for example \"3\".");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
