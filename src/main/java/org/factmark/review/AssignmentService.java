package org.factmark.review;

import java.util.List;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.document.DocumentService;
import org.factmark.review.internal.AssignmentRepository;
import org.factmark.security.Access;
import org.factmark.security.CurrentUser;
import org.factmark.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editors assign documents to reviewers; reviewers see their work and say how far they are. */
@Service
public class AssignmentService {

    /** How messages name the reviewer of an assignment. */
    public static final String REVIEWER = "The reviewer";

    private final AssignmentRepository assignments;
    private final DocumentService documents;
    private final UserService users;

    AssignmentService(AssignmentRepository assignments, DocumentService documents, UserService users) {
        this.assignments = assignments;
        this.documents = documents;
        this.users = users;
    }

    @PreAuthorize(Access.EDITOR)
    @Transactional
    public void assign(long documentId, String reviewer) {
        documents.get(documentId);
        assignments.assign(documentId, reviewerId(reviewer), CurrentUser.require().id());
    }

    @PreAuthorize(Access.EDITOR)
    @Transactional
    public void unassign(long documentId, String reviewer) {
        if (!assignments.unassign(documentId, reviewerId(reviewer))) {
            throw new NotFoundException(reviewer + " is not assigned to document " + documentId + ".");
        }
    }

    /** The signed-in reviewer's own progress on a document assigned to them. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional
    public void setMyState(long documentId, AssignmentState state) {
        if (state == null) {
            throw new InvalidInputException("Say how far you are: NEW, IN_PROGRESS or DONE.");
        }
        if (!assignments.setState(documentId, CurrentUser.require().id(), state)) {
            throw new NotFoundException("Document " + documentId + " is not assigned to you.");
        }
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Assignment> myWork() {
        return assignments.forReviewer(CurrentUser.require().id());
    }

    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Assignment> forDocument(long documentId) {
        return assignments.forDocument(documentId);
    }

    private long reviewerId(String reviewer) {
        return users.findIdByUsername(reviewer == null ? "" : reviewer.strip())
                .orElseThrow(() -> new InvalidInputException("There is no user \"" + reviewer + "\".").at(REVIEWER));
    }
}
