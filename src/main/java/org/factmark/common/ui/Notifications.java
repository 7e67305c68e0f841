package org.factmark.common.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

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
}
