package org.factmark.export.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.factmark.claim.ClaimStatus;
import org.factmark.export.ExportFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The export queries. They stream: inside a read-only transaction PostgreSQL hands rows out through
 * a cursor, {@value #FETCH_SIZE} at a time, so memory stays flat whatever the row count.
 */
@Repository
public class ExportRepository {

    static final int FETCH_SIZE = 5000;

    private static final String MATCHES_FILTER = """
             where c.deleted_at is null
               and (cast(:statuses as text) is null or c.status = any (string_to_array(:statuses, ',')))
               and (cast(:documentId as bigint) is null or c.document_id = :documentId)
               and (cast(:type as text) is null or c.type_code = :type)
               and (cast(:rating as text) is null or c.rating = :rating)
               and (cast(:verifiedFrom as timestamptz) is null or c.decided_at >= :verifiedFrom)
               and (cast(:verifiedTo as timestamptz) is null or c.decided_at < :verifiedTo)
               and (cast(:outlet as text) is null or d.outlet = :outlet)
            """;

    private static final String CLAIMS = """
            select c.id, c.document_id, d.title, d.url as document_url, d.outlet, c.quote, c.start_offset,
                   c.end_offset, c.type_code, c.confidence, c.claimant, c.restatement, c.status, c.rating,
                   c.rationale, creator.username as created_by, c.created_at, decider.username as verified_by,
                   c.decided_at,
                   (select count(*) from claim_source l where l.claim_id = c.id) as source_count,
                   (select string_agg(coalesce(s.url, 'factmark:document/' || s.document_id
                                                      || coalesce('#claim-' || s.claim_id, '')), ' | '
                                      order by l.created_at, s.id)
                    from claim_source l join source s on s.id = l.source_id
                    where l.claim_id = c.id) as source_urls
            from claim c
            join document d on d.id = c.document_id
            join app_user creator on creator.id = c.created_by
            left join app_user decider on decider.id = c.decided_by
            """ + MATCHES_FILTER + " order by c.id";

    private static final String LINKS = """
            select c.id, s.url, s.document_id as source_document_id, s.claim_id as source_claim_id, s.title,
                   s.publisher, s.kind, l.stance, l.excerpt
            from claim_source l
            join claim c on c.id = l.claim_id
            join source s on s.id = l.source_id
            join document d on d.id = c.document_id
            """ + MATCHES_FILTER + " order by c.id, l.created_at, s.id";

    private final JdbcClient jdbc;

    ExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The claims query for the default export (verified claims, no other filter) as plain SQL, for the
     * benchmark that compares the export with PostgreSQL's COPY of the same query. Constants only.
     */
    public static String verifiedClaimsQuery() {
        return CLAIMS.replace("cast(:statuses as text)", "'VERIFIED'").replace(":statuses", "'VERIFIED'")
                .replace(":documentId", "null").replace(":type", "null").replace(":rating", "null")
                .replace(":verifiedFrom", "null").replace(":verifiedTo", "null").replace(":outlet", "null");
    }

    public void claims(ExportFilter filter, RowCallbackHandler row) {
        filtered(CLAIMS, filter).query(row);
    }

    public void links(ExportFilter filter, RowCallbackHandler row) {
        filtered(LINKS, filter).query(row);
    }

    public long count(ExportFilter filter) {
        return filtered("select count(*) from claim c join document d on d.id = c.document_id" + MATCHES_FILTER,
                filter).query(Long.class).single();
    }

    private JdbcClient.StatementSpec filtered(String sql, ExportFilter filter) {
        return jdbc.sql(sql)
                .withFetchSize(FETCH_SIZE)
                .param("statuses", filter.statuses() == null || filter.statuses().isEmpty() ? null
                        : filter.statuses().stream().map(ClaimStatus::name).collect(Collectors.joining(",")))
                .param("documentId", filter.documentId())
                .param("type", filter.type())
                .param("rating", filter.rating() == null ? null : filter.rating().name())
                .param("verifiedFrom", startOfDay(filter.verifiedFrom()))
                .param("verifiedTo", filter.verifiedTo() == null ? null : startOfDay(filter.verifiedTo().plusDays(1)))
                .param("outlet", filter.outlet());
    }

    private static OffsetDateTime startOfDay(LocalDate day) {
        return day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** For callers reading timestamps from the rows. */
    public static String utc(ResultSet rs, String column) throws SQLException {
        var time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant().toString();
    }
}
