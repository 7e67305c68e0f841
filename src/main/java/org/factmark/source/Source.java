package org.factmark.source;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Evidence that claims cite: a web page ({@code url}, normalised) or a passage of another Factmark
 * document ({@code documentId}, and {@code claimId} when it is one claim there).
 */
public record Source(long id, @Nullable String url, @Nullable Long documentId, @Nullable Long claimId, String title,
        @Nullable String publisher, SourceKind kind, @Nullable LocalDate accessedOn, @Nullable String archiveUrl,
        @Nullable String note, String createdBy, Instant createdAt) {
}
