package org.factmark.common.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.factmark.common.db.DatabaseUnavailable;

/** The two kinds of message a view shows: a short confirmation, and an error that stays until read. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification notification = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String text) {
        Notification notification = new Notification(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.open();
    }

    /**
     * Confirms a change that is committed already, then runs {@code showIt}, which brings the page up
     * to date. If the database is lost in between, the reviewer is told that the change is saved, not
     * the usual "try again", which would have them save it a second time.
     */
    public static void saved(String text, Runnable showIt) {
        success(text);
        try {
            showIt.run();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            error(text + " The page could not be brought up to date, because the database is not reachable "
                    + "right now: reload it in a moment instead of saving again.");
        }
    }
}
