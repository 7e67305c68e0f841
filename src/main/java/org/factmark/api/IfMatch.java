package org.factmark.api;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factmark.common.InvalidInputException;

/**
 * An {@code If-Match} header as RFC 9110 (section 13.1.1) reads it: {@code *}, or a comma-separated
 * list of entity tags such as {@code "3", "4"}. It matches when any tag is the current ETag by strong
 * comparison, so a weak tag ({@code W/"3"}) never matches; anything else is refused, not guessed at.
 */
final class IfMatch {

    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[ \\t]*(?:,[ \\t]*)*");

    /** Missing: the client must first read the resource; the handler answers 428. */
    static final class Missing extends RuntimeException {
        Missing() {
            super("Send the claim's version in an If-Match header (the ETag of your last GET), "
                    + "so that a change made meanwhile by someone else is not overwritten.");
        }
    }

    private final boolean any;
    private final Set<String> strongTags;

    private IfMatch(boolean any, Set<String> strongTags) {
        this.any = any;
        this.strongTags = strongTags;
    }

    /** Whether the header named weak tags alone, which can never match: the caller is told so, not "changed meanwhile". */
    boolean onlyWeak() {
        return !any && strongTags.isEmpty();
    }

    static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            throw new Missing();
        }
        String value = header.strip();
        if (value.equals("*")) {
            return new IfMatch(true, Set.of());
        }
        Set<String> strong = new HashSet<>();
        Matcher tag = ENTITY_TAG.matcher(value);
        Matcher separator = LIST_SEPARATOR.matcher(value);
        int at = 0;
        boolean first = true;
        while (at < value.length()) {
            separator.region(at, value.length()).lookingAt();
            if (!first && !separator.group().contains(",")) {
                throw malformed();
            }
            at = separator.end();
            if (at == value.length()) {
                break;
            }
            if (!tag.region(at, value.length()).lookingAt()) {
                throw malformed();
            }
            if (tag.group(1) == null) {
                strong.add(tag.group(2));
            }
            at = tag.end();
            first = false;
        }
        if (first) {
            throw malformed();
        }
        return new IfMatch(false, strong);
    }

    /** Whether a resource whose ETag is {@code "version"} meets the condition. */
    boolean matches(int version) {
        return any || strongTags.contains(String.valueOf(version));
    }

    private static InvalidInputException malformed() {
        return new InvalidInputException("If-Match must be * or a comma-separated list of quoted ETags, such as "
                + "\"3\" (the ETag of your last GET); a weak one, W/\"3\", never matches.");
    }
}
