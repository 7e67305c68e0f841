package org.factmark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(Object... fields) {
        var out = new StringWriter();
        new CsvWriter(out).row(fields);
        return out.toString();
    }

    @Test
    void awkward_values_round_trip_through_a_strict_rfc_4180_reader() {
        List<String> values = List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", "cr\r\nlf",
                "emoji 👩‍👩‍👧", "שלום, עולם", "");

        String csv = write(values.toArray());

        assertThat(csv).endsWith("\r\n");
        assertThat(StrictCsv.parse(csv)).containsExactly(values);
    }

    /** OWASP's CSV-injection vectors: each starts with a character a spreadsheet evaluates. */
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-5", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1", "\r=1", "\n=1",
            "=HYPERLINK(\"http://evil.example\",\"click\")", "=cmd|' /C calc'!A0"})
    void cells_that_a_spreadsheet_would_evaluate_get_a_leading_apostrophe(String value) {
        List<List<String>> parsed = StrictCsv.parse(write(value));

        assertThat(parsed.getFirst().getFirst()).isEqualTo("'" + value);
    }

    @Test
    void a_formula_sign_inside_a_value_is_left_alone() {
        assertThat(StrictCsv.parse(write("1+1=2")).getFirst()).containsExactly("1+1=2");
    }
}
