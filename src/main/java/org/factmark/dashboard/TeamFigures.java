package org.factmark.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The team dashboard's figures for one {@link StatsFilter}. Claims are counted by their current
 * state: "created" in the period, "sent to review" when they were last sent in it, "verified" and
 * "rejected" when they were last decided in it.
 */
public record TeamFigures(List<DayCounts> throughput, List<Count> byType, List<Count> byRating,
        List<Count> byOutlet, Funnel funnel, Queue queue, Speed speed, Evidence evidence) {

    /** One day of work: claims created, sent to review, verified and rejected on it. */
    public record DayCounts(LocalDate day, long created, long sent, long verified, long rejected) {

        /** The sums over the days (with no day of their own). */
        public static DayCounts sum(List<DayCounts> days) {
            return new DayCounts(null, days.stream().mapToLong(DayCounts::created).sum(),
                    days.stream().mapToLong(DayCounts::sent).sum(), days.stream().mapToLong(DayCounts::verified).sum(),
                    days.stream().mapToLong(DayCounts::rejected).sum());
        }
    }

    /** How many claims have {@code key} (a type code, a rating, an outlet, a source...). */
    public record Count(@Nullable String key, long count) {
    }

    /** Where the claims created in the period are now. */
    public record Funnel(long open, long inReview, long verified, long rejected) {

        public long total() {
            return open + inReview + verified + rejected;
        }
    }

    /** The review queue now: its size and its longest-waiting claims. */
    public record Queue(long size, List<Waiting> oldest) {
    }

    public record Waiting(long claimId, long documentId, String quote, Instant since) {
    }

    /**
     * Time from creation to verification of the claims verified in the period (to within 2.5 %: read
     * from a histogram); null without any.
     */
    public record Speed(long verified, Duration median, Duration p90) {
    }

    /**
     * What the claims verified in the period rest on: how many have 1, 2, 3, 4, 5+ sources, how many
     * only one, the sources cited by most of them, and the publishers they cite most often (each
     * citation counts: a claim citing two reports of one publisher counts twice).
     */
    public record Evidence(long verified, List<Count> sourcesPerClaim, long singleSource, List<Count> topSources,
            List<Count> topPublishers) {
    }
}
