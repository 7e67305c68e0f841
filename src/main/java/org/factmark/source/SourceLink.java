package org.factmark.source;

import java.time.Instant;

/** A source as one claim cites it: with the stance it takes and an optional excerpt quoted from it. */
public record SourceLink(long claimId, Source source, Stance stance, String excerpt, String linkedBy,
        Instant linkedAt) {
}
