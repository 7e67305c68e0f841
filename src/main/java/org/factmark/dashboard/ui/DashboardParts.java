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
import java.util.stream.Stream;
import org.factmark.dashboard.StatsFilter;
import org.factmark.dashboard.TeamFigures.DayCounts;
import tools.jackson.databind.node.ObjectNode;

/** What both dashboards show alike: the period pickers, headline figures, the activity chart. */
final class DashboardParts {

    static final List<String> ACTIVITY = List.of("Created", "Sent to review", "Verified", "Rejected");

    private DashboardParts() {
    }

    /**
     * From and To pickers, preset to {@code initial} (the dashboard's default period); clearing one
     * opens the period on that side. Each says at its field, in words, when it holds no day or a day
     * on the wrong side of the other; {@link #invalid} then keeps the figures as they were.
     */
    static DatePicker[] period(StatsFilter initial) {
        var from = new PeriodDay("From", "empty: from the start");
        var to = new PeriodDay("To", "empty: until today");
        from.setValue(initial.from());
        to.setValue(initial.to());
        from.bound(StatsFilter.EARLIEST, to.getValue(), "The period ends on %s; start it on that day or before.");
        to.bound(from.getValue(), StatsFilter.LATEST, "The period starts on %s; end it on that day or later.");
        from.addValueChangeListener(change -> to.bound(change.getValue(), StatsFilter.LATEST,
                "The period starts on %s; end it on that day or later."));
        to.addValueChangeListener(change -> from.bound(StatsFilter.EARLIEST, change.getValue(),
                "The period ends on %s; start it on that day or before."));
        return new DatePicker[] {from, to};
    }

    /** True while a period field holds something that is not a day, or a day outside its bounds. */
    static boolean invalid(DatePicker... fields) {
        return Stream.of(fields).anyMatch(DatePicker::isInvalid);
    }

    /** One end of a period, whose bounds move with the other end (and whose validity is then checked again). */
    private static final class PeriodDay extends DatePicker {

        PeriodDay(String label, String helper) {
            super(label);
            setClearButtonVisible(true);
            setHelperText(helper);
        }

        /**
         * Between {@code min} and {@code max}, where {@code otherEnd} words the bound that the other
         * end of the period sets (a null end is open: then only the years we keep apply).
         */
        void bound(LocalDate min, LocalDate max, String otherEnd) {
            LocalDate lowest = min == null ? StatsFilter.EARLIEST : min;
            LocalDate highest = max == null ? StatsFilter.LATEST : max;
            setMin(lowest);
            setMax(highest);
            setI18n(new DatePickerI18n().setDateFormat("yyyy-MM-dd")
                    .setBadInputErrorMessage("Enter a day as year-month-day, e.g. " + LocalDate.now(ZoneOffset.UTC)
                            + ", or leave the field empty.")
                    .setMinErrorMessage(lowest.equals(StatsFilter.EARLIEST)
                            ? "Enter a day in " + StatsFilter.EARLIEST.getYear() + " or later."
                            : otherEnd.formatted(lowest))
                    .setMaxErrorMessage(highest.equals(StatsFilter.LATEST)
                            ? "Enter a day before the year " + (StatsFilter.LATEST.getYear() + 1) + "."
                            : otherEnd.formatted(highest)));
            // A field found wrong before may be right against the new bound; one that was fine stays
            // quiet, since the field just changed is the one the reader is told about.
            if (isInvalid()) {
                validate();
            }
        }
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
