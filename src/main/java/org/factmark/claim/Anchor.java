package org.factmark.claim;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Optional;
import org.factmark.common.InvalidInputException;
import org.factmark.common.VisibleText;

/**
 * Where a claim sits in its document: {@code [start, end)} in UTF-16 code units of the stored text,
 * the exact quote there, and up to 32 code units of context on each side (never half a surrogate
 * pair), so that the anchor can be verified, and found again, from the text alone.
 */
public record Anchor(int start, int end, String quote, String prefix, String suffix) {

    /** How refusals of a span name it, so that a form shows them at the span's fields. */
    public static final String SPAN = "The span";

    static final int CONTEXT_LENGTH = 32;

    /** A span of the text, {@code [start, end)} in UTF-16 code units. */
    public record Span(int start, int end) {
    }

    /**
     * Anchors a span of {@code text} exactly as given: checks the offsets, that the span neither cuts a
     * user-perceived character (grapheme cluster) in half nor begins or ends with whitespace or invisible
     * characters, and that a quote the client sent is what the text holds there. A span that is not
     * valid is refused with the nearest one that is, never silently replaced by it.
     *
     * @param clientQuote the text the client believes it selected, or null
     */
    public static Anchor in(String text, int start, int end, String clientQuote) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new InvalidInputException("The span [" + start + ", " + end + ") is not inside the document's text, "
                    + "which has " + text.length() + " UTF-16 code units; start must be less than end.").at(SPAN);
        }
        Span valid = nearestValid(text, start, end).orElseThrow(() -> new InvalidInputException("The selection holds "
                + "nothing visible: only whitespace or invisible characters such as zero-width spaces.").at(SPAN));
        if (valid.start() != start || valid.end() != end) {
            Graphemes graphemes = new Graphemes(text, start, end);
            String problem = graphemes.isBoundary(start) && graphemes.isBoundary(end)
                    ? "begins or ends with whitespace or invisible characters"
                    : "cuts a character in half (an emoji, a letter and its accent, or another character shown as one)";
            throw new InvalidInputException("The span [" + start + ", " + end + ") " + problem + "; the nearest span "
                    + "that does not is [" + valid.start() + ", " + valid.end() + "), \""
                    + abbreviate(text.substring(valid.start(), valid.end())) + "\".").at(SPAN);
        }
        if (clientQuote != null && !clientQuote.equals(text.substring(start, end))) {
            throw new InvalidInputException("The quote does not match the document's text at [" + start + ", " + end
                    + "): the text there is \"" + abbreviate(text.substring(start, end)) + "\".").at(SPAN);
        }
        int prefixStart = Math.max(0, start - CONTEXT_LENGTH);
        if (splitsSurrogatePair(text, prefixStart)) {
            prefixStart++;
        }
        int suffixEnd = Math.min(text.length(), end + CONTEXT_LENGTH);
        if (splitsSurrogatePair(text, suffixEnd)) {
            suffixEnd--;
        }
        return new Anchor(start, end, text.substring(start, end), text.substring(prefixStart, start),
                text.substring(end, suffixEnd));
    }

    /**
     * The span a selection of {@code [start, end)} becomes as a claim: widened to whole user-perceived
     * characters, then without the whitespace and invisible characters at its ends; empty when nothing
     * visible is left. The annotator snaps a selection to it (with the same rules in the browser), so
     * the reviewer sees the span they get before saving.
     */
    public static Optional<Span> nearestValid(String text, int start, int end) {
        int from = Math.clamp(start, 0, text.length());
        int to = Math.clamp(end, from, text.length());
        Graphemes graphemes = new Graphemes(text, from, to);
        if (!graphemes.isBoundary(from)) {
            from = graphemes.preceding(from);
        }
        if (!graphemes.isBoundary(to)) {
            to = graphemes.following(to);
        }
        while (from < to && VisibleText.isBlank(text.substring(from, graphemes.following(from)))) {
            from = graphemes.following(from);
        }
        while (to > from && VisibleText.isBlank(text.substring(graphemes.preceding(to), to))) {
            to = graphemes.preceding(to);
        }
        return from < to ? Optional.of(new Span(from, to)) : Optional.empty();
    }

    /**
     * The grapheme cluster boundaries around a span. Java's character BreakIterator computes every
     * boundary of the text it is given (over a second for 2 MiB), so it gets only the stretch between
     * the nearest points before and after the span where clusters certainly break and no state carries
     * over: after a line feed, or between two ASCII characters.
     */
    private static final class Graphemes {

        private final BreakIterator breaks = BreakIterator.getCharacterInstance(Locale.ROOT);
        private final int offset;

        Graphemes(String text, int start, int end) {
            int from = start;
            while (from > 0 && !certainBreak(text, from)) {
                from--;
            }
            int to = end;
            while (to < text.length() && !certainBreak(text, to)) {
                to++;
            }
            offset = from;
            breaks.setText(text.substring(from, to));
        }

        private static boolean certainBreak(String text, int index) {
            char before = text.charAt(index - 1);
            return before == '\n' || before < 0x80 && text.charAt(index) < 0x80;
        }

        boolean isBoundary(int index) {
            return breaks.isBoundary(index - offset);
        }

        int preceding(int index) {
            return breaks.preceding(index - offset) + offset;
        }

        int following(int index) {
            return breaks.following(index - offset) + offset;
        }
    }

    /** True when {@code index} falls between the two halves of a surrogate pair. */
    static boolean splitsSurrogatePair(String text, int index) {
        return index > 0 && index < text.length()
                && Character.isHighSurrogate(text.charAt(index - 1)) && Character.isLowSurrogate(text.charAt(index));
    }

    private static String abbreviate(String quote) {
        return quote.length() <= 80 ? quote : quote.substring(0, 77) + "...";
    }
}
