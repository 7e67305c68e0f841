package org.factmark.dashboard;

/**
 * Which figure a click asks about, and so which claims it stands for; the key names the bar or
 * point (a day as yyyy-mm-dd, a type code, a rating, an outlet, a status, a confidence).
 */
public enum Drill {
    /** Claims created on the day {@code key}. */
    CREATED_ON,
    /** Claims last sent to review on the day {@code key}. */
    SENT_ON,
    /** Claims verified on the day {@code key}. */
    VERIFIED_ON,
    /** Claims rejected on the day {@code key}. */
    REJECTED_ON,
    /** Claims of type {@code key} created in the period. */
    TYPE,
    /** Claims rated {@code key} created in the period. */
    RATING,
    /** Claims created in the period in documents of outlet {@code key}. */
    OUTLET,
    /** Claims created in the period that are now in status {@code key}. */
    STATUS,
    /** Claims decided in the period that had confidence {@code key}. */
    CONFIDENCE;

    /** Whether the key is a day (yyyy-mm-dd). */
    public boolean isDay() {
        return this == CREATED_ON || this == SENT_ON || this == VERIFIED_ON || this == REJECTED_ON;
    }
}
