package org.factmark.dashboard.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.factmark.dashboard.TeamFigures.DayCounts;
import tools.jackson.databind.node.ObjectNode;

/** What both dashboards show alike: the period pickers, headline figures, the activity chart. */
final class DashboardParts {

    static final List<String> ACTIVITY = List.of("Created", "Sent to review", "Verified", "Rejected");

    private DashboardParts() {
    }

    /** From and to pickers, preset to the last 90 days; clearing one opens the period on that side. */
    static DatePicker[] period() {
        var from = new DatePicker("From");
        var to = new DatePicker("To");
        from.setValue(LocalDate.now(ZoneOffset.UTC).minusDays(89));
        to.setValue(LocalDate.now(ZoneOffset.UTC));
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setHelperText("empty: from the start");
        to.setHelperText("empty: until today");
        return new DatePicker[] {from, to};
    }

    /** A big number with its label. */
    static Div figure(String label, String value) {
        var number = new Span(value);
        number.addClassName("figure-value");
        var caption = new Span(label);
        caption.addClassName("figure-label");
        var figure = new Div(number, caption);
        figure.addClassName("figure");
        return figure;
    }

    static String percent(Double share) {
        return share == null || share.isNaN() ? "–" : Math.round(share * 100) + " %";
    }

    static String decimal(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long hours = duration.toHours();
        return hours >= 48 ? (hours / 24) + " d " + (hours % 24) + " h" : hours + " h " + duration.toMinutesPart() + " min";
    }

    /** The per-day activity as a line chart's option and a table's rows. */
    static void showActivity(ChartCard card, List<DayCounts> days) {
        var categories = days.stream().map(day -> day.day().toString()).toList();
        var series = new LinkedHashMap<String, List<Long>>();
        series.put(ACTIVITY.get(0), days.stream().map(DayCounts::created).toList());
        series.put(ACTIVITY.get(1), days.stream().map(DayCounts::sent).toList());
        series.put(ACTIVITY.get(2), days.stream().map(DayCounts::verified).toList());
        series.put(ACTIVITY.get(3), days.stream().map(DayCounts::rejected).toList());
        ObjectNode option = ChartOptions.lines(categories, series);
        boolean anything = days.stream().anyMatch(day -> day.created() + day.sent() + day.verified() + day.rejected() > 0);
        card.show(option, List.of("Day", "Created", "Sent to review", "Verified", "Rejected"), !anything ? List.of()
                : days.stream().map(day -> List.of(day.day().toString(), String.valueOf(day.created()),
                        String.valueOf(day.sent()), String.valueOf(day.verified()), String.valueOf(day.rejected())))
                        .toList());
    }
}
