package org.factmark.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV: CRLF between records, a field with a comma, quote, CR or LF in quotes with
 * inner quotes doubled. A field that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, tab, CR or LF) gets a leading apostrophe, so an export never executes anything when opened.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("The client stopped reading the export", e);
        }
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = neutralised(value.toString());
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + text;
            default -> text;
        };
    }
}
