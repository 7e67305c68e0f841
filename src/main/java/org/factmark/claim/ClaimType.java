package org.factmark.claim;

/** One entry of the claim-type taxonomy; a retired ({@code active == false}) type takes no new claims. */
public record ClaimType(String code, String name, String colour, String description, boolean active, int position,
        int version) {
}
