package org.factmark.live;

/**
 * Someone who has a document open in a workspace right now.
 *
 * @param editingClaimId the claim open in their editor, or null
 */
public record Presence(long userId, String username, String displayName, Long editingClaimId) {
}
