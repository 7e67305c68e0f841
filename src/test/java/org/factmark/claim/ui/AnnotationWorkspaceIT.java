package org.factmark.claim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.List;
import java.util.stream.IntStream;
import org.factmark.IntegrationTest;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimType;
import org.factmark.claim.Confidence;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("alice")
class AnnotationWorkspaceIT extends SpringBrowserlessTest {

    private static final String TEXT = "The official said no talks took place. Sources said 70,000 troops were lost.";

    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;

    long documentId;

    @BeforeEach
    void addDocument() {
        documentId = documents.add(new NewDocument("Workspace test", TEXT, null, null, null)).id();
    }

    private Claim claim(String quote, String type) {
        int start = TEXT.indexOf(quote);
        return claims.create(documentId, new ClaimDraft(start, start + quote.length(), type, Confidence.MEDIUM, null,
                null, null, null));
    }

    private AnnotationWorkspace open() {
        return navigate("documents/" + documentId, AnnotationWorkspace.class);
    }

    private static List<String> listedQuotes(AnnotationWorkspace workspace) {
        var list = workspace.claimList;
        return IntStream.range(0, list.getListDataView().getItemCount())
                .mapToObj(index -> list.getListDataView().getItem(index).quote()).toList();
    }

    private static ClaimType type(AnnotationWorkspace workspace, String code) {
        return workspace.typeFilter.getListDataView().getItems().filter(type -> type.code().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void the_claims_are_listed_in_document_order() {
        claim("70,000 troops", "statistic");
        claim("The official said no talks took place.", "attribution");

        assertThat(listedQuotes(open())).containsExactly("The official said no talks took place.", "70,000 troops");
    }

    @Test
    void a_selection_opens_the_form_and_saving_it_marks_the_claim() {
        AnnotationWorkspace workspace = open();
        int start = TEXT.indexOf("Sources said");

        ComponentUtil.fireEvent(workspace.annotator,
                new Annotator.SelectEvent(workspace.annotator, true, start - 1, TEXT.length()));
        assertThat(workspace.newClaimForm.isVisible()).isTrue();
        test(workspace.newClaimForm.fields.type).selectItem("4 Attribution");
        workspace.newClaimForm.fields.claimant.setValue("Sources");
        test($(Button.class).withText("Save claim").single()).click();

        assertThat(workspace.newClaimForm.isVisible()).isFalse();
        Claim saved = claims.forDocument(documentId).getFirst();
        assertThat(saved.quote()).as("the leading space is trimmed").isEqualTo("Sources said 70,000 troops were lost.");
        assertThat(saved.type()).isEqualTo("attribution");
        assertThat(saved.claimant()).isEqualTo("Sources");
        assertThat(listedQuotes(workspace)).containsExactly(saved.quote());
    }

    @Test
    void the_type_filter_narrows_the_list() {
        claim("70,000 troops", "statistic");
        claim("The official said no talks took place.", "attribution");
        AnnotationWorkspace workspace = open();

        workspace.typeFilter.setValue(type(workspace, "statistic"));

        assertThat(listedQuotes(workspace)).containsExactly("70,000 troops");
    }

    @Test
    void a_save_over_someone_elses_change_shows_both_and_reapplies_mine_onto_theirs() {
        Claim claim = claim("70,000 troops", "statistic");
        AnnotationWorkspace workspace = open();
        ComponentUtil.fireEvent(workspace.annotator,
                new Annotator.HighlightClickEvent(workspace.annotator, true, claim.id()));
        test(workspace.editor.fields.note).setValue("my note");
        // Meanwhile, in another browser, the claimant is set.
        claims.update(claim.id(), claim.version(), new ClaimChanges(null, null, null, null, null, "Russian sources",
                null, null));

        test($(Button.class).withText("Save changes").single()).click();
        ConfirmDialog conflict = $(ConfirmDialog.class).last();
        assertThat(conflict.isOpened()).isTrue();
        assertThat($(ConflictSummary.class).single()).isNotNull();
        test(conflict).confirm();

        Claim now = claims.get(claim.id());
        assertThat(now.note()).isEqualTo("my note");
        assertThat(now.claimant()).isEqualTo("Russian sources");
        assertThat(now.version()).isEqualTo(claim.version() + 2);
    }

    @Test
    void changing_a_filter_keeps_what_was_typed_in_the_open_editor() {
        Claim claim = claim("70,000 troops", "statistic");
        AnnotationWorkspace workspace = open();
        ComponentUtil.fireEvent(workspace.annotator,
                new Annotator.HighlightClickEvent(workspace.annotator, true, claim.id()));
        test(workspace.editor.fields.note).setValue("half-written note");

        workspace.typeFilter.setValue(type(workspace, "statistic"));

        assertThat(workspace.editor.isEditing(claim.id())).isTrue();
        assertThat(workspace.editor.fields.note.getValue()).isEqualTo("half-written note");
    }

    @Test
    void going_straight_to_another_document_closes_the_open_forms() {
        AnnotationWorkspace workspace = open();
        ComponentUtil.fireEvent(workspace.annotator, new Annotator.SelectEvent(workspace.annotator, true, 0, 12));
        long other = documents.add(new NewDocument("Another", "Other text entirely.", null, null, null)).id();

        AnnotationWorkspace next = navigate("documents/" + other, AnnotationWorkspace.class);

        assertThat(next.newClaimForm.isVisible()).isFalse();
        assertThat(next.editor.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("alice")
    void a_reviewer_cannot_open_the_claim_type_admin_view() {
        try {
            navigate(ClaimTypeAdminView.class);
        } catch (IllegalArgumentException expected) {
            // navigation ended somewhere else, as it should
        }
        assertThat(getCurrentView()).isNotInstanceOf(ClaimTypeAdminView.class);
    }
}
