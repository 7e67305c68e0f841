-- Fills a Factmark database with two years of a large desk's work, for the dashboard benchmark
-- (BENCHMARKS.md): 200 reviewers, 50,000 documents from 12 outlets, 1,000,000 claims and about
-- 2,000,000 claim-source links over 200,000 sources, with realistic skew: a few reviewers,
-- outlets, documents and sources carry much of the work, recent months are busier than old ones,
-- and many claims overlap other reviewers' claims (for the agreement figures).
--
-- Run by DashboardBenchmark (./mvnw -Pbenchmark verify -Dit.test=DashboardBenchmark), or by hand
-- on a migrated database, as a superuser:  psql -d factmark -f src/test/resources/scale/dashboard-data.sql
-- It adds to what is there and needs six to eight minutes on two cores. The generated reviewers
-- cannot sign in (their password hash is not a hash).

-- Bulk loading: skip the triggers (announcements, overlap pairs, summaries); all are filled below at once.
set session_replication_role = replica;

insert into app_user (username, display_name, password_hash)
select 'gen-reviewer-' || lpad(n::text, 3, '0'), 'Generated Reviewer ' || n, 'not a password hash'
from generate_series(1, 200) n;

insert into user_role (user_id, role)
select id, 'REVIEWER' from app_user where username like 'gen-reviewer-%';

create temporary table gen_user as
select row_number() over (order by id) as n, id from app_user where username like 'gen-reviewer-%';
create index on gen_user (n);
analyze gen_user;

insert into document (title, body, outlet, published_at, sha256, text_length, created_by, created_at)
select 'Generated article ' || n, body, 'Outlet ' || lpad((1 + floor(12 * power(random(), 2)))::int::text, 2, '0'),
       (created_at - interval '1 day')::date, encode(sha256(convert_to(body, 'UTF8')), 'hex'), length(body),
       (select id from gen_user where gen_user.n = 1 + (article.n % 200)), created_at
-- Arrivals grow steadily: twice as many articles a day now as two years ago (density 1 + t/T).
from (select n, now() - interval '730 days' + interval '730 days' * (sqrt(1 + 3 * random()) - 1) as created_at,
             'Generated article ' || n || E'.\n' || repeat('Officials said the figures had been checked by several independent sources. ', 40) as body
      from generate_series(1, 50000) n) article;

create temporary table gen_doc as
select row_number() over (order by id) as n, id, body, created_at
from document where title like 'Generated article %';
create index on gen_doc (n);
analyze gen_doc;

-- Nine "hot spots" per article, where reviewers often mark the same sentence; elsewhere anywhere.
create temporary table gen_claim_plan as
select g,
       1 + floor(50000 * power(random(), 1.3))::int as doc_n,
       1 + floor(200 * power(random(), 2))::int as author_n,
       random() < 0.35 as hot,
       floor(random() * 9)::int as spot,
       random() as r_start, random() as r_len, random() as r_type, random() as r_agree, random() as r_status,
       random() as r_conf, random() as r_rating, random() as r_time, random() as r_wait, random() as r_age
from generate_series(1, 1000000) g;
analyze gen_claim_plan;

insert into claim (document_id, start_offset, end_offset, quote, prefix, suffix, type_code, confidence, restatement,
                   status, version, created_by, created_at, updated_by, updated_at, rating, rationale, decided_by,
                   decided_at, sent_to_review_at)
select d.id, span.start_offset, span.end_offset,
       substr(d.body, span.start_offset + 1, span.end_offset - span.start_offset),
       substr(d.body, greatest(1, span.start_offset - 31), least(32, span.start_offset)),
       substr(d.body, span.end_offset + 1, 32),
       kind.type_code, kind.confidence, substr(d.body, span.start_offset + 1, span.end_offset - span.start_offset),
       timing.status, 1, u.id, timing.created_at, u.id, timing.created_at,
       case when timing.status = 'VERIFIED' then (array['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'FALSE', 'UNPROVEN'])[1 + floor(6 * power(p.r_rating, 1.5))::int] end,
       case when timing.status in ('VERIFIED', 'REJECTED') then 'Generated verdict' end,
       case when timing.status in ('VERIFIED', 'REJECTED') then decider.id end,
       timing.decided_at, timing.sent_at
from gen_claim_plan p
join gen_doc d on d.n = p.doc_n
join gen_user u on u.n = p.author_n
join gen_user decider on decider.n = 1 + (p.g % 20)
cross join lateral (
    select case when p.hot then 20 + p.spot * 330 + floor(p.r_start * 6)::int
                else floor(p.r_start * 2900)::int end as start_offset) s0
cross join lateral (
    select s0.start_offset,
           s0.start_offset + case when p.hot then 40 + floor(p.r_len * 10)::int else 15 + floor(p.r_len * 70)::int end
               as end_offset) span
cross join lateral (
    select case when p.hot and p.r_agree < 0.7
                then (array['statistic', 'quote', 'attribution', 'event', 'statistic', 'causal', 'prediction', 'policy', 'attribution'])[1 + p.spot]
                else (array['statistic', 'statistic', 'statistic', 'quote', 'quote', 'attribution', 'attribution', 'event',
                            'event', 'causal', 'prediction', 'policy', 'opinion'])[1 + floor(p.r_type * 13)::int] end as type_code,
           case when p.r_conf < 0.25 then 'LOW' when p.r_conf < 0.7 then 'MEDIUM' else 'HIGH' end as confidence) kind
-- Claims are marked within three days of the article's arrival.
cross join lateral (
    select least(now(), d.created_at + interval '72 hours' * p.r_age) as created_at) born
-- How recent the claim is: 1 today, 0 a month or more ago.
cross join lateral (
    select greatest(0, 1 - extract(epoch from now() - born.created_at) / (30 * 86400)) as share) recent
cross join lateral (
    select born.created_at,
           -- Older claims are more often decided; high confidence holds up more often than low.
           case when p.r_status < 0.12 + 0.5 * recent.share then 'OPEN'
                when p.r_status < 0.20 + 0.6 * recent.share then 'IN_REVIEW'
                when random() < 0.65 + 0.25 * p.r_conf then 'VERIFIED'
                else 'REJECTED' end as status) decided
cross join lateral (
    select decided.status, born.created_at,
           case when decided.status <> 'OPEN'
                then least(now(), born.created_at + interval '1 hour' * (1 + 47 * p.r_wait)) end as sent_at) sent
cross join lateral (
    select sent.status as status, born.created_at, sent.sent_at,
           case when sent.status in ('VERIFIED', 'REJECTED')
                then least(now(), sent.sent_at + interval '1 hour' * (1 + 300 * power(p.r_time, 3))) end as decided_at) timing;

insert into source (url, title, publisher, kind, created_by)
select 'https://source-' || n || '.example/report', 'Report ' || n,
       'Publisher ' || lpad((1 + floor(300 * power(random(), 2)))::int::text, 3, '0'), 'NEWS_REPORT',
       (select id from gen_user where gen_user.n = 1)
from generate_series(1, 200000) n;

create temporary table gen_source as
select row_number() over (order by id) as n, id from source where url like 'https://source-%.example/report';
create index on gen_source (n);
analyze gen_source;

-- Verified claims cite one to five sources, the others none to two; popular sources are cited often.
insert into claim_source (claim_id, source_id, stance, created_by)
select c.id, s.id, (array['SUPPORTS', 'SUPPORTS', 'REFUTES', 'CONTEXT'])[1 + floor(random() * 4)::int], c.created_by
from claim c
join gen_doc d on d.id = c.document_id
cross join lateral generate_series(1, case when c.status = 'VERIFIED' then 1 + floor(random() * 4.5)::int
                                           else floor(random() * 3)::int end) k
-- The source is drawn first (a volatile value), then looked up by its number.
cross join lateral (select 1 + ((floor(200000 * power(random(), 3))::int + k * 7919) % 200000) as n) pick
join gen_source s on s.n = pick.n
on conflict do nothing;

insert into claim_overlap
select (overlap_of(a, b)).*
from claim a
join gen_doc d on d.id = a.document_id
join claim b on b.document_id = a.document_id and a.id < b.id and a.created_by <> b.created_by
            and a.start_offset < b.end_offset and b.start_offset < a.end_offset and b.deleted_at is null
where a.deleted_at is null
on conflict do nothing;

-- What the triggers would have kept: source counts, the links' and pairs' copies, the summaries.
call rebuild_dashboard_summaries();

set session_replication_role = origin;

vacuum analyze app_user;
vacuum analyze document;
vacuum analyze claim;
vacuum analyze source;
vacuum analyze claim_source;
vacuum analyze claim_overlap;
vacuum analyze claim_day_figures;
vacuum analyze claim_author_day_figures;
vacuum analyze publisher_citation_stats;
vacuum analyze verification_time_stats;
