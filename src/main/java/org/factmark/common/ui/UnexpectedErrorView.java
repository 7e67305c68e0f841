package org.factmark.common.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.factmark.common.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown when opening a page fails unexpectedly. Vaadin's own error page would print the
 * exception's message, which can hold SQL or internals; this one logs it and says what to do.
 */
@AnonymousAllowed
class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    /** The heading, also the tab's title: what a screen reader announces first and a tab list shows. */
    private String title = "";

    @Override
    public String getPageTitle() {
        return title + " · Factmark";
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        if (DatabaseUnavailable.isCause(parameter.getCaughtException())) {
            log.warn("Could not open {}: the database is unavailable", event.getLocation().getPath());
            title = "The database is not reachable right now";
            add(new H2(title),
                    new Paragraph("Nothing that was saved is lost. Reload this page in a moment."));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        log.error("Could not open {}", event.getLocation().getPath(), parameter.getCaughtException());
        title = "This page could not be opened";
        add(new H2(title),
                new Paragraph("Something went wrong on our side. Try again in a moment; if it keeps happening, "
                        + "tell your administrator."),
                new Anchor("", "Back to the documents"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
