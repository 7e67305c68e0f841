package org.factmark.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.factmark.review.Assignment;
import org.factmark.review.AssignmentState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for assignments of documents to reviewers. */
@Repository
public class AssignmentRepository {

    private static final String SELECT_ASSIGNMENT = """
            select a.document_id, d.title, reviewer.username as reviewer, a.state, editor.username as assigned_by,
                   a.assigned_at
            from assignment a
            join document d on d.id = a.document_id
            join app_user reviewer on reviewer.id = a.reviewer_id
            join app_user editor on editor.id = a.assigned_by
            """;

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Assigns the document; assigning it again to the same reviewer changes nothing. */
    public void assign(long documentId, long reviewerId, long editorId) {
        jdbc.sql("""
                        insert into assignment (document_id, reviewer_id, assigned_by)
                        values (:documentId, :reviewerId, :editorId)
                        on conflict do nothing
                        """)
                .param("documentId", documentId)
                .param("reviewerId", reviewerId)
                .param("editorId", editorId)
                .update();
    }

    public boolean unassign(long documentId, long reviewerId) {
        return jdbc.sql("delete from assignment where document_id = :documentId and reviewer_id = :reviewerId")
                .param("documentId", documentId)
                .param("reviewerId", reviewerId)
                .update() == 1;
    }

    public boolean setState(long documentId, long reviewerId, AssignmentState state) {
        return jdbc.sql("""
                        update assignment set state = :state, updated_at = now()
                        where document_id = :documentId and reviewer_id = :reviewerId
                        """)
                .param("documentId", documentId)
                .param("reviewerId", reviewerId)
                .param("state", state.name())
                .update() == 1;
    }

    public List<Assignment> forReviewer(long reviewerId) {
        return jdbc.sql(SELECT_ASSIGNMENT + " where a.reviewer_id = :reviewerId order by a.state, a.assigned_at")
                .param("reviewerId", reviewerId)
                .query((rs, row) -> assignment(rs))
                .list();
    }

    public List<Assignment> forDocument(long documentId) {
        return jdbc.sql(SELECT_ASSIGNMENT + " where a.document_id = :documentId order by reviewer.username")
                .param("documentId", documentId)
                .query((rs, row) -> assignment(rs))
                .list();
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getLong("document_id"), rs.getString("title"), rs.getString("reviewer"),
                AssignmentState.valueOf(rs.getString("state")), rs.getString("assigned_by"),
                rs.getObject("assigned_at", OffsetDateTime.class).toInstant());
    }
}
