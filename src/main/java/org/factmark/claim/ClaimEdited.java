package org.factmark.claim;

/** Published inside the transaction that changed the claim's annotation (span, type, texts). */
public record ClaimEdited(Claim before, Claim after, long actorId) {
}
