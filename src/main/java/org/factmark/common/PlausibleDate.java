package org.factmark.common;

import java.time.LocalDate;

/** Dates that people mean: years 1000 to 9999 (PostgreSQL would refuse or bend the rest). */
public final class PlausibleDate {

    private PlausibleDate() {
    }

    public static LocalDate check(LocalDate date, String fieldName) {
        if (date != null && (date.getYear() < 1000 || date.getYear() > 9999)) {
            throw new InvalidInputException(fieldName + " must lie between the years 1000 and 9999.").at(fieldName);
        }
        return date;
    }
}
