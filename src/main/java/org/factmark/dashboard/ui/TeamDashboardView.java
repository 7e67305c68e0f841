package org.factmark.dashboard.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.Rating;
import org.factmark.common.ui.Formats;
import org.factmark.common.ui.Grids;
import org.factmark.dashboard.Agreement;
import org.factmark.dashboard.DashboardService;
import org.factmark.dashboard.Drill;
import org.factmark.dashboard.StatsFilter;
import org.factmark.dashboard.TeamFigures;
import org.factmark.dashboard.TeamFigures.Count;
import org.factmark.document.ui.DocumentMeta;
import org.factmark.security.PersonNames;
import org.factmark.security.UserService;

/**
 * The desk's figures for editors: throughput, where the work is, speed, evidence and agreement,
 * for a period and optionally one outlet, type or reviewer. Clicking a bar or point lists the
 * claims behind it.
 */
@Route("dashboard")
@PageTitle("Team dashboard · Factmark")
@Menu(title = "Team dashboard", order = 6)
@RolesAllowed({"EDITOR", "ADMIN"})
class TeamDashboardView extends VerticalLayout {

    private static final List<String> STATUSES = List.of("OPEN", "IN_REVIEW", "VERIFIED", "REJECTED");
    private static final List<String> STATUS_LABELS = List.of("Open", "In review", "Verified", "Rejected");

    private final DashboardService dashboards;
    /** Below this many overlapping pairs an agreement figure swings with every claim. */
    private static final int FEW_PAIRS = 10;
    private static final String KAPPA_MEANS = "Cohen's κ compares one pair of reviewers the same way: 1 when they "
            + "always chose the same type, 0 when they agreed only as often as chance would have them, below 0 when "
            + "less. It cannot be computed when both used one single type throughout, since chance then explains all "
            + "their agreement; and over a handful of overlapping claims it swings widely, so read it with their count.";

    private final TypeNames types;
    private final PersonNames names;
    final DatePicker from;
    final DatePicker to;
    final ComboBox<String> outlet = new ComboBox<>("Outlet");
    final ComboBox<ClaimType> type = new ComboBox<>("Claim type");
    final ComboBox<String> reviewer = new ComboBox<>("Reviewer");
    final FlexLayout headline = new FlexLayout();
    final ChartCard throughput = new ChartCard("Throughput", "claims created, sent to review, verified and rejected per day");
    final ChartCard funnel = new ChartCard("Verification funnel", "where the claims created in the period are now");
    final ChartCard byType = new ChartCard("By type", "claims created in the period");
    final ChartCard byRating = new ChartCard("By rating", "claims created in the period and verified since");
    final ChartCard byOutlet = new ChartCard("By outlet", "claims created in the period");
    final ChartCard sourcesPerClaim = new ChartCard("Sources per verified claim", "claims verified in the period");
    final ChartCard topSources = new ChartCard("Most cited sources", "by claims verified in the period");
    final ChartCard topPublishers = new ChartCard("Most cited publishers", "citations by claims verified in the period");
    final Grid<TeamFigures.Waiting> oldest = new Grid<>();
    final Paragraph queueSize = new Paragraph();
    final Grid<Agreement.Pair> agreement = new Grid<>();
    final Paragraph alpha = new Paragraph();
    private TeamFigures figures;
    /** The ratings as drawn (claims without one are not a bar). */
    private List<Count> ratings = List.of();

    TeamDashboardView(DashboardService dashboards, ClaimTypeService claimTypes, UserService users) {
        this.names = users.names();
        this.dashboards = dashboards;
        this.types = new TypeNames(claimTypes);
        addClassName("dashboard");
        DatePicker[] period = DashboardParts.period(dashboards.defaultPeriod(null));
        from = period[0];
        to = period[1];
        DashboardService.Choices choices = dashboards.choices();
        outlet.setItems(choices.outlets());
        type.setItems(claimTypes.all());
        type.setItemLabelGenerator(ClaimType::name);
        reviewer.setItems(choices.reviewers());
        reviewer.setItemLabelGenerator(names::of);
        var filters = new HorizontalLayout(from, to, outlet, type, reviewer);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        for (var box : List.of(outlet, reviewer)) {
            box.setClearButtonVisible(true);
        }
        type.setClearButtonVisible(true);
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
        outlet.addValueChangeListener(change -> refresh());
        type.addValueChangeListener(change -> refresh());
        reviewer.addValueChangeListener(change -> refresh());

        headline.addClassName("figures");
        headline.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        oldest.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.WRAP_CELL_CONTENT);
        oldest.addColumn(TeamFigures.Waiting::quote).setHeader("Waiting longest").setFlexGrow(1);
        oldest.addColumn(waiting -> Formats.dateTime(waiting.since())).setHeader("Since").setAutoWidth(true);
        oldest.setAllRowsVisible(true);
        Grids.enterOpensRows(oldest);
        oldest.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                DocumentMeta.location(click.getItem().documentId()),
                QueryParameters.of("claim", String.valueOf(click.getItem().claimId())))));
        agreement.addThemeVariants(GridVariant.LUMO_COMPACT);
        agreement.addColumn(pair -> names.of(pair.reviewer()) + " · " + names.of(pair.otherReviewer())).setHeader("Reviewers").setFlexGrow(1);
        agreement.addColumn(Agreement.Pair::overlaps).setHeader("Overlapping claims").setAutoWidth(true);
        agreement.addColumn(pair -> DashboardParts.percent(pair.rawAgreement())).setHeader("Same type").setAutoWidth(true);
        agreement.addColumn(pair -> Double.isNaN(pair.kappa()) ? "cannot be computed: one type only"
                : DashboardParts.decimal(pair.kappa())).setHeader("Cohen's κ").setAutoWidth(true);
        agreement.setEmptyStateText("No two reviewers marked overlapping passages in this period.");
        agreement.setHeight("22rem");
        Grids.enterOpensRows(agreement);
        agreement.addItemClickListener(click -> showDisagreements(click.getItem()));

        throughput.chart.addChartClickListener(click -> drillIntoDay(click.series, click.index));
        funnel.chart.addChartClickListener(click -> {
            if (click.index >= 0 && click.index < STATUSES.size()) {
                drill(Drill.STATUS, STATUSES.get(click.index), "Claims now "
                        + STATUS_LABELS.get(click.index).toLowerCase(Locale.ROOT));
            }
        });
        byType.chart.addChartClickListener(click -> drillInto(Drill.TYPE, figures.byType(), click.index,
                "Claims of type ", types::name));
        byRating.chart.addChartClickListener(click -> drillInto(Drill.RATING, ratings, click.index, "Claims rated ",
                TeamDashboardView::ratingWords));
        byOutlet.chart.addChartClickListener(click -> drillInto(Drill.OUTLET, figures.byOutlet(), click.index,
                "Claims in ", TeamDashboardView::outletName));

        var grid = new Div(throughput, funnel, byType, byRating, byOutlet, sourcesPerClaim, topSources, topPublishers);
        grid.addClassName("chart-grid");
        var queue = new VerticalLayout(new H3("Review queue now"), queueSize, oldest);
        queue.setPadding(false);
        var agreementSection = new VerticalLayout(new H3("Agreement between reviewers"), new Paragraph(
                "Where two reviewers marked overlapping passages of one document: how often they chose the same "
                        + "type. Click a pair to read their disagreements side by side."), alpha, agreement,
                new Paragraph(KAPPA_MEANS));
        agreementSection.setPadding(false);
        add(new H2("Team dashboard"), filters, headline, grid, queue, agreementSection);
        refresh();
    }

    StatsFilter filter() {
        return new StatsFilter(from.getValue(), to.getValue(), outlet.getValue(),
                type.getValue() == null ? null : type.getValue().code(), reviewer.getValue());
    }

    private void refresh() {
        if (DashboardParts.invalid(from, to)) {
            return;
        }
        StatsFilter filter = filter();
        figures = dashboards.team(filter);
        TeamFigures.DayCounts totals = TeamFigures.DayCounts.sum(figures.throughput());
        headline.removeAll();
        headline.add(DashboardParts.figure("created", String.valueOf(totals.created())),
                DashboardParts.figure("sent to review", String.valueOf(totals.sent())),
                DashboardParts.figure("verified", String.valueOf(totals.verified())),
                DashboardParts.figure("rejected", String.valueOf(totals.rejected())),
                DashboardParts.figure("in the review queue now", String.valueOf(figures.queue().size())),
                DashboardParts.figure("median time to verification", DashboardParts.duration(figures.speed().median())),
                DashboardParts.figure("90 % verified within", DashboardParts.duration(figures.speed().p90())),
                DashboardParts.figure("verified on a single source", figures.evidence().singleSource() + " of "
                        + figures.evidence().verified()));
        DashboardParts.showActivity(throughput, figures.throughput());

        TeamFigures.Funnel stages = figures.funnel();
        List<Long> stageCounts = List.of(stages.open(), stages.inReview(), stages.verified(), stages.rejected());
        funnel.show(ChartOptions.bars(STATUS_LABELS, stageCounts, null, true), List.of("Stage", "Claims"),
                stages.total() == 0 ? List.of() : rows(STATUS_LABELS, stageCounts));
        showCounts(byType, figures.byType(), types::name, types::colour, false);
        ratings = figures.byRating().stream().filter(count -> count.key() != null).toList();
        showCounts(byRating, ratings, TeamDashboardView::ratingWords, rating -> null, false);
        showCounts(byOutlet, figures.byOutlet(), TeamDashboardView::outletName, outletName -> null, true);
        showCounts(sourcesPerClaim, figures.evidence().sourcesPerClaim(), bucket -> bucket + (bucket.equals("1")
                ? " source" : " sources"), bucket -> bucket.equals("1") ? "#e8590c" : null, false);
        showCounts(topSources, figures.evidence().topSources(), Function.identity(), key -> null, true);
        showCounts(topPublishers, figures.evidence().topPublishers(), Function.identity(), key -> null, true);

        queueSize.setText(figures.queue().size() + (figures.queue().size() == 1 ? " claim waits" : " claims wait")
                + " for a verdict.");
        oldest.setItems(figures.queue().oldest());
        Agreement agreed = dashboards.agreement(filter);
        agreement.setItems(agreed.pairs());
        alpha.setText(alphaInWords(agreed));
    }

    /** The team's α, or why there is none, and what it means. */
    static String alphaInWords(Agreement agreed) {
        if (agreed.units() == 0) {
            return "Krippendorff's α, the team's agreement on claim types, cannot be computed for this period: it "
                    + "needs passages that two reviewers both marked, and there are none yet. It appears once two "
                    + "reviewers mark overlapping passages of one document.";
        }
        String pairs = agreed.units() == 1 ? "1 overlapping pair of claims" : agreed.units() + " overlapping pairs of claims";
        if (Double.isNaN(agreed.alpha())) {
            return "Krippendorff's α, the team's agreement on claim types, cannot be computed for this period: in all "
                    + pairs + " both reviewers chose one and the same type, so there is no variety to tell agreement "
                    + "from chance by.";
        }
        return "Krippendorff's α over " + pairs + ": " + DashboardParts.decimal(agreed.alpha()) + ". It says how often "
                + "reviewers chose the same type for the same passage, beyond what chance would give: 1 is full "
                + "agreement, 0 no better than chance, below 0 they disagree more than chance would."
                + (agreed.units() < FEW_PAIRS ? " With fewer than " + FEW_PAIRS + " pairs, take it as a first impression."
                        : "");
    }

    private void showCounts(ChartCard card, List<Count> counts, Function<String, String> label,
            Function<String, String> colour, boolean horizontal) {
        List<String> labels = counts.stream().map(count -> label.apply(count.key())).toList();
        List<Long> values = counts.stream().map(Count::count).toList();
        card.show(ChartOptions.bars(labels, values, counts.stream().map(count -> colour.apply(count.key())).toList(),
                horizontal), List.of("", "Claims"), rows(labels, values));
    }

    private static List<List<String>> rows(List<String> labels, List<Long> values) {
        return IntStream.range(0, labels.size())
                .mapToObj(i -> List.of(labels.get(i), String.valueOf(values.get(i)))).toList();
    }


    private void drillIntoDay(String series, int index) {
        if (index < 0 || index >= figures.throughput().size()) {
            return;
        }
        String day = figures.throughput().get(index).day().toString();
        Drill drill = switch (DashboardParts.ACTIVITY.indexOf(series)) {
            case 0 -> Drill.CREATED_ON;
            case 1 -> Drill.SENT_ON;
            case 2 -> Drill.VERIFIED_ON;
            default -> Drill.REJECTED_ON;
        };
        drill(drill, day, series + " on " + day);
    }

    private void drillInto(Drill drill, List<Count> counts, int index, String title, Function<String, String> label) {
        if (index >= 0 && index < counts.size()) {
            String key = counts.get(index).key();
            drill(drill, key, title + label.apply(key));
        }
    }

    private static String ratingWords(String rating) {
        return Rating.valueOf(rating).words();
    }

    private static String outletName(String outlet) {
        return outlet == null ? "(no outlet)" : outlet;
    }

    private void drill(Drill drill, String key, String title) {
        new ClaimsBehindDialog(title, dashboards.claimsBehind(filter(), drill, key)).open();
    }

    private void showDisagreements(Agreement.Pair pair) {
        new DisagreementsDialog(pair, dashboards.disagreements(filter(), pair.reviewer(), pair.otherReviewer()),
                types::name, names).open();
    }
}
