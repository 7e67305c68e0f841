package org.factmark.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.factmark.document.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for documents. The full-text index is a generated column, so it can never drift from the text. */
@Repository
public class DocumentRepository {

    /**
     * The claim count and who is assigned how far are derived, never stored, so they cannot go stale;
     * this is the one place where the document feature reads the claim and assignment tables (a page
     * of documents at a time, by index).
     */
    private static final String SELECT_DOCUMENT = """
            select d.id, d.title, d.url, d.outlet, d.published_at, d.text_length, d.sha256, u.username, d.created_at,
                   (select count(*) from claim c where c.document_id = d.id and c.deleted_at is null) as claim_count,
                   (select string_agg(u.display_name || ' (' || lower(replace(a.state, '_', ' ')) || ')', ', '
                                      order by u.username)
                    from assignment a join app_user u on u.id = a.reviewer_id
                    where a.document_id = d.id) as assignees
            from document d
            join app_user u on u.id = d.created_by
            """;

    /** A blank query matches everything; otherwise the web-search syntax users know ("quoted phrase", -word, or). */
    private static final String MATCHES_QUERY = """
             where (cast(:query as text) is null or d.search @@ websearch_to_tsquery('english', :query))
            """;

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String title, String text, String url, String outlet, LocalDate publishedAt, String sha256,
            long createdBy) {
        return jdbc.sql("""
                        insert into document (title, body, url, outlet, published_at, sha256, text_length, created_by)
                        values (:title, :body, :url, :outlet, :publishedAt, :sha256, :textLength, :createdBy)
                        returning id
                        """)
                .param("title", title)
                .param("body", text)
                .param("url", url)
                .param("outlet", outlet)
                .param("publishedAt", publishedAt)
                .param("sha256", sha256)
                .param("textLength", text.length())
                .param("createdBy", createdBy)
                .query(Long.class)
                .single();
    }

    public Optional<Document> findById(long id) {
        return jdbc.sql(SELECT_DOCUMENT + " where d.id = :id")
                .param("id", id)
                .query((rs, row) -> document(rs))
                .optional();
    }

    public Optional<String> findText(long id) {
        return jdbc.sql("select body from document where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Newest first; {@code query} may be null for all documents. */
    public List<Document> search(String query, long offset, int limit) {
        return jdbc.sql(SELECT_DOCUMENT + MATCHES_QUERY + " order by d.created_at desc, d.id desc"
                        + " offset :offset limit :limit")
                .param("query", query)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> document(rs))
                .list();
    }

    public long count(String query) {
        return jdbc.sql("select count(*) from document d" + MATCHES_QUERY)
                .param("query", query)
                .query(Long.class)
                .single();
    }

    public List<String> outlets() {
        return jdbc.sql("select distinct outlet from document where outlet is not null order by outlet")
                .query(String.class).list();
    }

    public long countAll() {
        return jdbc.sql("select count(*) from document").query(Long.class).single();
    }

    private static Document document(ResultSet rs) throws SQLException {
        return new Document(rs.getLong("id"), rs.getString("title"), rs.getString("url"), rs.getString("outlet"),
                rs.getObject("published_at", LocalDate.class), rs.getInt("text_length"), rs.getString("sha256"),
                rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("claim_count"), rs.getString("assignees"));
    }
}
