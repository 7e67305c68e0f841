package org.factmark.source;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Evidence that claims cite: a web page ({@code url}, normalised) or a passage of another Factmark
 * document ({@code documentId}, and {@code claimId} when it is one claim there).
 */
public record Source(long id, String url, Long documentId, Long claimId, String title, String publisher,
        SourceKind kind, LocalDate accessedOn, String archiveUrl, String note, String createdBy, Instant createdAt) {
}
