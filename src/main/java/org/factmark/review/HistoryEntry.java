package org.factmark.review;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One step in a claim's history: who did what when, with the values before and after. */
public record HistoryEntry(long id, long claimId, String actor, Instant at, String action,
        @Nullable JsonNode before, @Nullable JsonNode after) {
}
