package org.factmark.claim.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factmark.claim.Anchor;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.common.NotFoundException;
import org.factmark.common.ui.Grids;
import org.factmark.common.ui.Notifications;
import org.factmark.common.ui.Unsaved;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.document.ui.DocumentMeta;
import org.factmark.live.Change;
import org.factmark.live.ChangeFeed;
import org.factmark.live.PresenceService;
import org.factmark.live.ui.LiveUpdates;
import org.factmark.live.ui.PresenceBar;
import org.factmark.security.CurrentUser;
import org.factmark.common.ui.Formats;
import org.factmark.security.PersonNames;
import org.factmark.security.UserService;

/**
 * The annotation workspace: a document's text with its claims as highlights, and the claims in
 * document order beside it (on a phone below the text, in a drawer that "Claims" opens). Selecting
 * text opens the new-claim form; clicking a highlight selects its claim and clicking a claim scrolls
 * to its highlight.
 */
@Route("documents/:documentId([0-9]{1,18})")
@PermitAll
class AnnotationWorkspace extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final DocumentService documents;
    private final PresenceBar presenceBar;
    private final ClaimService claims;
    private final ClaimTypeService claimTypes;
    private final List<ClaimType> types;
    private final Map<String, ClaimType> typesByCode;
    private final PersonNames names;

    /** Says politely what the reviewer cannot see happen: collaborators' changes, the claim the caret reached. */
    final Span status = new Span();
    final Annotator annotator = new Annotator("workspace-status");
    final Grid<Claim> claimList = new Grid<>();
    final MultiSelectComboBox<ClaimType> typeFilter = new MultiSelectComboBox<>("Type");
    final MultiSelectComboBox<ClaimStatus> statusFilter = new MultiSelectComboBox<>("Status");
    final ComboBox<String> authorFilter = new ComboBox<>("Author");
    final NewClaimForm newClaimForm;
    final ClaimEditor editor;
    private final Span claimCount = new Span();
    /** On a narrow screen the claims are a drawer over the text: this opens it, and shows how many there are. */
    final Button showClaims = new Button("Claims", click -> showClaimsPane(true));
    private final VerticalLayout documentColumn = new VerticalLayout();
    private final VerticalLayout documentHeading = new VerticalLayout();

    private long documentId;
    private String text = "";
    private String title = "Document · Factmark";
    private List<Claim> allClaims = List.of();
    private Map<Long, List<String>> othersEditing = Map.of();
    private final List<Claim> listed = new ArrayList<>();

    AnnotationWorkspace(DocumentService documents, ClaimService claims, ClaimTypeService claimTypes,
            List<ClaimPanelSection> sections, ChangeFeed changes, PresenceService presence, UserService users) {
        this.documents = documents;
        this.names = users.names();
        this.claims = claims;
        this.claimTypes = claimTypes;
        this.types = claimTypes.all();
        this.typesByCode = types.stream().collect(Collectors.toMap(ClaimType::code, Function.identity(),
                (first, second) -> first, HashMap::new));
        addClassName("workspace");

        newClaimForm = new NewClaimForm(types.stream().filter(ClaimType::active).toList(), List.of(),
                this::create, this::cancelNewClaim);
        editor = new ClaimEditor(claims, types, names, sections, this::changed, this::deleted);
        presenceBar = new PresenceBar(presence, changes,
                claimId -> findClaim(claimId).map(claim -> "“" + Formats.abbreviate(claim.quote(), 60) + "”").orElse(null));
        presenceBar.onEditorsChanged(editors -> {
            othersEditing = editors;
            claimList.getDataProvider().refreshAll();
        });
        editor.onEditing(presenceBar::editing);
        LiveUpdates.follow(this, changes,
                change -> change.kind() == Change.Kind.CLAIM && change.concernsDocument(documentId),
                this::changedElsewhere);

        annotator.addSelectListener(selection -> selected(selection.start, selection.end));
        annotator.addSelectionChangeListener(change -> adjusted(change.start, change.end));
        annotator.addHighlightClickListener(click -> findClaim(click.claimId).ifPresent(this::focus));
        documentColumn.addClassName("document-column");
        documentHeading.setPadding(false);
        status.setId("workspace-status");
        status.addClassName("visually-hidden");
        status.getElement().setAttribute("role", "status");
        documentColumn.add(documentHeading, presenceBar, status, annotator, newClaimForm);
        showClaims.addClassName("claims-toggle");
        showClaims.addThemeVariants(ButtonVariant.PRIMARY);
        add(documentColumn, showClaims, claimsColumn());
        bindKeyboard();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        documentId = Long.parseLong(event.getRouteParameters().get("documentId").orElseThrow());
        // Vaadin reuses this view when going from one document straight to another: start afresh.
        newClaimForm.close();
        editor.close();
        claimList.deselectAll();
        showClaimsPane(false);
        try {
            Document document = documents.get(documentId);
            presenceBar.enter(documentId);
            text = documents.text(documentId);
            showDocument(document);
            reloadClaims();
            event.getLocation().getQueryParameters().getSingleParameter("claim").ifPresent(this::openLinked);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    /** Leaving with a claim half-typed or changed and not saved asks first. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (editor.hasUnsavedChanges() || newClaimForm.hasTypedText()) {
            var leaving = event.postpone();
            Unsaved.ask(leaving::proceed);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void showDocument(Document document) {
        title = document.title() + " · Factmark";
        annotator.setText(text);
        annotator.setTitleForAssistiveTechnology("Text of “" + document.title() + "”");
        // Only the heading changes from one document to the next: the presence bar stays attached,
        // so that moving on is one leave and one join for the others.
        documentHeading.removeAll();
        documentHeading.add(new H2(document.title()), DocumentMeta.of(document, names));
    }

    private VerticalLayout claimsColumn() {
        typeFilter.setItems(types);
        typeFilter.setItemLabelGenerator(ClaimType::name);
        statusFilter.setItems(ClaimStatus.values());
        statusFilter.setItemLabelGenerator(ClaimsPresentation::statusLabel);
        authorFilter.setClearButtonVisible(true);
        typeFilter.addValueChangeListener(change -> showClaims());
        statusFilter.addValueChangeListener(change -> showClaims());
        authorFilter.addValueChangeListener(change -> showClaims());
        authorFilter.setItemLabelGenerator(names::of);

        claimList.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        claimList.addColumn(new ComponentRenderer<>(claim -> ClaimsPresentation.card(claim, typeOf(claim),
                othersEditing.getOrDefault(claim.id(), List.of()), names)));
        claimList.setItems(listed).setIdentifierProvider(Claim::id);
        claimList.setEmptyStateText("No claims yet: select a passage in the text to mark one.");
        Grids.enterOpensRows(claimList);
        claimList.addSelectionListener(selection -> {
            // Only the reviewer's own clicks open or close a claim; refreshing the list must not
            // close the editor and lose what was typed in it.
            if (selection.isFromClient()) {
                selection.getFirstSelectedItem().ifPresentOrElse(this::focus, () -> leaveEditor(null, () -> {
                    annotator.select(null);
                    editor.close();
                }));
            }
        });

        var help = new Button("Keyboard shortcuts (?)", click -> ShortcutHelp.open());
        help.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        var backToText = new Button("Back to the text", click -> showClaimsPane(false));
        backToText.addClassName("claims-close");
        backToText.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        var header = new HorizontalLayout(new H2("Claims"), claimCount, help, backToText);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        var filters = new HorizontalLayout(typeFilter, statusFilter, authorFilter);
        filters.addClassName("claims-filters");
        claimList.addClassName("claims-list");
        var column = new VerticalLayout(header, filters, claimList, editor);
        column.addClassName("claims-column");
        return column;
    }

    /**
     * {@code ?}, {@code j} and {@code k} work wherever the focus is on the page, except while typing in
     * a field, where they are letters. Vaadin's shortcuts cannot tell a field from the rest of the page,
     * so the browser filters the keys and sends the ones meant for the workspace; an open modal dialog
     * makes the workspace inert, and the server then ignores them.
     */
    private void bindKeyboard() {
        getElement().addEventListener("fm-page-key", key -> {
            switch (key.getEventData().get("event.detail").asString()) {
                case "j" -> step(1);
                case "k" -> step(-1);
                case "?" -> ShortcutHelp.open();
                default -> { }
            }
        }).addEventData("event.detail");
        addAttachListener(attach -> getElement().executeJs("""
                if (this.__pageKeys) return;
                const host = this;
                const typing = (el) => el instanceof HTMLElement && (el.isContentEditable
                    || el.matches('textarea, select, input:not([type=radio], [type=checkbox], [type=button], [type=submit], [type=range], [type=color])'));
                host.__pageKeys = (e) => {
                  if (!host.isConnected) {
                    document.removeEventListener('keydown', host.__pageKeys);
                    host.__pageKeys = undefined;
                    return;
                  }
                  if (!['?', 'j', 'k'].includes(e.key) || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey
                      || e.isComposing || typing(e.composedPath()[0])) return;
                  e.preventDefault();
                  host.dispatchEvent(new CustomEvent('fm-page-key', { detail: e.key }));
                };
                document.addEventListener('keydown', host.__pageKeys);"""));
    }

    /** A keyboard selection was adjusted while the new-claim form is open: the form claims the new span. */
    private void adjusted(int start, int end) {
        if (!newClaimForm.isVisible()) {
            return;
        }
        Anchor.nearestValid(text, start, end).ifPresent(span -> {
            editor.selectionMade(span.start(), span.end());
            newClaimForm.follow(span.start(), span.end(), text.substring(span.start(), span.end()));
            annotator.placeBeside(newClaimForm, span.start(), span.end());
        });
    }

    /** The browser has snapped the selection already; the server's rule decides all the same. */
    private void selected(int start, int end) {
        Anchor.nearestValid(text, start, end).ifPresent(span -> {
            editor.selectionMade(span.start(), span.end());
            newClaimForm.open(span.start(), span.end(), text.substring(span.start(), span.end()));
            annotator.placeBeside(newClaimForm, span.start(), span.end());
        });
    }

    /** A second claim of the same type on exactly the same span is most often a slip: it is saved once confirmed. */
    private void create(ClaimDraft draft) {
        allClaims.stream().filter(claim -> claim.start() == draft.start() && claim.end() == draft.end()
                && claim.type().equals(draft.type())).findFirst().ifPresentOrElse(same -> {
                    var dialog = new ConfirmDialog("This passage already has this claim",
                            same.createdBy() + " marked exactly this passage as " + typeOf(same).name()
                                    + " already. Save a second claim on it all the same?",
                            "Save a second claim", confirm -> newClaimForm.fields.errors.run(() -> store(draft)));
                    dialog.setCancelable(true);
                    dialog.open();
                }, () -> store(draft));
    }

    private void store(ClaimDraft draft) {
        Claim created = claims.create(documentId, draft);
        newClaimForm.close();
        annotator.clearSelection();
        // Back to the text where the claim was made, not to the top of the page: the next claim starts there.
        annotator.focus();
        Notifications.saved("Saved the claim (" + typeOf(created).name() + ").", () -> {
            reloadClaims();
            if (editor.isVisible()) {
                // Another claim is open in the editor, perhaps with unsaved changes: leave it be.
                claimList.select(created);
                annotator.select(created.id());
            } else {
                focus(created);
            }
        });
    }

    private void cancelNewClaim() {
        newClaimForm.close();
        annotator.clearSelection();
        annotator.focus();
    }

    private void changed(Claim claim) {
        reloadClaims();
        claimList.select(claim);
        editor.edit(claim);
    }

    private void deleted() {
        editor.close();
        reloadClaims();
    }

    /** Opens {@code claim}, after asking when the claim open in the editor has unsaved changes. */
    private void focus(Claim claim) {
        leaveEditor(claim.id(), () -> show(claim));
    }

    /** Runs {@code then}, which closes the editor or opens another claim ({@code next}) in it, asking first when needed. */
    private void leaveEditor(Long next, Runnable then) {
        if (!editor.hasUnsavedChanges() || (next != null && editor.isEditing(next))) {
            then.run();
            return;
        }
        // The list shows the claim just clicked as selected: the open one is, until the reviewer decides.
        editor.claimId().flatMap(this::findClaim).ifPresent(claimList::select);
        Unsaved.ask(then);
    }

    /** Opens the claim a link names; a link that leads to no claim of this document says so. */
    private void openLinked(String id) {
        Optional<Claim> linked = id.matches("\\d{1,18}") ? findClaim(Long.parseLong(id)) : Optional.empty();
        if (linked.isPresent()) {
            focus(linked.get());
            return;
        }
        var notice = new Div();
        notice.addClassName("stale-link");
        notice.getElement().setAttribute("role", "status");
        try {
            Claim elsewhere = claims.get(Long.parseLong(id));
            notice.add(new Span("The claim this link names is in another document, “"
                    + documents.get(elsewhere.documentId()).title() + "”. "),
                    new com.vaadin.flow.component.html.Anchor(DocumentMeta.location(elsewhere.documentId()) + "?claim=" + elsewhere.id(),
                            "Open it there"));
        } catch (NotFoundException | NumberFormatException e) {
            notice.add(new Span("The claim this link names (" + Formats.abbreviate(id, 20) + ") does not exist: "
                    + "it was deleted, or the link is wrong. Here is the document it pointed to."));
        }
        documentHeading.add(notice);
    }

    private void show(Claim claim) {
        if (!claimList.asSingleSelect().isEmpty() && claimList.asSingleSelect().getValue().id() == claim.id()
                && editor.isEditing(claim.id())) {
            annotator.scrollTo(claim.id());
            showClaimsPane(true);
            return;
        }
        claimList.select(claim);
        int index = shownClaims().stream().map(Claim::id).toList().indexOf(claim.id());
        if (index >= 0) {
            claimList.scrollToIndex(index);
        }
        annotator.select(claim.id());
        annotator.scrollTo(claim.id());
        editor.edit(claim);
        showClaimsPane(true);
    }

    /** Where the text and the claims cannot sit side by side, the claims drawer opens or closes over the text. */
    private void showClaimsPane(boolean claimsShown) {
        getElement().setAttribute("data-pane", claimsShown ? "claims" : "text");
    }

    /** Moves to the next (+1) or previous (-1) claim in document order among those listed. */
    private void step(int direction) {
        List<Claim> shown = shownClaims();
        if (shown.isEmpty()) {
            return;
        }
        List<Long> ids = shown.stream().map(Claim::id).toList();
        int current = claimList.asSingleSelect().isEmpty() ? -1 : ids.indexOf(claimList.asSingleSelect().getValue().id());
        int next = current < 0 ? (direction > 0 ? 0 : shown.size() - 1)
                : Math.floorMod(current + direction, shown.size());
        focus(shown.get(next));
    }

    /**
     * Someone (perhaps on another instance) changed claims of this document: show the current
     * state, but leave the reviewer's own work alone. Their selection, scroll position and the
     * new-claim form are not touched; a claim open in the editor keeps what was typed into it.
     */
    private void changedElsewhere(List<Change> changes) {
        List<Claim> before = allClaims;
        reloadClaims();
        long me = CurrentUser.require().id();
        if (changes.stream().anyMatch(change -> change.actorId() != me)) {
            announceChanges(before, allClaims);
        }
        editor.claimId().ifPresent(open -> {
            if (changes.stream().anyMatch(change -> change.kind() == Change.Kind.RESYNC
                    || (change.claimId() == open && change.actorId() != me))) {
                editor.changedElsewhere(findClaim(open));
            }
        });
        presenceBar.refresh();
    }

    /** Tells a screen reader, politely, which claims someone else added, changed or removed. */
    private void announceChanges(List<Claim> before, List<Claim> after) {
        Map<Long, Claim> old = before.stream().collect(Collectors.toMap(Claim::id, Function.identity()));
        Map<Long, Claim> now = after.stream().collect(Collectors.toMap(Claim::id, Function.identity()));
        List<String> news = new ArrayList<>();
        for (Claim claim : after) {
            Claim was = old.get(claim.id());
            if (was == null) {
                news.add(claim.createdBy() + " added a claim: “" + Formats.abbreviate(claim.quote(), 60) + "”.");
            } else if (was.version() != claim.version()) {
                news.add(claim.updatedBy() + " changed the claim “" + Formats.abbreviate(claim.quote(), 60) + "” ("
                        + ClaimsPresentation.statusLabel(claim.status()) + ").");
            }
        }
        before.stream().filter(claim -> !now.containsKey(claim.id())).forEach(claim ->
                news.add("The claim “" + Formats.abbreviate(claim.quote(), 60) + "” was removed."));
        if (!news.isEmpty()) {
            status.setText(news.size() <= 3 ? String.join(" ", news)
                    : String.join(" ", news.subList(0, 3)) + " And " + (news.size() - 3) + " more changes.");
        }
    }

    private void reloadClaims() {
        allClaims = claims.forDocument(documentId);
        annotator.setHighlights(allClaims.stream()
                .map(claim -> new Annotator.Highlight(claim.id(), claim.start(), claim.end(), typeOf(claim).colour(),
                        ClaimsPresentation.tooltip(claim, typeOf(claim))))
                .toList());
        List<String> authors = allClaims.stream().map(Claim::createdBy).distinct().sorted().toList();
        if (!authors.equals(authorFilter.getListDataView().getItems().toList())) {
            String author = authorFilter.getValue();
            authorFilter.setItems(authors);
            authorFilter.setValue(author);
        }
        newClaimForm.suggestClaimants(claims.claimantsIn(documentId));
        showClaims();
    }

    private void showClaims() {
        List<Claim> shown = shownClaims();
        Claim selected = claimList.asSingleSelect().getValue();
        // The same list behind the grid all along, so that a refresh keeps the reviewer's scroll position.
        listed.clear();
        listed.addAll(shown);
        claimList.getDataProvider().refreshAll();
        claimCount.setText(shown.size() == allClaims.size() ? String.valueOf(allClaims.size())
                : shown.size() + " of " + allClaims.size());
        showClaims.setText("Claims (" + claimCount.getText() + ")");
        if (selected != null) {
            shown.stream().filter(claim -> claim.id() == selected.id()).findFirst().ifPresent(claimList::select);
        }
    }

    private List<Claim> shownClaims() {
        return allClaims.stream()
                .filter(claim -> typeFilter.isEmpty() || typeFilter.getValue().contains(typeOf(claim)))
                .filter(claim -> statusFilter.isEmpty() || statusFilter.getValue().contains(claim.status()))
                .filter(claim -> authorFilter.isEmpty() || Objects.equals(authorFilter.getValue(), claim.createdBy()))
                .sorted(Comparator.comparingInt(Claim::start).thenComparing(Claim::end, Comparator.reverseOrder()))
                .toList();
    }

    private Optional<Claim> findClaim(long id) {
        return allClaims.stream().filter(claim -> claim.id() == id).findFirst();
    }

    /** The claim's type; one added by an admin since this view opened is looked up then. */
    private ClaimType typeOf(Claim claim) {
        return typesByCode.computeIfAbsent(claim.type(), code -> claimTypes.all().stream()
                .filter(type -> type.code().equals(code)).findFirst().orElseThrow());
    }
}
