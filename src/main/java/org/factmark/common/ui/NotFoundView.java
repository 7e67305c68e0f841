package org.factmark.common.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for an unknown address, an unknown document, and a view the user may not open (Vaadin
 * reports those as "not found" so as not to reveal that they exist).
 */
@AnonymousAllowed
@PageTitle("Not found · Factmark")
class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        // Always the same plain words: the router's own message names routes, which mean nothing to a reader.
        add(new H2("Not found"), new Paragraph("There is nothing at this address, or your account may not open it."),
                new Anchor("", "Back to the documents"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
