package org.factmark.dashboard;

import java.util.List;

/**
 * One reviewer's record in a period: the claims they created, how many they sent to review and how
 * many were verified or rejected, day by day, and per confidence level how often they held up.
 *
 * @param acceptanceRate verified / (verified + rejected), or null before any decision
 */
public record ReviewerFigures(String username, String displayName, long authored, long sent, long verified,
        long rejected, Double acceptanceRate, List<TeamFigures.DayCounts> activity, List<Calibration> calibration) {

    /** Of this reviewer's decided claims with this confidence, how many were verified and how many rejected. */
    public record Calibration(String confidence, long verified, long rejected) {

        public Double verifiedShare() {
            long decided = verified + rejected;
            return decided == 0 ? null : (double) verified / decided;
        }
    }
}
