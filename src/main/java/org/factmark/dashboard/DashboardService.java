package org.factmark.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.factmark.common.NotAllowedException;
import org.factmark.common.NotFoundException;
import org.factmark.dashboard.TeamFigures.Count;
import org.factmark.dashboard.TeamFigures.DayCounts;
import org.factmark.dashboard.internal.DashboardRepository;
import org.factmark.dashboard.internal.DashboardRepository.Breakdowns;
import org.factmark.dashboard.internal.DashboardRepository.ReviewerName;
import org.factmark.dashboard.internal.DashboardRepository.Scope;
import org.factmark.dashboard.internal.DashboardRepository.TypePairCount;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.factmark.security.FactmarkUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards' figures: the team's (editors and admins), each reviewer's own (everyone sees
 * theirs, editors anyone's), and the agreement between reviewers. Read-only.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** At most this many claims are listed behind one bar or point, and this many disagreements per pair. */
    public static final int LISTED = 200;

    /** An open period's ends, as days every claim lies between. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 30);
    /** The longest period a dashboard opens on. */
    static final int LONGEST_DEFAULT_DAYS = 90;

    private final DashboardRepository dashboards;
    /** Dashboards count UTC days (the summary tables do). */
    private static final ZoneId ZONE = ZoneOffset.UTC;

    DashboardService(DashboardRepository dashboards) {
        this.dashboards = dashboards;
    }

    @PreAuthorize(Access.EDITOR)
    public TeamFigures team(StatsFilter filter) {
        Scope scope = scope(filter);
        Breakdowns breakdowns = dashboards.breakdowns(scope);
        Map<String, Long> byStatus = breakdowns.byStatus().stream()
                .collect(Collectors.toMap(Count::key, Count::count));
        var funnel = new TeamFigures.Funnel(byStatus.getOrDefault("OPEN", 0L), byStatus.getOrDefault("IN_REVIEW", 0L),
                byStatus.getOrDefault("VERIFIED", 0L), byStatus.getOrDefault("REJECTED", 0L));
        return new TeamFigures(everyDay(filter, dashboards.throughput(scope)), breakdowns.byType(),
                breakdowns.byRating(), breakdowns.byOutlet(), funnel, dashboards.queue(scope),
                dashboards.speed(scope), dashboards.evidence(scope));
    }

    /** How many claims sent to review in the period are still waiting for a verdict. */
    @PreAuthorize(Access.EDITOR)
    public long stillInReview(StatsFilter filter) {
        return dashboards.stillInReview(scope(filter));
    }

    /** A reviewer's own record; editors and admins may look at anyone's. */
    @PreAuthorize(Access.ANY_ROLE)
    public ReviewerFigures reviewer(String username, LocalDate from, LocalDate to) {
        requireSelfOrEditor(username);
        ReviewerName reviewer = reviewerNamed(username);
        StatsFilter filter = new StatsFilter(from, to, null, null, username);
        Scope scope = scope(filter, reviewer.id());
        List<DayCounts> activity = everyDay(filter, dashboards.throughput(scope));
        DayCounts total = DayCounts.sum(activity);
        long decided = total.verified() + total.rejected();
        Double acceptance = decided == 0 ? null : (double) total.verified() / decided;
        Map<String, ReviewerFigures.Calibration> byConfidence = dashboards.calibration(scope).stream()
                .collect(Collectors.toMap(ReviewerFigures.Calibration::confidence, calibration -> calibration));
        List<ReviewerFigures.Calibration> calibration = List.of("LOW", "MEDIUM", "HIGH").stream()
                .map(level -> byConfidence.getOrDefault(level, new ReviewerFigures.Calibration(level, 0, 0)))
                .toList();
        return new ReviewerFigures(reviewer.username(), reviewer.displayName(), total.created(), total.sent(),
                total.verified(), total.rejected(), acceptance, activity, calibration);
    }

    @PreAuthorize(Access.EDITOR)
    public Agreement agreement(StatsFilter filter) {
        List<TypePairCount> counts = dashboards.overlaps(scope(filter));
        Map<List<String>, List<TypePairCount>> byPair = counts.stream()
                .collect(Collectors.groupingBy(count -> List.of(count.reviewer(), count.otherReviewer()),
                        LinkedHashMap::new, Collectors.toList()));
        List<Agreement.Pair> pairs = new ArrayList<>();
        Map<List<String>, Long> units = new HashMap<>();
        byPair.forEach((pair, cells) -> {
            List<String> types = cells.stream().flatMap(cell -> Stream.of(cell.type(), cell.otherType()))
                    .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
            long[][] table = new long[types.size()][types.size()];
            long overlaps = 0;
            long agreed = 0;
            for (TypePairCount cell : cells) {
                table[types.indexOf(cell.type())][types.indexOf(cell.otherType())] += cell.count();
                overlaps += cell.count();
                agreed += cell.type().equals(cell.otherType()) ? cell.count() : 0;
                units.merge(List.of(cell.type(), cell.otherType()), cell.count(), Long::sum);
            }
            pairs.add(new Agreement.Pair(pair.get(0), pair.get(1), overlaps, agreed, (double) agreed / overlaps,
                    AgreementStatistics.cohensKappa(table)));
        });
        pairs.sort(Comparator.comparingLong(Agreement.Pair::overlaps).reversed()
                .thenComparing(Agreement.Pair::reviewer).thenComparing(Agreement.Pair::otherReviewer));
        return new Agreement(pairs, units.values().stream().mapToLong(Long::longValue).sum(),
                AgreementStatistics.krippendorffAlpha(units));
    }

    @PreAuthorize(Access.EDITOR)
    public List<Agreement.Disagreement> disagreements(StatsFilter filter, String reviewer, String otherReviewer) {
        return dashboards.disagreements(scope(filter), reviewerNamed(reviewer).id(), reviewerNamed(otherReviewer).id(),
                LISTED);
    }

    /** The claims behind a bar or point; reviewers may ask only about their own claims. */
    @PreAuthorize(Access.ANY_ROLE)
    public List<ClaimBehind> claimsBehind(StatsFilter filter, Drill drill, String key) {
        requireTeamEditorOrSelf(filter.reviewer());
        return dashboards.claimsBehind(scope(filter), drill, key, LISTED);
    }

    /**
     * The period a dashboard opens on (the team's, or {@code reviewer}'s record): until today, from the
     * first day anything happened, so that a young desk's work spreads over the chart instead of
     * crowding its last days; at least the last week, at most the last {@value #LONGEST_DEFAULT_DAYS} days.
     */
    @PreAuthorize(Access.ANY_ROLE)
    public StatsFilter defaultPeriod(String reviewer) {
        requireTeamEditorOrSelf(reviewer);
        LocalDate today = LocalDate.now(ZONE);
        LocalDate longest = today.minusDays(LONGEST_DEFAULT_DAYS - 1);
        LocalDate first = dashboards.firstActiveDay(reviewer == null ? null : reviewerNamed(reviewer).id())
                .orElse(longest);
        LocalDate lastWeek = today.minusDays(6);
        LocalDate from = first.isBefore(longest) ? longest : first.isAfter(lastWeek) ? lastWeek : first;
        return new StatsFilter(from, today, null, null, reviewer);
    }

    /** What the dashboards can be filtered by: the outlets, and the reviewers who have created claims. */
    public record Choices(List<String> outlets, List<String> reviewers) {
    }

    @PreAuthorize(Access.EDITOR)
    public Choices choices() {
        return new Choices(dashboards.outlets(), dashboards.authors());
    }

    /** The team's figures (reviewer null) are for editors and admins; a reviewer's for them and editors. */
    private static void requireTeamEditorOrSelf(String reviewer) {
        if (reviewer != null) {
            requireSelfOrEditor(reviewer);
        } else if (!CurrentUser.require().isEditor()) {
            throw new NotAllowedException("Only editors and admins look at the team's claims here.");
        }
    }

    private static void requireSelfOrEditor(String username) {
        FactmarkUser user = CurrentUser.require();
        if (!user.getUsername().equals(username) && !user.isEditor()) {
            throw new NotAllowedException("Reviewers see their own record only.");
        }
    }

    private ReviewerName reviewerNamed(String username) {
        return dashboards.reviewer(username)
                .orElseThrow(() -> new NotFoundException("There is no reviewer " + username + "."));
    }

    private Scope scope(StatsFilter filter) {
        return scope(filter, filter.reviewer() == null ? null : reviewerNamed(filter.reviewer()).id());
    }

    private Scope scope(StatsFilter filter, Long authorId) {
        return new Scope(filter.from() == null ? EARLIEST : filter.from(), filter.to() == null ? LATEST : filter.to(),
                filter.outlet(), filter.type(), authorId);
    }

    /** Every day of the period, with zeros where nothing happened, so that charts show the quiet days. */
    private List<DayCounts> everyDay(StatsFilter filter, List<DayCounts> busyDays) {
        if (busyDays.isEmpty() && (filter.from() == null || filter.to() == null)) {
            return List.of();
        }
        LocalDate first = filter.from() != null ? filter.from() : busyDays.getFirst().day();
        LocalDate last = filter.to() != null ? filter.to()
                : Collections.max(List.of(busyDays.getLast().day(), LocalDate.now(ZONE)));
        Map<LocalDate, DayCounts> byDay = busyDays.stream().collect(Collectors.toMap(DayCounts::day, day -> day));
        List<DayCounts> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new DayCounts(day, 0, 0, 0, 0)));
        }
        return days;
    }
}
