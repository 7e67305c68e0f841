package org.factmark.source;

/** Published inside the transaction that removed a source from a claim. */
public record SourceUnlinked(SourceLink link, long actorId) {
}
