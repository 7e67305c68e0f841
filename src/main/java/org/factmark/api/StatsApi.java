package org.factmark.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.factmark.dashboard.DashboardService;
import org.factmark.dashboard.StatsFilter;
import org.factmark.dashboard.TeamFigures;
import org.factmark.dashboard.TeamFigures.Count;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The team's figures for newsroom reporting (editors and admins), as on the team dashboard. */
@RestController
class StatsApi {

    private final DashboardService dashboards;

    StatsApi(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    /**
     * The figures of a period ({@code from} and {@code to} both included, ISO dates; all time when
     * absent), optionally for one outlet, claim type or reviewer (the claims' author).
     *
     * @param created claims created in the period
     * @param sentToReview claims last sent to review in the period
     * @param inReview claims sent to review in the period that are still in review
     * @param verified claims verified in the period
     * @param rejected claims rejected in the period
     * @param funnel where the claims created in the period are now
     * @param byType the claims created in the period by type code (likewise by rating and outlet)
     * @param queue the review queue now, whatever the period
     * @param timeToVerification hours from creation to verification of the claims verified in the period
     * @param evidence what the claims verified in the period rest on
     */
    record StatsSummary(@Nullable LocalDate from, @Nullable LocalDate to, long created, long sentToReview,
            long inReview, long verified, long rejected, TeamFigures.Funnel funnel, List<Count> byType,
            List<Count> byRating, List<Count> byOutlet, Queue queue, TimeToVerification timeToVerification,
            TeamFigures.Evidence evidence) {
    }

    record Queue(long size, @Nullable Instant oldestWaitingSince) {
    }

    record TimeToVerification(long verified, @Nullable Double medianHours, @Nullable Double p90Hours) {
    }

    @GetMapping(path = "/api/stats/summary", produces = "application/json")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiResponse(responseCode = "403", description = "Only editors and admins see the team's figures.")
    StatsSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String outlet, @RequestParam(required = false) String type,
            @RequestParam(required = false) String reviewer) {
        StatsFilter filter = new StatsFilter(from, to, outlet, type, reviewer);
        TeamFigures figures = dashboards.team(filter);
        TeamFigures.DayCounts total = TeamFigures.DayCounts.sum(figures.throughput());
        return new StatsSummary(from, to, total.created(), total.sent(), dashboards.stillInReview(filter),
                total.verified(), total.rejected(),
                figures.funnel(), figures.byType(), figures.byRating(), figures.byOutlet(),
                new Queue(figures.queue().size(),
                        figures.queue().oldest().isEmpty() ? null : figures.queue().oldest().getFirst().since()),
                new TimeToVerification(figures.speed().verified(), hours(figures.speed().median()),
                        hours(figures.speed().p90())),
                figures.evidence());
    }

    private static Double hours(Duration duration) {
        return duration == null ? null : Math.round(duration.toSeconds() / 36.0) / 100.0;
    }
}
