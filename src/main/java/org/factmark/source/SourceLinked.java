package org.factmark.source;

/** Published inside the transaction that linked a source to a claim. */
public record SourceLinked(SourceLink link, long actorId) {
}
