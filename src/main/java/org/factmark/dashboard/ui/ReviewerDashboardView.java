package org.factmark.dashboard.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.Confidence;
import org.factmark.common.ui.Formats;
import org.factmark.dashboard.DashboardService;
import org.factmark.dashboard.Drill;
import org.factmark.dashboard.ReviewerFigures;
import org.factmark.dashboard.StatsFilter;
import org.factmark.dashboard.TeamFigures;
import org.factmark.security.CurrentUser;
import org.factmark.security.FactmarkUser;
import org.factmark.security.UserService;

/**
 * A reviewer's own record: what they marked, how much of it held up, and whether their confidence
 * was calibrated. Everyone sees their own; editors and admins may pick any reviewer.
 */
@Route("my-record")
@PageTitle("My record · Factmark")
@Menu(title = "My record", order = 5)
@PermitAll
class ReviewerDashboardView extends VerticalLayout {

    private static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

    private final DashboardService dashboards;
    private final TypeNames types;
    final DatePicker from;
    final DatePicker to;
    final ComboBox<String> reviewer = new ComboBox<>("Reviewer");
    final FlexLayout headline = new FlexLayout();
    final ChartCard activity = new ChartCard("Activity", "my claims created, sent to review, verified and rejected per day");
    final ChartCard calibration = new ChartCard("Calibration",
            "of my claims decided in the period, how many were verified and rejected, by the confidence I gave");
    private ReviewerFigures figures;

    ReviewerDashboardView(DashboardService dashboards, ClaimTypeService claimTypes, UserService users) {
        this.dashboards = dashboards;
        this.types = new TypeNames(claimTypes);
        addClassName("dashboard");
        FactmarkUser me = CurrentUser.require();
        DatePicker[] period = DashboardParts.period(dashboards.defaultPeriod(me.getUsername()));
        from = period[0];
        to = period[1];
        // Reviewers see only their own record; editors may pick anyone who has created claims.
        reviewer.setItems(!me.isEditor() ? List.of(me.getUsername())
                : Stream.concat(dashboards.choices().reviewers().stream(), Stream.of(
                        me.getUsername())).distinct().sorted().toList());
        reviewer.setItemLabelGenerator(users.names()::of);
        reviewer.setValue(me.getUsername());
        reviewer.setVisible(me.isEditor());
        var filters = new HorizontalLayout(reviewer, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        headline.addClassName("figures");
        headline.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
        reviewer.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                refresh();
            }
        });
        activity.chart.addChartClickListener(click -> {
            if (click.index >= 0 && click.index < figures.activity().size()) {
                String day = figures.activity().get(click.index).day().toString();
                Drill drill = List.of(Drill.CREATED_ON, Drill.SENT_ON, Drill.VERIFIED_ON, Drill.REJECTED_ON)
                        .get(Math.max(0, DashboardParts.ACTIVITY.indexOf(click.series)));
                drill(drill, day, click.series + " on " + day);
            }
        });
        calibration.chart.addChartClickListener(click -> {
            if (click.index >= 0 && click.index < LEVELS.size()) {
                drill(Drill.CONFIDENCE, LEVELS.get(click.index), "Decided claims with "
                        + LEVELS.get(click.index).toLowerCase() + " confidence");
            }
        });
        var charts = new Div(activity, calibration);
        charts.addClassName("chart-grid");
        add(new H2("My record"), filters, headline, charts);
        refresh();
    }

    private StatsFilter filter() {
        return new StatsFilter(from.getValue(), to.getValue(), null, null, reviewer.getValue());
    }

    private void refresh() {
        if (DashboardParts.invalid(from, to)) {
            return;
        }
        figures = dashboards.reviewer(reviewer.getValue(), from.getValue(), to.getValue());
        headline.removeAll();
        headline.add(DashboardParts.figure("claims created", String.valueOf(figures.authored())),
                DashboardParts.figure("sent to review", String.valueOf(figures.sent())),
                DashboardParts.figure("verified", String.valueOf(figures.verified())),
                DashboardParts.figure("rejected", String.valueOf(figures.rejected())),
                DashboardParts.figure("acceptance rate (verified of decided)",
                        DashboardParts.percent(figures.acceptanceRate())));
        DashboardParts.showActivity(activity, figures.activity());

        Map<String, List<Long>> series = new LinkedHashMap<>();
        series.put("Verified", figures.calibration().stream().map(ReviewerFigures.Calibration::verified).toList());
        series.put("Rejected", figures.calibration().stream().map(ReviewerFigures.Calibration::rejected).toList());
        List<String> levels = figures.calibration().stream()
                .map(level -> Formats.words(Confidence.valueOf(level.confidence()))).toList();
        boolean decided = figures.calibration().stream().anyMatch(level -> level.verified() + level.rejected() > 0);
        calibration.show(ChartOptions.stacked(levels, series, Map.of("Verified", "#2f9e44", "Rejected", "#e03131")),
                List.of("Confidence", "Verified", "Rejected", "Verified share"), !decided ? List.of()
                        : figures.calibration().stream().map(level -> List.of(
                                Formats.words(Confidence.valueOf(level.confidence())), String.valueOf(level.verified()),
                                String.valueOf(level.rejected()), DashboardParts.percent(level.verifiedShare())))
                        .toList());
    }

    private void drill(Drill drill, String key, String title) {
        new ClaimsBehindDialog(title, dashboards.claimsBehind(filter(), drill, key)).open();
    }

    /** The activity's days, for tests. */
    List<TeamFigures.DayCounts> days() {
        return figures.activity();
    }
}
