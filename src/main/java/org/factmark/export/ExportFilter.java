package org.factmark.export;

import java.time.LocalDate;
import java.util.Set;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Rating;
import org.factmark.common.StorableText;

/**
 * Which claims an export holds. By default only verified ones; an empty {@code statuses} means all.
 * {@code verifiedFrom} and {@code verifiedTo} are inclusive days (UTC).
 */
public record ExportFilter(Set<ClaimStatus> statuses, Long documentId, String type, Rating rating,
        LocalDate verifiedFrom, LocalDate verifiedTo, String outlet) {

    public ExportFilter {
        StorableText.check(type, "The type filter");
        StorableText.check(outlet, "The outlet filter");
    }

    public static ExportFilter verified() {
        return new ExportFilter(Set.of(ClaimStatus.VERIFIED), null, null, null, null, null, null);
    }
}
