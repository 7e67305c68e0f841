package org.factmark.review.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.factmark.common.ui.Notifications;
import org.factmark.review.ReviewService;

/** The admin's settings of the review workflow. */
@Route("admin/review")
@PageTitle("Review settings · Factmark")
@Menu(title = "Review settings", order = 92)
@RolesAllowed("ADMIN")
class ReviewSettingsView extends VerticalLayout {

    final Checkbox fourEyes = new Checkbox("Four eyes: nobody decides on a claim they created or changed");

    ReviewSettingsView(ReviewService reviews) {
        fourEyes.setValue(reviews.fourEyesRequired());
        fourEyes.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                reviews.requireFourEyes(change.getValue());
                Notifications.success(change.getValue() ? "The four-eyes rule is on." : "The four-eyes rule is off.");
            }
        });
        add(new H2("Review settings"), fourEyes, new Paragraph("Small desks where one editor also writes claims "
                + "can switch the rule off; every decision still records who made it."));
    }
}
