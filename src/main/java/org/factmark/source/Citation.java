package org.factmark.source;

/** A claim that cites a source, as the sources view lists it. */
public record Citation(long claimId, long documentId, String quote, Stance stance) {
}
