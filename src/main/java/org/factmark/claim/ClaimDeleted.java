package org.factmark.claim;

/** Published inside the transaction that marked the claim deleted. */
public record ClaimDeleted(Claim before, long actorId) {
}
