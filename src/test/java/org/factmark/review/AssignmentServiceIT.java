package org.factmark.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class AssignmentServiceIT {

    @Autowired
    AssignmentService assignments;
    @Autowired
    DocumentService documents;
    @Autowired
    UserDetailsService userDetails;

    SignedIn signedIn;
    long documentId;

    @BeforeEach
    void setUp() {
        signedIn = new SignedIn(userDetails);
        signedIn.as("editor");
        documentId = documents.add(new NewDocument("To be assigned", "Some text.", null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_editor_assigns_a_document_and_the_reviewer_sees_it_and_reports_progress() {
        assignments.assign(documentId, "alice");
        assignments.assign(documentId, "bob");
        assertThat(documents.get(documentId).assignees()).isEqualTo("Alice Reviewer (new), Bob Reviewer (new)");

        signedIn.as("alice");
        assertThat(assignments.myWork()).extracting(Assignment::documentId).contains(documentId);
        assignments.setMyState(documentId, AssignmentState.IN_PROGRESS);

        assertThat(documents.get(documentId).assignees()).isEqualTo("Alice Reviewer (in progress), Bob Reviewer (new)");
        assertThat(assignments.forDocument(documentId)).extracting(Assignment::state)
                .containsExactly(AssignmentState.IN_PROGRESS, AssignmentState.NEW);
    }

    @Test
    void a_reviewer_cannot_assign_work_and_cannot_report_on_a_document_not_assigned_to_them() {
        signedIn.as("alice");

        assertThatThrownBy(() -> assignments.assign(documentId, "alice")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.setMyState(documentId, AssignmentState.DONE))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void assigning_to_an_unknown_user_is_refused() {
        assertThatThrownBy(() -> assignments.assign(documentId, "nobody")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unassigning_removes_the_document_from_the_reviewers_work() {
        assignments.assign(documentId, "bob");
        assignments.unassign(documentId, "bob");

        signedIn.as("bob");
        assertThat(assignments.myWork()).extracting(Assignment::documentId).doesNotContain(documentId);
    }
}
