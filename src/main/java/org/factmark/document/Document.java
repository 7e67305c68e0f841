package org.factmark.document;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A stored document without its text. {@code textLength} counts UTF-16 code units, the unit of every
 * offset in Factmark; {@code sha256} is the lower-case hex digest of the text's UTF-8 bytes;
 * {@code claimCount} counts the claims marked in it (deleted ones aside); {@code assignees} says who is
 * assigned, by display name, and how far each is ("Alice Reviewer (in progress), Bob Reviewer (new)"),
 * or is null.
 */
public record Document(long id, String title, @Nullable String url, @Nullable String outlet,
        @Nullable LocalDate publishedAt, int textLength, String sha256, String createdBy, Instant createdAt,
        int claimCount, @Nullable String assignees) {
}
