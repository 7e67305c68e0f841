package org.factmark.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.factmark.common.ui.Formats;
import org.factmark.common.ui.Grids;
import org.factmark.document.ui.DocumentMeta;
import org.factmark.live.Change;
import org.factmark.live.ChangeFeed;
import org.factmark.live.ui.LiveUpdates;
import org.factmark.review.InboxMessage;
import org.factmark.review.InboxService;
import org.factmark.security.CurrentUser;

/** What others did to my claims: comments and verdicts, newest first; opening the inbox reads them. */
@Route("inbox")
@PageTitle("Inbox · Factmark")
@Menu(title = "Inbox", order = 4)
@PermitAll
class InboxView extends VerticalLayout {

    final Grid<InboxMessage> grid = new Grid<>();
    private final InboxService inbox;

    InboxView(InboxService inbox, ChangeFeed changes) {
        this.inbox = inbox;
        setSizeFull();
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.addComponentColumn(InboxView::describe).setHeader("What happened").setFlexGrow(1);
        grid.addColumn(message -> Formats.dateTime(message.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(message -> message.read() ? null : "unread");
        grid.setEmptyStateText("Nothing yet. You hear here when someone comments on, verifies or rejects a claim you created.");
        Grids.enterOpensRows(grid);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                DocumentMeta.location(click.getItem().documentId()),
                QueryParameters.of("claim", String.valueOf(click.getItem().claimId())))));
        add(new H2("Inbox"), grid);
        show();
        long me = CurrentUser.require().id();
        LiveUpdates.follow(this, changes, change -> change.kind() == Change.Kind.INBOX && change.subjectId() == me,
                batch -> show());
    }

    /** Shows the messages and marks them read: they are on screen now. */
    private void show() {
        List<InboxMessage> messages = inbox.mine();
        grid.setItems(messages);
        if (messages.stream().anyMatch(message -> !message.read())) {
            inbox.markRead(messages.getFirst().id());
        }
    }

    static Div describe(InboxMessage message) {
        String what = switch (message.event()) {
            case "COMMENTED" -> " commented on your claim ";
            case "VERIFIED" -> " verified your claim ";
            case "REJECTED" -> " rejected your claim ";
            default -> " changed your claim ";
        };
        var text = new Div(message.actor() + what + "“" + Formats.abbreviate(message.claimQuote(), 120) + "” in "
                + message.documentTitle());
        if (message.reason() != null) {
            // What the editor wrote with the verdict: for a rejection, what the author is to change.
            var reason = new Div((message.event().equals("REJECTED") ? "Reason: " : "Rationale: ") + message.reason());
            reason.addClassName("inbox-reason");
            text.add(reason);
        }
        text.addClassName(message.read() ? "inbox-read" : "inbox-unread");
        return text;
    }
}
