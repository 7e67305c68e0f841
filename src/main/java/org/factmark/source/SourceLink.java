package org.factmark.source;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A source as one claim cites it: with the stance it takes and an optional excerpt quoted from it. */
public record SourceLink(long claimId, Source source, Stance stance, @Nullable String excerpt, String linkedBy,
        Instant linkedAt) {
}
