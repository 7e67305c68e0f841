package org.factmark.claim;

/** Published inside the transaction that created the claim. */
public record ClaimCreated(Claim claim, long actorId) {
}
