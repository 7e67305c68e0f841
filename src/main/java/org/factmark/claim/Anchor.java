package org.factmark.claim;

import org.factmark.common.InvalidInputException;

/**
 * Where a claim sits in its document: {@code [start, end)} in UTF-16 code units of the stored text,
 * the exact quote there, and up to 32 code units of context on each side (never half a surrogate
 * pair), so that the anchor can be verified, and found again, from the text alone.
 */
public record Anchor(int start, int end, String quote, String prefix, String suffix) {

    static final int CONTEXT_LENGTH = 32;

    /**
     * Anchors a selection in {@code text}: checks the offsets, checks that a quote the client sent
     * is what the text holds there, and trims the selection's leading and trailing whitespace.
     *
     * @param clientQuote the text the client believes it selected, or null
     */
    public static Anchor in(String text, int start, int end, String clientQuote) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new InvalidInputException("The span [" + start + ", " + end + ") is not inside the document's text, "
                    + "which has " + text.length() + " UTF-16 code units; start must be less than end.");
        }
        if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
            throw new InvalidInputException("The span [" + start + ", " + end + ") cuts a character in half "
                    + "(an emoji or other character outside the Basic Multilingual Plane).");
        }
        if (clientQuote != null && !clientQuote.equals(text.substring(start, end))) {
            throw new InvalidInputException("The quote does not match the document's text at [" + start + ", " + end
                    + "): the text there is \"" + abbreviate(text.substring(start, end)) + "\".");
        }
        int trimmedStart = start;
        int trimmedEnd = end;
        while (trimmedStart < trimmedEnd && isBlank(text.charAt(trimmedStart))) {
            trimmedStart++;
        }
        while (trimmedEnd > trimmedStart && isBlank(text.charAt(trimmedEnd - 1))) {
            trimmedEnd--;
        }
        if (trimmedStart == trimmedEnd) {
            throw new InvalidInputException("The selection holds only whitespace.");
        }
        int prefixStart = Math.max(0, trimmedStart - CONTEXT_LENGTH);
        if (splitsSurrogatePair(text, prefixStart)) {
            prefixStart++;
        }
        int suffixEnd = Math.min(text.length(), trimmedEnd + CONTEXT_LENGTH);
        if (splitsSurrogatePair(text, suffixEnd)) {
            suffixEnd--;
        }
        return new Anchor(trimmedStart, trimmedEnd, text.substring(trimmedStart, trimmedEnd),
                text.substring(prefixStart, trimmedStart), text.substring(trimmedEnd, suffixEnd));
    }

    /** True when {@code index} falls between the two halves of a surrogate pair. */
    static boolean splitsSurrogatePair(String text, int index) {
        return index > 0 && index < text.length()
                && Character.isHighSurrogate(text.charAt(index - 1)) && Character.isLowSurrogate(text.charAt(index));
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String abbreviate(String quote) {
        return quote.length() <= 80 ? quote : quote.substring(0, 77) + "...";
    }
}
