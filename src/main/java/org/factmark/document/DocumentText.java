package org.factmark.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.factmark.common.InputTooLargeException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.StorableText;
import org.factmark.common.VisibleText;

/**
 * The one place that decides what text may be stored. Line endings become {@code \n}; nothing else is
 * rewritten, because claims anchor to offsets in exactly this text.
 */
final class DocumentText {

    /** The limit on a document's text, in UTF-8 bytes. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** How messages name the text. */
    static final String FIELD = "The text";

    private DocumentText() {
    }

    static String normalize(String raw) {
        if (VisibleText.isBlank(raw)) {
            throw new InvalidInputException("The text is empty.").at(FIELD);
        }
        if (raw.indexOf('\0') >= 0) {
            throw new InvalidInputException("The text contains NUL characters, which a document may not hold. "
                    + "Is it a binary file?").at(FIELD);
        }
        StorableText.check(raw, FIELD);
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        int bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            throw new InputTooLargeException("The text is " + bytes + " bytes long; a document holds at most "
                    + MAX_BYTES + " bytes (2 MiB).").at(FIELD);
        }
        return text;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Counts without copying: a 2 MiB check should not allocate another 2 MiB. */
    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
