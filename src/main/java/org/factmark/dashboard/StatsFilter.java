package org.factmark.dashboard;

import java.time.LocalDate;
import org.factmark.common.InvalidInputException;

/**
 * What the dashboards look at: a period (both days included; open ends mean all time) and,
 * optionally, one outlet, one claim type and one reviewer (the claims' author).
 */
public record StatsFilter(LocalDate from, LocalDate to, String outlet, String type, String reviewer) {

    public StatsFilter {
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
