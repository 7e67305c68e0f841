package org.factmark.claim.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
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
import org.factmark.common.ui.Notifications;
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
 * document order beside it. Selecting text opens the new-claim form; clicking a highlight selects
 * its claim and clicking a claim scrolls to its highlight.
 */
@Route("documents/:documentId([0-9]{1,18})")
@PermitAll
class AnnotationWorkspace extends SplitLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DocumentService documents;
    private final PresenceBar presenceBar;
    private final ClaimService claims;
    private final ClaimTypeService claimTypes;
    private final List<ClaimType> types;
    private final Map<String, ClaimType> typesByCode;
    private final PersonNames names;

    final Annotator annotator = new Annotator();
    final Grid<Claim> claimList = new Grid<>();
    final MultiSelectComboBox<ClaimType> typeFilter = new MultiSelectComboBox<>("Type");
    final MultiSelectComboBox<ClaimStatus> statusFilter = new MultiSelectComboBox<>("Status");
    final ComboBox<String> authorFilter = new ComboBox<>("Author");
    final NewClaimForm newClaimForm;
    final ClaimEditor editor;
    private final Span claimCount = new Span();
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
        setSizeFull();
        setSplitterPosition(64);

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

        annotator.addSelectListener(selection -> selected(selection.start, selection.end, selection.x, selection.y));
        annotator.addHighlightClickListener(click -> findClaim(click.claimId).ifPresent(this::focus));
        documentColumn.addClassName("document-column");
        documentHeading.setPadding(false);
        documentColumn.add(documentHeading, presenceBar, annotator, newClaimForm);
        addToPrimary(documentColumn);
        addToSecondary(claimsColumn());
        bindKeyboard();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        documentId = Long.parseLong(event.getRouteParameters().get("documentId").orElseThrow());
        // Vaadin reuses this view when going from one document straight to another: start afresh.
        newClaimForm.close();
        editor.close();
        claimList.deselectAll();
        try {
            Document document = documents.get(documentId);
            presenceBar.enter(documentId);
            text = documents.text(documentId);
            showDocument(document);
            reloadClaims();
            event.getLocation().getQueryParameters().getSingleParameter("claim")
                    .filter(id -> id.matches("\\d{1,18}")).flatMap(id -> findClaim(Long.parseLong(id)))
                    .ifPresent(this::focus);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void showDocument(Document document) {
        title = document.title() + " · Factmark";
        annotator.setText(text);
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
        for (var filter : List.of(typeFilter, statusFilter)) {
            filter.setWidth("10rem");
        }
        authorFilter.setWidth("8rem");
        authorFilter.setItemLabelGenerator(names::of);

        claimList.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        claimList.addColumn(new ComponentRenderer<>(claim -> ClaimsPresentation.card(claim, typeOf(claim),
                othersEditing.getOrDefault(claim.id(), List.of()), names)));
        claimList.setItems(listed).setIdentifierProvider(Claim::id);
        claimList.setEmptyStateText("No claims yet: select a passage in the text to mark one.");
        claimList.addSelectionListener(selection -> {
            // Only the reviewer's own clicks open or close a claim; refreshing the list must not
            // close the editor and lose what was typed in it.
            if (selection.isFromClient()) {
                selection.getFirstSelectedItem().ifPresentOrElse(this::focus, () -> {
                    annotator.select(null);
                    editor.close();
                });
            }
        });
        claimList.setHeight("40%");
        claimList.setMinHeight("12rem");

        var help = new Button("Keyboard shortcuts (?)", click -> ShortcutHelp.open());
        help.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        var header = new HorizontalLayout(new H2("Claims"), claimCount, help);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        var column = new VerticalLayout(header, new HorizontalLayout(typeFilter, statusFilter, authorFilter),
                claimList, editor);
        column.addClassName("claims-column");
        return column;
    }

    private void bindKeyboard() {
        Shortcuts.addShortcutListener(this, () -> step(1), Key.KEY_J).listenOn(annotator, claimList);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.KEY_K).listenOn(annotator, claimList);
        Shortcuts.addShortcutListener(this, ShortcutHelp::open, Key.SLASH, KeyModifier.SHIFT)
                .listenOn(annotator, claimList);
    }

    /** The browser has snapped the selection already; the server's rule decides all the same. */
    private void selected(int start, int end, double x, double y) {
        Anchor.nearestValid(text, start, end).ifPresent(span -> {
            editor.selectionMade(span.start(), span.end());
            newClaimForm.open(span.start(), span.end(), text.substring(span.start(), span.end()), x, y);
        });
    }

    private void create(ClaimDraft draft) {
        Claim created = claims.create(documentId, draft);
        newClaimForm.close();
        annotator.clearSelection();
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

    private void focus(Claim claim) {
        if (!claimList.asSingleSelect().isEmpty() && claimList.asSingleSelect().getValue().id() == claim.id()
                && editor.isEditing(claim.id())) {
            annotator.scrollTo(claim.id());
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
        reloadClaims();
        long me = CurrentUser.require().id();
        editor.claimId().ifPresent(open -> {
            if (changes.stream().anyMatch(change -> change.kind() == Change.Kind.RESYNC
                    || (change.claimId() == open && change.actorId() != me))) {
                editor.changedElsewhere(findClaim(open));
            }
        });
        presenceBar.refresh();
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
