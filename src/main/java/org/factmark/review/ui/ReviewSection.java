package org.factmark.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.Rating;
import org.factmark.claim.ui.ClaimPanelSection;
import org.factmark.common.ui.Actions;
import org.factmark.common.ui.FieldErrors;
import org.factmark.common.ui.Formats;
import org.factmark.common.ui.Notifications;
import org.factmark.common.ui.TextLimits;
import org.factmark.review.ReviewService;
import org.factmark.security.PersonNames;
import org.factmark.security.UserService;
import org.factmark.source.NewSource;
import org.factmark.source.Source;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceLink;
import org.factmark.source.SourceService;
import org.factmark.source.Stance;

/**
 * The review part of the claim panel: the claim's sources, its place in the workflow and its
 * verdict, the discussion, and the history. Every action goes through the services, which apply
 * the same rules as the API.
 */
@org.springframework.stereotype.Component
class ReviewSection implements ClaimPanelSection {

    private final ReviewService reviews;
    private final SourceService sources;
    private final ClaimService claims;
    private final ClaimTypeService types;
    private final UserService users;

    ReviewSection(ReviewService reviews, SourceService sources, ClaimService claims, ClaimTypeService types,
            UserService users) {
        this.reviews = reviews;
        this.sources = sources;
        this.claims = claims;
        this.types = types;
        this.users = users;
    }

    @Override
    public Component render(Claim claim, Consumer<Claim> changed) {
        var section = new VerticalLayout(workflow(claim, changed), sourcesOf(claim, changed), discussion(claim),
                history(claim));
        section.setPadding(false);
        section.addClassName("review-section");
        return section;
    }

    private Component workflow(Claim claim, Consumer<Claim> changed) {
        var box = new VerticalLayout(new H4("Verdict"));
        box.setPadding(false);
        box.setSpacing(false);
        if (claim.rating() != null || claim.rationale() != null) {
            var verdict = new Div(new Span((claim.rating() == null ? "" : claim.rating().words() + " · ")
                    + (claim.rationale() == null ? "" : claim.rationale())));
            verdict.addClassName("claim-verdict");
            box.add(verdict);
        }
        if (claim.verifiedBy() != null) {
            box.add(meta((claim.status() == ClaimStatus.VERIFIED ? "Verified" : "Rejected") + " by "
                    + users.names().of(claim.verifiedBy()) + " on " + Formats.dateTime(claim.verifiedAt())));
        }
        var actions = new HorizontalLayout();
        switch (claim.status()) {
            case OPEN -> actions.add(button("Send to review", true, () -> {
                Claim sent = reviews.sendToReview(claim.id(), claim.version());
                Notifications.saved("Sent the claim to review: an editor will verify or reject it.",
                        () -> changed.accept(sent));
            }));
            case IN_REVIEW -> {
                box.add(meta("In review: waiting for an editor."));
                if (reviews.mayDecide()) {
                    var verify = button("Verify…", true, () -> decide(claim, ClaimStatus.VERIFIED, changed));
                    var reject = button("Reject…", false, () -> decide(claim, ClaimStatus.REJECTED, changed));
                    actions.add(verify, reject);
                    // Told before the editor writes a verdict, not refused after it.
                    reviews.whyNotDecide(claim.id()).ifPresent(reason -> {
                        for (Button decision : new Button[] {verify, reject}) {
                            decision.setEnabled(false);
                            decision.setTooltipText(reason);
                        }
                        var why = meta(reason);
                        why.addClassName("review-refusal");
                        box.add(why);
                    });
                }
            }
            case VERIFIED, REJECTED -> {
                if (reviews.mayDecide()) {
                    actions.add(button("Reopen", false, () -> {
                        Claim reopened = reviews.reopen(claim.id(), claim.version());
                        Notifications.saved("Reopened the claim: it can be changed again.",
                                () -> changed.accept(reopened));
                    }));
                }
            }
        }
        box.add(actions);
        return box;
    }

    /** The verdict dialog shows what is being rated: the claim as marked and every source it cites. */
    private void decide(Claim claim, ClaimStatus decision, Consumer<Claim> changed) {
        boolean verifying = decision == ClaimStatus.VERIFIED;
        var links = sources.linksOf(claim.id());
        var rating = new Select<Rating>();
        rating.setLabel("Rating");
        rating.setItems(Rating.values());
        rating.setItemLabelGenerator(Rating::words);
        // Not setRequiredIndicatorVisible: Vaadin's select then puts aria-required on its value button,
        // a role that may not carry it (axe: aria-allowed-attr). Its helper text says so instead.
        rating.setHelperText("Required");
        var rationale = new TextArea(verifying ? "Rationale" : "Reason for rejecting");
        rationale.setHelperText(verifying ? "What a reader of the published fact-check will see"
                : "The claim's author reads this on the claim and in their inbox");
        rationale.setRequiredIndicatorVisible(true);
        TextLimits.apply(rationale, ReviewService.RATIONALE.maxLength());
        rationale.setWidthFull();
        var form = verifying ? new FormLayout(rating, rationale) : new FormLayout(rationale);
        var dialog = new Dialog((verifying ? "Verify" : "Reject") + " this claim", beingRated(claim, links), form);
        dialog.setWidth("36rem");
        dialog.setMaxWidth("100%");
        var confirm = Actions.once(new Button(verifying ? "Verify" : "Reject"), () -> {
            // Each missing part is told at its field, before anything is sent.
            boolean complete = required(rationale, verifying ? "Give a rationale for the verdict."
                    : "Say why, so that the author knows what to change.");
            if (verifying && rating.isEmpty()) {
                rating.setErrorMessage("Choose a rating.");
                rating.setInvalid(true);
                complete = false;
            }
            if (!complete) {
                return;
            }
            Claim decided = reviews.decide(claim.id(), claim.version(), decision, rating.getValue(),
                    rationale.getValue());
            dialog.close();
            Notifications.saved(verifying ? "Verified the claim." : "Rejected the claim.",
                    () -> changed.accept(decided));
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        if (verifying && links.isEmpty()) {
            confirm.setEnabled(false);
            confirm.setTooltipText("Cite at least one source before verifying.");
        }
        rating.addValueChangeListener(change -> rating.setInvalid(false));
        rationale.addValueChangeListener(change -> rationale.setInvalid(false));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    private static boolean required(TextArea field, String message) {
        if (!field.getValue().isBlank()) {
            return true;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
        return false;
    }

    private Component beingRated(Claim claim, List<SourceLink> links) {
        var quote = new Div("“" + claim.quote() + "”");
        quote.addClassName("claim-editor-quote-rated");
        var rated = new VerticalLayout(quote, meta(typeName(claim) + " · restated: " + claim.restatement()));
        rated.setPadding(false);
        rated.setSpacing(false);
        rated.addClassName("verdict-claim");
        if (links.isEmpty()) {
            rated.add(meta("No sources cited: cite at least one before verifying."));
        } else {
            var cited = new UnorderedList();
            cited.addClassName("verdict-sources");
            for (SourceLink link : links) {
                cited.add(new ListItem(Formats.words(link.stance()) + ": " + link.source().title()
                        + (link.excerpt() == null ? "" : " · “" + link.excerpt() + "”")));
            }
            rated.add(new Span("Sources (" + links.size() + ")"), cited);
        }
        return rated;
    }

    private String typeName(Claim claim) {
        return types.all().stream().filter(type -> type.code().equals(claim.type())).map(ClaimType::name)
                .findFirst().orElse(claim.type());
    }

    private Component sourcesOf(Claim claim, Consumer<Claim> changed) {
        var box = new VerticalLayout(new H4("Sources"));
        box.setPadding(false);
        box.setSpacing(false);
        boolean editable = !claim.status().isDecided();
        var links = sources.linksOf(claim.id());
        if (links.isEmpty()) {
            box.add(meta("No sources yet."));
        }
        for (SourceLink link : links) {
            var row = new Div(sourceLabel(link.source()));
            row.addClassName("source-link");
            String stanceAndExcerpt = Formats.words(link.stance()) + (link.excerpt() == null ? "" : " · “" + link.excerpt() + "”");
            row.add(new Div(meta(stanceAndExcerpt)));
            if (editable) {
                var remove = Actions.once(new Button("Remove"), () -> {
                    sources.unlink(claim.id(), link.source().id());
                    Notifications.saved("Removed the source “" + link.source().title() + "” from this claim.",
                            () -> changed.accept(claims.get(claim.id())));
                });
                remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                row.add(remove);
            }
            box.add(row);
        }
        if (editable) {
            box.add(addSource(claim, changed));
        }
        return box;
    }

    /** Search existing sources as you type, or give a new URL with a title. */
    private Component addSource(Claim claim, Consumer<Claim> changed) {
        var existing = new ComboBox<Source>("Cite a source");
        existing.setPlaceholder("Search by title, publisher or URL");
        existing.setItems(query -> sources.search(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        existing.setItemLabelGenerator(source -> source.title() + (source.url() == null ? "" : " · " + source.url()));
        existing.setWidthFull();
        TextLimits.apply(existing, SourceService.SEARCH.maxLength());
        var passage = new ComboBox<Claim>("…or a claim in another article");
        passage.setPlaceholder("Search the quotes of other articles' claims");
        passage.setItems(query -> claims.search(ClaimFilter.quoting(query.getFilter().orElse("")), query.getOffset(),
                query.getLimit()).stream().filter(other -> other.documentId() != claim.documentId()));
        passage.setItemLabelGenerator(Claim::quote);
        passage.setWidthFull();
        TextLimits.apply(passage, ClaimService.TEXT_FILTER.maxLength());
        var errors = new FieldErrors();
        var url = errors.limited(SourceService.URL, new TextField("…or a new URL"));
        url.setPlaceholder("https://");
        var title = errors.limited(SourceService.TITLE, new TextField("Title of the new source"));
        var kind = new Select<SourceKind>();
        kind.setLabel("Kind");
        kind.setItems(SourceKind.PRIMARY_DOCUMENT, SourceKind.OFFICIAL_STATEMENT, SourceKind.NEWS_REPORT,
                SourceKind.EXPERT, SourceKind.DATASET, SourceKind.OTHER);
        kind.setItemLabelGenerator(Formats::words);
        kind.setValue(SourceKind.NEWS_REPORT);
        var accessed = new DatePicker("Accessed on");
        accessed.setValue(LocalDate.now());
        var stance = new RadioButtonGroup<Stance>("Stance");
        stance.setItems(Stance.values());
        stance.setItemLabelGenerator(Formats::words);
        stance.setValue(Stance.SUPPORTS);
        var excerpt = errors.limited(SourceService.EXCERPT, new TextField("Excerpt (optional)"));
        var link = Actions.once(new Button("Cite"), () -> errors.run(() -> {
            NewSource source = passage.getValue() != null
                    ? new NewSource(null, passage.getValue().documentId(), passage.getValue().id(), null, null, null,
                            null, null, null)
                    : new NewSource(url.getValue(), null, null, title.getValue(), null, kind.getValue(),
                            accessed.getValue(), null, null);
            long sourceId = existing.getValue() != null ? existing.getValue().id()
                    : sources.findOrCreate(source).source().id();
            sources.link(claim.id(), sourceId, stance.getValue(), excerpt.getValue());
            Notifications.saved("Linked the source.", () -> changed.accept(claims.get(claim.id())));
        }));
        link.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        var form = new FormLayout(existing, passage, url, title, kind, accessed, stance, excerpt);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        form.setColspan(existing, 2);
        form.setColspan(passage, 2);
        return new VerticalLayout(form, link);
    }

    private Component discussion(Claim claim) {
        var thread = new VerticalLayout();
        thread.setPadding(false);
        thread.setSpacing(false);
        PersonNames names = users.names();
        Runnable show = () -> {
            thread.removeAll();
            reviews.comments(claim.id()).forEach(comment -> {
                var entry = new Div(new Paragraph(comment.text()));
                entry.add(meta(names.of(comment.author()) + " · " + Formats.dateTime(comment.createdAt())));
                entry.addClassName("claim-comment");
                thread.add(entry);
            });
        };
        show.run();
        var errors = new FieldErrors();
        var text = errors.limited(ReviewService.COMMENT, new TextField());
        text.setPlaceholder("Add to the discussion");
        text.setWidthFull();
        var send = Actions.once(new Button("Comment"), () -> errors.run(() -> {
            reviews.comment(claim.id(), text.getValue());
            text.clear();
            Notifications.saved("Posted the comment.", show);
        }));
        send.addThemeVariants(ButtonVariant.SMALL);
        Actions.enterClicks(send, text);
        var box = new VerticalLayout(new H4("Discussion"), thread, new HorizontalLayout(text, send));
        box.setPadding(false);
        return box;
    }

    private Component history(Claim claim) {
        var timeline = new VerticalLayout();
        timeline.setPadding(false);
        timeline.setSpacing(false);
        var entries = reviews.history(claim.id());
        PersonNames names = users.names();
        entries.forEach(entry -> timeline.add(meta(Formats.dateTime(entry.at()) + " · " + names.of(entry.actor())
                + " · " + ReviewLabels.historyEvent(entry.action()))));
        return new Details("History (" + entries.size() + ")", timeline);
    }

    private static Component sourceLabel(Source source) {
        if (source.url() != null) {
            // Only http(s) URLs are stored, so the link cannot run script.
            var link = new Anchor(source.url(), source.title(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            return link;
        }
        // A passage of another document: open it there.
        String passage = "documents/" + source.documentId()
                + (source.claimId() == null ? "" : "?claim=" + source.claimId());
        return new Anchor(passage, source.title() + " (in Factmark)");
    }

    private static Button button(String text, boolean primary, Runnable action) {
        var button = Actions.once(new Button(text), action);
        button.addThemeVariants(ButtonVariant.SMALL);
        if (primary) {
            button.addThemeVariants(ButtonVariant.PRIMARY);
        }
        return button;
    }

    private static Span meta(String text) {
        var span = new Span(text);
        span.addClassName("claim-card-meta");
        return span;
    }
}
