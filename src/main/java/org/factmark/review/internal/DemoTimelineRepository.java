package org.factmark.review.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the demo desk's work into the past, where a newcomer's dashboards expect weeks of a desk's
 * work. The demo goes through the services, which stamp everything with the database's "now"; its
 * script marks when each step is meant to have happened, and {@link #moveBack} moves every
 * timestamp written after a mark to that moment (plus the seconds since the mark): in claims, links,
 * sources, comments, history and inbox alike, so they keep telling one story in one order. The
 * triggers of V0008 follow the claims to their new days, so the dashboards' summaries stay what the
 * claims say.
 */
@Repository
public class DemoTimelineRepository {

    private final JdbcClient jdbc;

    DemoTimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Timeline timeline() {
        return new Timeline();
    }

    /** The moment a step of the script began (the database's clock) and the moment it is meant to have happened. */
    record Mark(OffsetDateTime began, OffsetDateTime meant) {
    }

    /** The marks of one run of the script, in the order its steps were taken. */
    public final class Timeline {

        private final List<Mark> marks = new ArrayList<>();

        private Timeline() {
        }

        /** What the script does next is meant to have happened at {@code moment}. */
        public void at(Instant moment) {
            marks.add(new Mark(clock(), moment.atOffset(ZoneOffset.UTC)));
        }
    }

    private OffsetDateTime clock() {
        return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    }

    /**
     * Moves what was written since the timeline's first mark to its meant moments (each step ends
     * where the next begins, the last one now), the demo documents to the day before (they were
     * loaded before anyone worked on them), and the accounts that existed before the script to that
     * day too.
     */
    @Transactional
    public void moveBack(Timeline timeline, Collection<Long> documentIds) {
        List<Mark> marks = timeline.marks;
        OffsetDateTime end = clock();
        jdbc.sql("create temporary table demo_mark (began timestamptz, ended timestamptz, meant timestamptz) "
                + "on commit drop").update();
        for (int i = 0; i < marks.size(); i++) {
            jdbc.sql("insert into demo_mark values (:began, :ended, :meant)")
                    .param("began", marks.get(i).began())
                    .param("ended", i + 1 < marks.size() ? marks.get(i + 1).began() : end)
                    .param("meant", marks.get(i).meant())
                    .update();
        }
        OffsetDateTime first = marks.getFirst().began();
        OffsetDateTime loaded = marks.getFirst().meant().minusDays(1);
        jdbc.sql("update claim set created_at = " + moved("created_at") + ", updated_at = " + moved("updated_at")
                + ", sent_to_review_at = " + moved("sent_to_review_at") + ", decided_at = " + moved("decided_at")
                + " where updated_at >= :first").param("first", first).update();
        for (String table : List.of("claim_source", "source", "claim_comment")) {
            jdbc.sql("update " + table + " set created_at = " + moved("created_at") + " where created_at >= :first")
                    .param("first", first).update();
        }
        jdbc.sql("update inbox_message set at = " + moved("at") + " where at >= :first").param("first", first).update();
        // The history is append-only for everyone else: this transaction holds the table exclusively
        // (ALTER TABLE locks it) from switching the guard off until it is back on and committed.
        jdbc.sql("alter table claim_history disable trigger claim_history_is_append_only").update();
        jdbc.sql("update claim_history set at = " + moved("at") + " where at >= :first").param("first", first).update();
        jdbc.sql("alter table claim_history enable trigger claim_history_is_append_only").update();
        jdbc.sql("update document set created_at = :loaded where id in (:ids)")
                .param("loaded", loaded).param("ids", documentIds).update();
        jdbc.sql("update app_user set created_at = :loaded where created_at < :first and created_at > :loaded")
                .param("loaded", loaded).param("first", first).update();
    }

    /** The column's value moved from the real moment of its step to the step's meant moment. */
    private static String moved(String column) {
        return """
                coalesce((select m.meant + (%1$s - m.began) from demo_mark m \
                where %1$s >= m.began and %1$s < m.ended), %1$s)""".formatted(column);
    }
}
