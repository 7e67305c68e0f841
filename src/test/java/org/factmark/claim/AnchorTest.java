package org.factmark.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factmark.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnchorTest {

    private static final String TEXT = "The official said: \"No talks.\" Three sources disagreed.";

    @Test
    void an_anchor_holds_the_quote_and_its_context() {
        Anchor anchor = Anchor.in(TEXT, 19, 30, "\"No talks.\"");

        assertThat(anchor.quote()).isEqualTo("\"No talks.\"");
        assertThat(anchor.prefix()).isEqualTo("The official said: ");
        assertThat(anchor.suffix()).isEqualTo(" Three sources disagreed.");
    }

    @Test
    void context_is_at_most_32_code_units_each_side() {
        String text = "a".repeat(50) + "QUOTE" + "b".repeat(50);

        Anchor anchor = Anchor.in(text, 50, 55, null);

        assertThat(anchor.prefix()).hasSize(32);
        assertThat(anchor.suffix()).hasSize(32);
    }

    @Test
    void a_span_with_whitespace_at_its_ends_is_refused_naming_the_span_without_it() {
        assertThatThrownBy(() -> Anchor.in("one  \n two three", 3, 11, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("whitespace").hasMessageContaining("[7, 10), \"two\"");
        assertThat(Anchor.nearestValid("one  \n two three", 3, 11)).contains(new Anchor.Span(7, 10));
    }

    @Test
    void a_selection_of_only_whitespace_is_refused() {
        assertThatThrownBy(() -> Anchor.in("one   two", 3, 6, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing visible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", "\uFEFF", "\u00AD", "\u202E\u2066", "\u2060 \u200B"})
    void a_selection_of_only_invisible_characters_is_refused(String invisible) {
        String text = "one " + invisible + " two";

        assertThatThrownBy(() -> Anchor.in(text, 4, 4 + invisible.length(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing visible");
        assertThat(Anchor.nearestValid(text, 3, 5 + invisible.length())).isEmpty();
    }

    @Test
    void a_span_covering_the_first_person_of_a_family_emoji_is_refused_naming_the_whole_emoji() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man ZWJ woman ZWJ girl
        String text = "We " + family + " met.";

        assertThatThrownBy(() -> Anchor.in(text, 3, 5, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in half").hasMessageContaining("[3, " + (3 + family.length()) + ")");
        assertThat(Anchor.nearestValid(text, 3, 5)).contains(new Anchor.Span(3, 3 + family.length()));
        assertThat(Anchor.in(text, 3, 3 + family.length(), null).quote()).isEqualTo(family);
    }

    @Test
    void a_span_ending_between_a_letter_and_its_combining_accent_is_refused() {
        String text = "Cafe\u0301 open";

        assertThatThrownBy(() -> Anchor.in(text, 0, 4, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in half").hasMessageContaining("[0, 5)");
        assertThat(Anchor.nearestValid(text, 2, 4)).contains(new Anchor.Span(2, 5));
        assertThatThrownBy(() -> Anchor.in(text, 4, 10, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in half");
    }

    @Test
    void flags_are_kept_whole_far_into_a_run_of_them() {
        String flags = "\uD83C\uDDE9\uD83C\uDDEA".repeat(30); // 30 German flags, 4 code units each

        assertThat(Anchor.nearestValid("x " + flags, 2 + 58, 2 + 62)).contains(new Anchor.Span(2 + 56, 2 + 64));
    }

    @ParameterizedTest
    @CsvSource({"-1, 5", "5, 5", "6, 5", "0, 1000"})
    void offsets_outside_the_text_or_reversed_are_refused(int start, int end) {
        assertThatThrownBy(() -> Anchor.in(TEXT, start, end, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not inside");
    }

    @Test
    void a_quote_that_differs_from_the_text_is_refused() {
        assertThatThrownBy(() -> Anchor.in(TEXT, 0, 3, "Tha")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"The\"");
    }

    @Test
    void an_end_inside_a_surrogate_pair_is_refused() {
        String text = "ok 😀 ok";  // the emoji is two code units, at 3 and 4

        assertThatThrownBy(() -> Anchor.in(text, 0, 4, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in half");
        assertThatThrownBy(() -> Anchor.in(text, 4, 7, null)).isInstanceOf(InvalidInputException.class);
        assertThat(Anchor.in(text, 3, 5, null).quote()).isEqualTo("😀");
    }

    @Test
    void context_never_splits_a_surrogate_pair() {
        String emojis = "😀".repeat(20);  // 40 code units
        String text = emojis + "X" + emojis;

        Anchor anchor = Anchor.in(text, 40, 41, null);

        assertThat(anchor.prefix()).isEqualTo("😀".repeat(16));
        assertThat(anchor.suffix()).isEqualTo("😀".repeat(16));
    }

    @Test
    void context_next_to_an_odd_boundary_drops_the_half_pair() {
        String text = "a😀" + "b".repeat(31) + "Q" + "c".repeat(31) + "😀d";

        Anchor anchor = Anchor.in(text, 34, 35, null);

        assertThat(anchor.prefix()).isEqualTo("b".repeat(31));
        assertThat(anchor.suffix()).isEqualTo("c".repeat(31));
    }
}
