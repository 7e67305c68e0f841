package org.factmark.export;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: it refuses anything the RFC does not allow. */
public final class StrictCsv {

    private StrictCsv() {
    }

    public static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        while (i < csv.length()) {
            var field = new StringBuilder();
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= csv.length()) {
                        throw new IllegalArgumentException("Unterminated quoted field");
                    }
                    char c = csv.charAt(i++);
                    if (c == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                    char c = csv.charAt(i++);
                    if (c == '"' || c == '\n') {
                        throw new IllegalArgumentException("A bare quote or line feed in an unquoted field at " + i);
                    }
                    field.append(c);
                }
            }
            record.add(field.toString());
            if (i >= csv.length()) {
                throw new IllegalArgumentException("The last record does not end with CRLF");
            }
            if (csv.charAt(i) == ',') {
                i++;
            } else if (csv.startsWith("\r\n", i)) {
                i += 2;
                records.add(record);
                record = new ArrayList<>();
            } else {
                throw new IllegalArgumentException("Expected a comma or CRLF at " + i);
            }
        }
        return records;
    }
}
