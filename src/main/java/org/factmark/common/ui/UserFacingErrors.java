package org.factmark.common.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotAllowedException;
import org.factmark.common.NotFoundException;
import org.factmark.common.StaleVersionException;
import org.factmark.common.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Turns an exception thrown by a view's event handler into a readable notification, so that views
 * need no try/catch around service calls and a user never sees a stack trace. What the user typed
 * stays in the form, because nothing is navigated away from.
 */
@Component
class UserFacingErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UserFacingErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::show));
    }

    private void show(ErrorEvent event) {
        String message = messageFor(event.getThrowable());
        if (UI.getCurrent() != null) {
            UI.getCurrent().access(() -> Notifications.error(message));
        }
    }

    static String messageFor(Throwable error) {
        if (DatabaseUnavailable.isCause(error)) {
            log.warn("The database is unavailable: {}", error.toString());
            return DatabaseUnavailable.MESSAGE;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException || cause instanceof StaleVersionException
                    || cause instanceof NotFoundException || cause instanceof ConflictException) {
                return cause.getMessage();
            }
            if (cause instanceof NotAllowedException) {
                return cause.getMessage();
            }
            if (cause instanceof AccessDeniedException) {
                return "Your account is not allowed to do this.";
            }
            if (cause instanceof AuthenticationException) {
                return "Your session has ended; sign in again. What you typed is still in the form.";
            }
        }
        log.error("Unexpected error in the UI", error);
        return "Something went wrong on our side. Reload the page to see what was saved before trying again; "
                + "if it happens again, tell your administrator.";
    }
}
