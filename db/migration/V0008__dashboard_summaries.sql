-- Dashboards at a large desk's scale (docs/decisions/0009): every figure of the team dashboard is
-- read from rows that triggers keep current in the same transaction as the change, never from a
-- period's claims. Replaces V0007's claim_daily_stats, which was keyed by status and rating too and
-- so grew to half as many rows as there were claims.

drop trigger claim_daily_stats_followed on claim;
drop function follow_claim_daily_stats();
drop function claim_daily_contributions(claim, integer);
drop table claim_daily_stats;

-- 1 (or sign) when the condition holds, else 0 (also when it is null).
create function one_if(condition boolean, sign integer) returns integer language sql immutable as $$
    select case when condition then sign else 0 end
$$;

-- How many sources a claim cites, so that "sources per verified claim" needs no join.
alter table claim add column source_count integer not null default 0;

-- The links of verified claims, with what the dashboards filter and count them by: the claim's
-- verification day (null unless the claim is verified and not deleted), its document's outlet, its
-- type and its author, and the source's publisher (sources do not change once saved).
alter table claim_source
    add column verified_on date,
    add column claim_outlet text,
    add column claim_type text,
    add column claim_author bigint,
    add column source_publisher text;

-- Per UTC day, outlet ('' without one) and claim type: how many claims were created, last sent to
-- review and last decided that day, and where those claims are now (status, rating, sources).
create table claim_day_figures (
    day                      date    not null,
    outlet                   text    not null,
    type_code                text    not null,
    created                  integer not null default 0,
    sent                     integer not null default 0,
    verified                 integer not null default 0,
    rejected                 integer not null default 0,
    -- of the claims sent that day: still in review
    sent_still_in_review     integer not null default 0,
    -- of the claims created that day: their status now
    now_open                 integer not null default 0,
    now_in_review            integer not null default 0,
    now_verified             integer not null default 0,
    now_rejected             integer not null default 0,
    -- of the claims created that day: their rating now (claims without one are the rest)
    rated_true               integer not null default 0,
    rated_mostly_true        integer not null default 0,
    rated_mixed              integer not null default 0,
    rated_misleading         integer not null default 0,
    rated_false              integer not null default 0,
    rated_unproven           integer not null default 0,
    -- of the claims verified that day: how many sources they cite now
    verified_with_0_sources  integer not null default 0,
    verified_with_1_source   integer not null default 0,
    verified_with_2_sources  integer not null default 0,
    verified_with_3_sources  integer not null default 0,
    verified_with_4_sources  integer not null default 0,
    verified_with_5_or_more  integer not null default 0,
    primary key (day, outlet, type_code)
);

-- A reviewer's activity per UTC day: their claims created, last sent to review, verified and
-- rejected that day (the same counts as claim_day_figures, by author instead of outlet and type).
create table claim_author_day_figures (
    author   bigint  not null references app_user (id),
    day      date    not null,
    created  integer not null,
    sent     integer not null,
    verified integer not null,
    rejected integer not null,
    primary key (author, day)
);

-- Time from creation to verification, as a histogram: bucket b holds the times between 1.05^b and
-- 1.05^(b+1) seconds, so a percentile read from it is within 2.5 % of the exact one. Kept per day
-- and per calendar month (grain), so that a long period reads its whole months, not all its days.
create table verification_time_stats (
    grain     text     not null check (grain in ('day', 'month')),
    starts    date     not null,
    outlet    text     not null,
    type_code text     not null,
    bucket    smallint not null,
    claims    integer  not null,
    primary key (grain, starts, outlet, type_code, bucket)
);

create function verification_time_bucket(seconds double precision) returns smallint language sql immutable as $$
    select floor(ln(greatest(seconds, 1)) / ln(1.05))::smallint
$$;

-- The time a bucket stands for: the geometric middle of its bounds.
create function verification_time_of_bucket(bucket smallint) returns double precision language sql immutable as $$
    select power(1.05, bucket + 0.5)
$$;

-- What one claim adds to claim_day_figures (its creation, sending and decision days), times sign.
create function claim_day_contributions(c claim, sign integer) returns setof claim_day_figures
    language sql stable as $$
    select x.*
    from document d
    cross join lateral (values
        ((c.created_at at time zone 'UTC')::date, coalesce(d.outlet, ''), c.type_code, sign, 0, 0, 0, 0,
         one_if(c.status = 'OPEN', sign), one_if(c.status = 'IN_REVIEW', sign),
         one_if(c.status = 'VERIFIED', sign), one_if(c.status = 'REJECTED', sign),
         one_if(c.rating = 'TRUE', sign), one_if(c.rating = 'MOSTLY_TRUE', sign), one_if(c.rating = 'MIXED', sign),
         one_if(c.rating = 'MISLEADING', sign), one_if(c.rating = 'FALSE', sign), one_if(c.rating = 'UNPROVEN', sign),
         0, 0, 0, 0, 0, 0),
        ((c.sent_to_review_at at time zone 'UTC')::date, coalesce(d.outlet, ''), c.type_code, 0, sign, 0, 0,
         one_if(c.status = 'IN_REVIEW', sign), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        (case when c.status in ('VERIFIED', 'REJECTED') then (c.decided_at at time zone 'UTC')::date end,
         coalesce(d.outlet, ''), c.type_code, 0, 0, one_if(c.status = 'VERIFIED', sign),
         one_if(c.status = 'REJECTED', sign), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         one_if(c.status = 'VERIFIED' and c.source_count = 0, sign),
         one_if(c.status = 'VERIFIED' and c.source_count = 1, sign),
         one_if(c.status = 'VERIFIED' and c.source_count = 2, sign),
         one_if(c.status = 'VERIFIED' and c.source_count = 3, sign),
         one_if(c.status = 'VERIFIED' and c.source_count = 4, sign),
         one_if(c.status = 'VERIFIED' and c.source_count >= 5, sign))
    ) as x (day, outlet, type_code, created, sent, verified, rejected, sent_still_in_review, now_open,
            now_in_review, now_verified, now_rejected, rated_true, rated_mostly_true, rated_mixed, rated_misleading,
            rated_false, rated_unproven, verified_with_0_sources, verified_with_1_source, verified_with_2_sources,
            verified_with_3_sources, verified_with_4_sources, verified_with_5_or_more)
    where d.id = c.document_id and c.deleted_at is null and x.day is not null
$$;

-- What one verified claim adds to verification_time_stats (its day and its month), times sign.
create function verification_time_contributions(c claim, sign integer) returns setof verification_time_stats
    language sql stable as $$
    select grain.name, grain.starts, coalesce(d.outlet, ''), c.type_code,
           verification_time_bucket(extract(epoch from c.decided_at - c.created_at)), sign
    from document d
    cross join lateral (values
        ('day', (c.decided_at at time zone 'UTC')::date),
        ('month', date_trunc('month', c.decided_at at time zone 'UTC')::date)
    ) as grain (name, starts)
    where d.id = c.document_id and c.deleted_at is null and c.status = 'VERIFIED' and c.decided_at is not null
$$;

create function follow_claim_figures() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.deleted_at, old.status, old.rating, old.type_code, old.created_at,
                             old.sent_to_review_at, old.decided_at, old.document_id,
                             case when old.status = 'VERIFIED' then old.source_count end)
                            is not distinct from
                            (new.deleted_at, new.status, new.rating, new.type_code, new.created_at,
                             new.sent_to_review_at, new.decided_at, new.document_id,
                             case when new.status = 'VERIFIED' then new.source_count end) then
        return null;
    end if;
    -- One statement per table, rows in key order: concurrent changes lock shared rows in one order.
    insert into claim_day_figures as s
    select x.day, x.outlet, x.type_code, sum(x.created), sum(x.sent), sum(x.verified), sum(x.rejected),
           sum(x.sent_still_in_review), sum(x.now_open), sum(x.now_in_review), sum(x.now_verified),
           sum(x.now_rejected), sum(x.rated_true), sum(x.rated_mostly_true), sum(x.rated_mixed),
           sum(x.rated_misleading), sum(x.rated_false), sum(x.rated_unproven), sum(x.verified_with_0_sources),
           sum(x.verified_with_1_source), sum(x.verified_with_2_sources), sum(x.verified_with_3_sources),
           sum(x.verified_with_4_sources), sum(x.verified_with_5_or_more)
    from (select * from claim_day_contributions(old, -1) where tg_op = 'UPDATE'
          union all
          select * from claim_day_contributions(new, 1)) x
    group by x.day, x.outlet, x.type_code
    order by x.day, x.outlet, x.type_code
    on conflict (day, outlet, type_code) do update set
        created = s.created + excluded.created, sent = s.sent + excluded.sent,
        verified = s.verified + excluded.verified, rejected = s.rejected + excluded.rejected,
        sent_still_in_review = s.sent_still_in_review + excluded.sent_still_in_review,
        now_open = s.now_open + excluded.now_open, now_in_review = s.now_in_review + excluded.now_in_review,
        now_verified = s.now_verified + excluded.now_verified, now_rejected = s.now_rejected + excluded.now_rejected,
        rated_true = s.rated_true + excluded.rated_true,
        rated_mostly_true = s.rated_mostly_true + excluded.rated_mostly_true,
        rated_mixed = s.rated_mixed + excluded.rated_mixed,
        rated_misleading = s.rated_misleading + excluded.rated_misleading,
        rated_false = s.rated_false + excluded.rated_false, rated_unproven = s.rated_unproven + excluded.rated_unproven,
        verified_with_0_sources = s.verified_with_0_sources + excluded.verified_with_0_sources,
        verified_with_1_source = s.verified_with_1_source + excluded.verified_with_1_source,
        verified_with_2_sources = s.verified_with_2_sources + excluded.verified_with_2_sources,
        verified_with_3_sources = s.verified_with_3_sources + excluded.verified_with_3_sources,
        verified_with_4_sources = s.verified_with_4_sources + excluded.verified_with_4_sources,
        verified_with_5_or_more = s.verified_with_5_or_more + excluded.verified_with_5_or_more;

    insert into claim_author_day_figures as s
    select new.created_by, x.day, sum(x.created), sum(x.sent), sum(x.verified), sum(x.rejected)
    from (select * from claim_day_contributions(old, -1) where tg_op = 'UPDATE'
          union all
          select * from claim_day_contributions(new, 1)) x
    group by x.day
    having (sum(x.created), sum(x.sent), sum(x.verified), sum(x.rejected)) <> (0, 0, 0, 0)
    order by x.day
    on conflict (author, day) do update set
        created = s.created + excluded.created, sent = s.sent + excluded.sent,
        verified = s.verified + excluded.verified, rejected = s.rejected + excluded.rejected;

    insert into verification_time_stats as s
    select x.grain, x.starts, x.outlet, x.type_code, x.bucket, sum(x.claims)
    from (select * from verification_time_contributions(old, -1) where tg_op = 'UPDATE'
          union all
          select * from verification_time_contributions(new, 1)) x
    group by x.grain, x.starts, x.outlet, x.type_code, x.bucket
    order by x.grain, x.starts, x.outlet, x.type_code, x.bucket
    on conflict (grain, starts, outlet, type_code, bucket) do update set claims = s.claims + excluded.claims;
    return null;
end;
$$;

-- claim_source's copy of the claim's verification day, outlet and type.
create function citation_of(c claim, out verified_on date, out claim_outlet text, out claim_type text,
                            out claim_author bigint)
    language sql stable as $$
    select case when c.status = 'VERIFIED' and c.deleted_at is null then (c.decided_at at time zone 'UTC')::date end,
           coalesce(d.outlet, ''), c.type_code, c.created_by
    from document d where d.id = c.document_id
$$;

create function describe_new_citation() returns trigger language plpgsql as $$
begin
    select x.verified_on, x.claim_outlet, x.claim_type, x.claim_author
    into new.verified_on, new.claim_outlet, new.claim_type, new.claim_author
    from claim c cross join lateral citation_of(c) x where c.id = new.claim_id
    for no key update of c; -- a review of the claim under way would otherwise leave this copy stale
    select publisher into new.source_publisher from source where id = new.source_id;
    return new;
end;
$$;

-- How often each publisher is cited by the claims verified on a day (grain 'day') or in a calendar
-- month ('month'), per outlet and type and, where outlet or type is null, over all outlets or all
-- types: a period's most cited publishers read a few thousand rows, whatever the period and filters.
create table publisher_citation_stats (
    outlet    text,
    type_code text,
    grain     text    not null check (grain in ('day', 'month')),
    starts    date    not null,
    publisher text    not null,
    citations integer not null,
    constraint publisher_citation_stats_key unique nulls not distinct (outlet, type_code, grain, starts, publisher)
);

-- The rows one link of a verified claim counts in (nothing for other links), times sign.
create function publisher_citations(link_verified_on date, link_outlet text, link_type text, link_publisher text,
                                    sign integer)
    returns setof publisher_citation_stats language sql immutable as $$
    select o.outlet, t.type_code, g.grain, g.starts, link_publisher, sign
    from (values (link_outlet), (null)) as o (outlet)
    cross join (values (link_type), (null)) as t (type_code)
    cross join (values ('day', link_verified_on), ('month', date_trunc('month', link_verified_on)::date)) as g (grain, starts)
    where link_verified_on is not null and link_publisher is not null
$$;

-- How many verified claims cite each source, all time: the candidates for "most cited" in any period.
alter table source add column verified_citations integer not null default 0;

create function count_claim_sources() returns trigger language plpgsql as $$
declare
    link claim_source := case when tg_op = 'INSERT' then new else old end;
    sign integer := case when tg_op = 'INSERT' then 1 else -1 end;
begin
    -- Locks in the order of follow_claim_in_citations: (the claim,) sources, publishers, day figures.
    if link.verified_on is not null then
        update source set verified_citations = verified_citations + sign where id = link.source_id;
        insert into publisher_citation_stats as s
        select * from publisher_citations(link.verified_on, link.claim_outlet, link.claim_type, link.source_publisher, sign)
        order by outlet, type_code, grain, starts
        on conflict on constraint publisher_citation_stats_key do update set citations = s.citations + excluded.citations;
    end if;
    update claim set source_count = source_count + sign where id = link.claim_id;
    return null;
end;
$$;

create function follow_claim_in_citations() returns trigger language plpgsql as $$
begin
    -- Sources whose count of verified citations changes (the claim became or stopped being
    -- verified). Popular sources are shared by many claims: lock them in one order, so that two
    -- claims verified at once wait for each other instead of deadlocking.
    perform 1 from source s
    where s.id in (select cs.source_id from claim_source cs cross join citation_of(new) latest
                   where cs.claim_id = new.id and (cs.verified_on is null) <> (latest.verified_on is null))
    order by s.id for no key update;
    update source s set verified_citations = s.verified_citations + change.citations
    from (select cs.source_id, one_if(latest.verified_on is not null, 1) - one_if(cs.verified_on is not null, 1) as citations
          from claim_source cs cross join citation_of(new) latest
          where cs.claim_id = new.id) change
    where s.id = change.source_id and change.citations <> 0;

    -- The claim's links counted as they were and as they will be, in one statement in key order.
    insert into publisher_citation_stats as s
    select x.outlet, x.type_code, x.grain, x.starts, x.publisher, sum(x.citations)
    from claim_source cs
    cross join citation_of(new) latest
    cross join lateral (
        select * from publisher_citations(cs.verified_on, cs.claim_outlet, cs.claim_type, cs.source_publisher, -1)
        union all
        select * from publisher_citations(latest.verified_on, latest.claim_outlet, latest.claim_type, cs.source_publisher, 1)
    ) x
    where cs.claim_id = new.id
    group by x.outlet, x.type_code, x.grain, x.starts, x.publisher
    having sum(x.citations) <> 0
    order by x.outlet, x.type_code, x.grain, x.starts, x.publisher
    on conflict on constraint publisher_citation_stats_key do update set citations = s.citations + excluded.citations;

    update claim_source cs set verified_on = x.verified_on, claim_outlet = x.claim_outlet, claim_type = x.claim_type
    from citation_of(new) x
    where cs.claim_id = new.id
      and (cs.verified_on, cs.claim_outlet, cs.claim_type) is distinct from (x.verified_on, x.claim_outlet, x.claim_type);
    return null;
end;
$$;

-- Overlapping pairs carry what agreement is counted by: the day the later claim was created, the
-- outlet, both reviewers (reviewer < other_reviewer, by id) and the type each of them chose, and
-- whether both claims are still there.
alter table claim_overlap
    add column day            date,
    add column outlet         text,
    add column reviewer       bigint references app_user (id),
    add column other_reviewer bigint references app_user (id),
    add column reviewer_type  text,
    add column other_type     text,
    add column live           boolean;

-- Every column of a pair of overlapping claims a and b.
create function overlap_of(a claim, b claim) returns claim_overlap language sql stable as $$
    select least(a.id, b.id), greatest(a.id, b.id),
           (greatest(a.created_at, b.created_at) at time zone 'UTC')::date, coalesce(d.outlet, ''),
           least(a.created_by, b.created_by), greatest(a.created_by, b.created_by),
           case when a.created_by < b.created_by then a.type_code else b.type_code end,
           case when a.created_by < b.created_by then b.type_code else a.type_code end,
           a.deleted_at is null and b.deleted_at is null
    from document d where d.id = a.document_id
$$;

create or replace function record_claim_overlaps() returns trigger language plpgsql as $$
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
    insert into claim_overlap
    select x.*
    from claim c cross join lateral overlap_of(new, c) x
    where c.document_id = new.document_id and c.id <> new.id and c.deleted_at is null
      and c.created_by <> new.created_by
      and c.start_offset < new.end_offset and new.start_offset < c.end_offset
    on conflict do nothing;
    return null;
end;
$$;

create function follow_claim_in_overlaps() returns trigger language plpgsql as $$
begin
    -- One at a time per document, as record_claim_overlaps: a pair being recorded meanwhile would
    -- otherwise keep this claim's former type or liveness.
    perform pg_advisory_xact_lock(new.document_id);
    update claim_overlap o set day = x.day, outlet = x.outlet, reviewer_type = x.reviewer_type,
                               other_type = x.other_type, live = x.live
    from claim a, claim b, overlap_of(a, b) x
    where (o.claim_id = new.id or o.other_claim_id = new.id)
      and a.id = o.claim_id and b.id = o.other_claim_id
      and o is distinct from x;
    return null;
end;
$$;

-- What the two summary tables hold, computed afresh from the claims (for the rebuild below, and for
-- tests that check the triggers kept them right).
create view claim_day_figures_recomputed as
select x.day, x.outlet, x.type_code, sum(x.created)::integer as created, sum(x.sent)::integer as sent,
       sum(x.verified)::integer as verified, sum(x.rejected)::integer as rejected,
       sum(x.sent_still_in_review)::integer as sent_still_in_review, sum(x.now_open)::integer as now_open,
       sum(x.now_in_review)::integer as now_in_review, sum(x.now_verified)::integer as now_verified,
       sum(x.now_rejected)::integer as now_rejected, sum(x.rated_true)::integer as rated_true,
       sum(x.rated_mostly_true)::integer as rated_mostly_true, sum(x.rated_mixed)::integer as rated_mixed,
       sum(x.rated_misleading)::integer as rated_misleading, sum(x.rated_false)::integer as rated_false,
       sum(x.rated_unproven)::integer as rated_unproven,
       sum(x.verified_with_0_sources)::integer as verified_with_0_sources,
       sum(x.verified_with_1_source)::integer as verified_with_1_source,
       sum(x.verified_with_2_sources)::integer as verified_with_2_sources,
       sum(x.verified_with_3_sources)::integer as verified_with_3_sources,
       sum(x.verified_with_4_sources)::integer as verified_with_4_sources,
       sum(x.verified_with_5_or_more)::integer as verified_with_5_or_more
from claim c cross join lateral claim_day_contributions(c, 1) x
group by x.day, x.outlet, x.type_code;

create view claim_author_day_figures_recomputed as
select c.created_by as author, x.day, sum(x.created)::integer as created, sum(x.sent)::integer as sent,
       sum(x.verified)::integer as verified, sum(x.rejected)::integer as rejected
from claim c cross join lateral claim_day_contributions(c, 1) x
group by c.created_by, x.day;

create view verification_time_stats_recomputed as
select x.grain, x.starts, x.outlet, x.type_code, x.bucket, sum(x.claims)::integer as claims
from claim c cross join lateral verification_time_contributions(c, 1) x
group by x.grain, x.starts, x.outlet, x.type_code, x.bucket;

create view publisher_citation_stats_recomputed as
select x.outlet, x.type_code, x.grain, x.starts, x.publisher, sum(x.citations)::integer as citations
from claim_source cs
cross join lateral publisher_citations(cs.verified_on, cs.claim_outlet, cs.claim_type, cs.source_publisher, 1) x
group by x.outlet, x.type_code, x.grain, x.starts, x.publisher;

-- Everything above, computed afresh from the claims, their links and their overlapping pairs: for
-- this migration and for bulk loads that run without triggers (the benchmark's generator).
create procedure rebuild_dashboard_summaries() language sql as $$
    update claim c set source_count = counted.n
    from (select c2.id, count(cs.claim_id)::integer as n
          from claim c2 left join claim_source cs on cs.claim_id = c2.id group by c2.id) counted
    where counted.id = c.id and c.source_count <> counted.n;

    update claim_source cs set verified_on = x.verified_on, claim_outlet = x.claim_outlet, claim_type = x.claim_type,
                               claim_author = x.claim_author, source_publisher = s.publisher
    from claim c cross join lateral citation_of(c) x, source s
    where c.id = cs.claim_id and s.id = cs.source_id;

    update claim_overlap o set day = x.day, outlet = x.outlet, reviewer = x.reviewer,
                               other_reviewer = x.other_reviewer, reviewer_type = x.reviewer_type,
                               other_type = x.other_type, live = x.live
    from claim a, claim b, overlap_of(a, b) x
    where a.id = o.claim_id and b.id = o.other_claim_id;

    update source s set verified_citations = counted.n
    from (select s2.id, count(cs.source_id)::integer as n
          from source s2 left join claim_source cs on cs.source_id = s2.id and cs.verified_on is not null
          group by s2.id) counted
    where counted.id = s.id and s.verified_citations <> counted.n;

    truncate claim_day_figures, claim_author_day_figures, verification_time_stats, publisher_citation_stats;

    insert into claim_day_figures select * from claim_day_figures_recomputed;
    insert into claim_author_day_figures select * from claim_author_day_figures_recomputed;
    insert into verification_time_stats select * from verification_time_stats_recomputed;
    insert into publisher_citation_stats select * from publisher_citation_stats_recomputed;
$$;

call rebuild_dashboard_summaries();

-- Indexes on what the rebuild wrote (built after it, not kept up during it).
create index source_most_cited_idx on source (verified_citations desc, id);
create index claim_source_verified_idx on claim_source (verified_on)
    include (source_id, claim_outlet, claim_type, source_publisher)
    where verified_on is not null;
create index claim_source_cited_idx on claim_source (source_id, verified_on)
    include (claim_outlet, claim_type, claim_author)
    where verified_on is not null;
create index claim_source_verified_by_author_idx on claim_source (claim_author, verified_on)
    include (source_id, claim_outlet, claim_type, source_publisher)
    where verified_on is not null;

-- From now on the triggers keep it all current (created after the rebuild, which would fire them).
create trigger claim_figures_followed
    after insert or update on claim
    for each row execute function follow_claim_figures();

create trigger citation_described
    before insert on claim_source
    for each row execute function describe_new_citation();

create trigger claim_sources_counted
    after insert or delete on claim_source
    for each row execute function count_claim_sources();

create trigger claim_citations_followed
    after update of status, decided_at, deleted_at, type_code on claim
    for each row execute function follow_claim_in_citations();

create trigger claim_overlaps_followed
    after update of type_code, deleted_at, created_at on claim
    for each row execute function follow_claim_in_overlaps();


alter table claim_overlap
    alter column day set not null, alter column outlet set not null, alter column reviewer set not null,
    alter column other_reviewer set not null, alter column reviewer_type set not null,
    alter column other_type set not null, alter column live set not null;

create index claim_overlap_day_idx on claim_overlap (day)
    include (outlet, reviewer, other_reviewer, reviewer_type, other_type)
    where live;
create index claim_overlap_disagreement_idx on claim_overlap (reviewer, other_reviewer, day)
    where live and reviewer_type <> other_type;

-- A reviewer's decided claims by decision time, with what their record counts (V0007's index for
-- them is by creation time and lacks the source count).
create index claim_author_decided_idx on claim (created_by, decided_at)
    include (status, confidence, source_count, created_at, type_code, document_id)
    where deleted_at is null and decided_at is not null;

-- Statistics for the planner on everything the rebuild rewrote and indexed.
analyze claim;
analyze claim_source;
analyze claim_overlap;
analyze source;
