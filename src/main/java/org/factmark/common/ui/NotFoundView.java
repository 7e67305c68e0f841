package org.factmark.common.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for an unknown address, an unknown document, and a view the user may not open (Vaadin
 * reports those as "not found" so as not to reveal that they exist).
 */
@AnonymousAllowed
class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return "Not found · Factmark";
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        String detail = parameter.hasCustomMessage() ? parameter.getCustomMessage()
                : "There is nothing at this address, or your account may not open it.";
        add(new H2("Not found"), new Paragraph(detail), new Anchor("", "Back to the documents"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
