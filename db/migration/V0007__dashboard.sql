-- Dashboards (docs/decisions/0008) read claims by when they were created, sent to review and
-- decided, filtered by outlet, type and author. These indexes carry what the figures need, so that
-- a period's claims are read from the index alone.
create index claim_created_dashboard_idx on claim (created_at)
    include (document_id, type_code, status, rating, confidence, created_by, sent_to_review_at, decided_at)
    where deleted_at is null;
create index claim_sent_dashboard_idx on claim (sent_to_review_at)
    include (document_id, type_code, created_by)
    where deleted_at is null and sent_to_review_at is not null;
create index claim_decided_dashboard_idx on claim (decided_at)
    include (document_id, type_code, status, created_by, created_at)
    where deleted_at is null and decided_at is not null;
create index claim_author_dashboard_idx on claim (created_by, created_at)
    include (document_id, type_code, status, rating, confidence, sent_to_review_at, decided_at)
    where deleted_at is null;
create index document_outlet_idx on document (outlet) include (id);

-- Agreement between reviewers compares claims by two different authors whose spans overlap in one
-- document. Finding those pairs on the fly means comparing every claim of a document with every
-- other; instead each pair is recorded once, when the second claim is saved or moved, in the same
-- transaction. Deleted claims keep their pairs; the dashboards skip them.
create table claim_overlap (
    claim_id       bigint not null references claim (id),
    other_claim_id bigint not null references claim (id),
    primary key (claim_id, other_claim_id),
    constraint claim_overlap_ordered check (claim_id < other_claim_id)
);

create index claim_overlap_other_idx on claim_overlap (other_claim_id);

create function record_claim_overlaps() returns trigger language plpgsql as $$
begin
    -- Two reviewers saving overlapping claims at once would not see each other's uncommitted claim:
    -- one at a time per document, and the query below then sees the other's once it committed.
    perform pg_advisory_xact_lock(new.document_id);
    if tg_op = 'UPDATE' then
        if new.start_offset = old.start_offset and new.end_offset = old.end_offset then
            return null;
        end if;
        delete from claim_overlap where claim_id = new.id or other_claim_id = new.id;
    end if;
    insert into claim_overlap (claim_id, other_claim_id)
    select least(new.id, c.id), greatest(new.id, c.id)
    from claim c
    where c.document_id = new.document_id and c.id <> new.id and c.deleted_at is null
      and c.created_by <> new.created_by
      and c.start_offset < new.end_offset and new.start_offset < c.end_offset
    on conflict do nothing;
    return null;
end;
$$;

create trigger claim_overlaps_recorded
    after insert or update of start_offset, end_offset on claim
    for each row execute function record_claim_overlaps();

-- The pairs among the claims saved before this migration.
insert into claim_overlap (claim_id, other_claim_id)
select a.id, b.id
from claim a
join claim b on b.document_id = a.document_id and a.id < b.id and a.created_by <> b.created_by
            and a.start_offset < b.end_offset and b.start_offset < a.end_offset and b.deleted_at is null
where a.deleted_at is null;

-- The team's figures for any period must not read every claim of the period. claim_daily_stats
-- keeps, per UTC day, outlet, type, status and rating, how many claims were created, last sent
-- to review and last decided on that day; a trigger keeps it current in the same transaction as
-- each change of a claim. Dashboards filtered by reviewer read the claims instead (a reviewer's
-- claims are few enough, through claim_author_dashboard_idx).
create table claim_daily_stats (
    day       date    not null,
    outlet    text    not null,  -- '' for documents without one
    type_code text    not null,
    status    text    not null,
    rating    text    not null,  -- '' when not rated
    created   integer not null default 0,
    sent      integer not null default 0,
    decided   integer not null default 0,
    primary key (day, outlet, type_code, status, rating)
);

-- What one claim adds to the statistics (its three days), times sign (+1 or -1).
create function claim_daily_contributions(c claim, sign integer)
    returns table (day date, outlet text, type_code text, status text, rating text, created integer,
                   sent integer, decided integer)
    language sql stable as $$
    select x.day, coalesce(d.outlet, ''), c.type_code, c.status, coalesce(c.rating, ''),
           x.created * sign, x.sent * sign, x.decided * sign
    from document d
    cross join lateral (values
        ((c.created_at at time zone 'UTC')::date, 1, 0, 0),
        ((c.sent_to_review_at at time zone 'UTC')::date, 0, 1, 0),
        (case when c.status in ('VERIFIED', 'REJECTED') then (c.decided_at at time zone 'UTC')::date end, 0, 0, 1)
    ) as x (day, created, sent, decided)
    where d.id = c.document_id and c.deleted_at is null and x.day is not null
$$;

create function follow_claim_daily_stats() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.deleted_at, old.status, old.rating, old.type_code, old.created_at,
                             old.sent_to_review_at, old.decided_at, old.document_id)
                            is not distinct from
                            (new.deleted_at, new.status, new.rating, new.type_code, new.created_at,
                             new.sent_to_review_at, new.decided_at, new.document_id) then
        return null;
    end if;
    -- One statement, rows in key order: concurrent changes lock the rows they share in the same order.
    insert into claim_daily_stats as s (day, outlet, type_code, status, rating, created, sent, decided)
    select x.day, x.outlet, x.type_code, x.status, x.rating, sum(x.created), sum(x.sent), sum(x.decided)
    from (select * from claim_daily_contributions(old, -1) where tg_op = 'UPDATE'
          union all
          select * from claim_daily_contributions(new, 1)) x
    group by x.day, x.outlet, x.type_code, x.status, x.rating
    order by x.day, x.outlet, x.type_code, x.status, x.rating
    on conflict (day, outlet, type_code, status, rating) do update
        set created = s.created + excluded.created, sent = s.sent + excluded.sent,
            decided = s.decided + excluded.decided;
    return null;
end;
$$;

create trigger claim_daily_stats_followed
    after insert or update on claim
    for each row execute function follow_claim_daily_stats();

-- The claims saved before this migration.
insert into claim_daily_stats (day, outlet, type_code, status, rating, created, sent, decided)
select x.day, x.outlet, x.type_code, x.status, x.rating, sum(x.created), sum(x.sent), sum(x.decided)
from claim c cross join lateral claim_daily_contributions(c, 1) x
group by x.day, x.outlet, x.type_code, x.status, x.rating;
