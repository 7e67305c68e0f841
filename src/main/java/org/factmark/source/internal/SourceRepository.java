package org.factmark.source.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.factmark.source.Citation;
import org.factmark.source.NewSource;
import org.factmark.source.Source;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceLink;
import org.factmark.source.Stance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for sources and their links to claims. */
@Repository
public class SourceRepository {

    private static final String SOURCE_COLUMNS = """
            s.id, s.url, s.document_id, s.claim_id, s.title, s.publisher, s.kind, s.accessed_on, s.archive_url,
            s.note, creator.username as created_by, s.created_at""";

    private static final String SELECT_SOURCE = "select " + SOURCE_COLUMNS
            + " from source s join app_user creator on creator.id = s.created_by";

    private final JdbcClient jdbc;

    SourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the source unless the same URL or passage is already stored; true when it was added. */
    public boolean insertUnlessPresent(NewSource source, long userId) {
        return jdbc.sql("""
                        insert into source (url, document_id, claim_id, title, publisher, kind, accessed_on,
                                            archive_url, note, created_by)
                        values (:url, :documentId, :claimId, :title, :publisher, :kind, :accessedOn,
                                :archiveUrl, :note, :userId)
                        on conflict do nothing
                        """)
                .param("url", source.url())
                .param("documentId", source.documentId())
                .param("claimId", source.claimId())
                .param("title", source.title())
                .param("publisher", source.publisher())
                .param("kind", source.kind().name())
                .param("accessedOn", source.accessedOn())
                .param("archiveUrl", source.archiveUrl())
                .param("note", source.note())
                .param("userId", userId)
                .update() == 1;
    }

    public Optional<Source> findById(long id) {
        return jdbc.sql(SELECT_SOURCE + " where s.id = :id").param("id", id).query((rs, row) -> source(rs)).optional();
    }

    public Optional<Source> findByUrl(String url) {
        return jdbc.sql(SELECT_SOURCE + " where s.url = :url").param("url", url).query((rs, row) -> source(rs))
                .optional();
    }

    public Optional<Source> findPassage(long documentId, Long claimId) {
        return jdbc.sql(SELECT_SOURCE + " where s.document_id = :documentId and coalesce(s.claim_id, 0) = :claimId")
                .param("documentId", documentId)
                .param("claimId", claimId == null ? 0L : claimId)
                .query((rs, row) -> source(rs))
                .optional();
    }

    /** Sources whose title, publisher or URL match the words typed, most cited first. */
    public List<Source> search(String query, int limit) {
        return jdbc.sql(SELECT_SOURCE + """
                         where cast(:query as text) is null
                            or s.search @@ plainto_tsquery('simple', :query)
                            or s.url ilike '%' || :query || '%'
                         order by (select count(*) from claim_source l where l.source_id = s.id) desc, s.id desc
                         limit :limit
                        """)
                .param("query", query)
                .param("limit", limit)
                .query((rs, row) -> source(rs))
                .list();
    }

    /**
     * Marks the claim changed: a new version, so that whoever read it before (an editor about to
     * verify it, say) is refused and looks again. False when the claim is decided or gone.
     */
    public boolean touchClaim(long claimId, long userId) {
        return jdbc.sql("""
                        update claim set version = version + 1, updated_by = :userId, updated_at = now()
                        where id = :claimId and status in ('OPEN', 'IN_REVIEW') and deleted_at is null
                        """)
                .param("claimId", claimId)
                .param("userId", userId)
                .update() == 1;
    }

    /** Links the source; false when the claim already cites it. */
    public boolean link(long claimId, long sourceId, Stance stance, String excerpt, long userId) {
        return jdbc.sql("""
                        insert into claim_source (claim_id, source_id, stance, excerpt, created_by)
                        values (:claimId, :sourceId, :stance, :excerpt, :userId)
                        on conflict do nothing
                        """)
                .param("claimId", claimId)
                .param("sourceId", sourceId)
                .param("stance", stance.name())
                .param("excerpt", excerpt)
                .param("userId", userId)
                .update() == 1;
    }

    public boolean unlink(long claimId, long sourceId) {
        return jdbc.sql("delete from claim_source where claim_id = :claimId and source_id = :sourceId")
                .param("claimId", claimId)
                .param("sourceId", sourceId)
                .update() == 1;
    }

    public List<SourceLink> linksOf(long claimId) {
        return jdbc.sql("select " + SOURCE_COLUMNS + """
                        , l.claim_id as link_claim_id, l.stance, l.excerpt, linker.username as linked_by,
                          l.created_at as linked_at
                        from claim_source l
                        join source s on s.id = l.source_id
                        join app_user creator on creator.id = s.created_by
                        join app_user linker on linker.id = l.created_by
                        where l.claim_id = :claimId
                        order by l.created_at, s.id
                        """)
                .param("claimId", claimId)
                .query((rs, row) -> new SourceLink(rs.getLong("link_claim_id"), source(rs),
                        Stance.valueOf(rs.getString("stance")), rs.getString("excerpt"), rs.getString("linked_by"),
                        rs.getObject("linked_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public List<Citation> citationsOf(long sourceId) {
        return jdbc.sql("""
                        select c.id, c.document_id, c.quote, l.stance
                        from claim_source l join claim c on c.id = l.claim_id
                        where l.source_id = :sourceId and c.deleted_at is null
                        order by c.document_id, c.start_offset
                        """)
                .param("sourceId", sourceId)
                .query((rs, row) -> new Citation(rs.getLong("id"), rs.getLong("document_id"), rs.getString("quote"),
                        Stance.valueOf(rs.getString("stance"))))
                .list();
    }

    public int countLinks(long claimId) {
        return jdbc.sql("select count(*) from claim_source where claim_id = :claimId")
                .param("claimId", claimId)
                .query(Integer.class)
                .single();
    }

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(rs.getLong("id"), rs.getString("url"), rs.getObject("document_id", Long.class),
                rs.getObject("claim_id", Long.class), rs.getString("title"), rs.getString("publisher"),
                SourceKind.valueOf(rs.getString("kind")), rs.getObject("accessed_on", LocalDate.class),
                rs.getString("archive_url"), rs.getString("note"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
