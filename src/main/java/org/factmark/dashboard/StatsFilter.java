package org.factmark.dashboard;

import java.time.LocalDate;
import org.factmark.common.InvalidInputException;
import org.factmark.common.StorableText;

/**
 * What the dashboards look at: a period (both days included; open ends mean all time) and,
 * optionally, one outlet, one claim type and one reviewer (the claims' author).
 */
public record StatsFilter(LocalDate from, LocalDate to, String outlet, String type, String reviewer) {

    /** Dates outside these years are typing mistakes, and would make every day of them a row. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    public StatsFilter {
        StorableText.check(outlet, "The outlet filter");
        StorableText.check(type, "The type filter");
        StorableText.check(reviewer, "The reviewer filter");
        for (LocalDate day : new LocalDate[] {from, to}) {
            if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
                throw new InvalidInputException("Periods lie between " + EARLIEST + " and " + LATEST + "; " + day
                        + " does not.");
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("The period starts after it ends (" + from + " is after " + to + ").");
        }
    }

    public static StatsFilter period(LocalDate from, LocalDate to) {
        return new StatsFilter(from, to, null, null, null);
    }

    public StatsFilter withReviewer(String username) {
        return new StatsFilter(from, to, outlet, type, username);
    }
}
