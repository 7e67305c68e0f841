-- Sources, the review workflow, comments and the append-only history of claims.

-- A source is either a web page (url) or a passage of another Factmark document (document_id, and
-- optionally one of its claims). The same normalised URL is one source, shared by every claim.
create table source (
    id           bigint generated always as identity primary key,
    url          text        check (url ~* '^https?://'),
    document_id  bigint      references document (id),
    claim_id     bigint      references claim (id),
    title        text        not null check (length(title) between 1 and 500),
    publisher    text,
    kind         text        not null check (kind in ('PRIMARY_DOCUMENT', 'OFFICIAL_STATEMENT', 'NEWS_REPORT',
                                                      'EXPERT', 'DATASET', 'OTHER', 'FACTMARK_DOCUMENT')),
    accessed_on  date,
    archive_url  text        check (archive_url ~* '^https?://'),
    note         text,
    created_by   bigint      not null references app_user (id),
    created_at   timestamptz not null default now(),
    search       tsvector generated always as (
                     to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(publisher, '') || ' '
                                           || coalesce(url, ''))) stored,
    constraint source_is_a_url_or_a_document check ((url is null) <> (document_id is null)),
    constraint source_claim_needs_its_document check (claim_id is null or document_id is not null)
);

create unique index source_url_key on source (url) where url is not null;
create unique index source_passage_key on source (document_id, coalesce(claim_id, 0)) where document_id is not null;
create index source_search_idx on source using gin (search);

create table claim_source (
    claim_id   bigint      not null references claim (id),
    source_id  bigint      not null references source (id),
    stance     text        not null check (stance in ('SUPPORTS', 'REFUTES', 'CONTEXT')),
    excerpt    text,
    created_by bigint      not null references app_user (id),
    created_at timestamptz not null default now(),
    primary key (claim_id, source_id)
);

create index claim_source_source_idx on claim_source (source_id);

-- The verdict. Who decided and when is kept with the claim; every step also goes to claim_history.
alter table claim
    add column rating     text check (rating in ('TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'FALSE', 'UNPROVEN')),
    add column rationale  text,
    add column decided_by bigint references app_user (id),
    add column decided_at timestamptz,
    add column sent_to_review_at timestamptz;

create index claim_review_queue_idx on claim (sent_to_review_at) where status = 'IN_REVIEW' and deleted_at is null;

create table claim_comment (
    id         bigint generated always as identity primary key,
    claim_id   bigint      not null references claim (id),
    author_id  bigint      not null references app_user (id),
    body       text        not null check (length(body) between 1 and 4000),
    created_at timestamptz not null default now()
);

create index claim_comment_claim_idx on claim_comment (claim_id, id);

-- Every change to a claim, its links, its status and its comments, written in the same transaction
-- as the change. Append-only: the trigger refuses updates and deletes, whatever the code path.
create table claim_history (
    id         bigint generated always as identity primary key,
    claim_id   bigint      not null references claim (id),
    actor_id   bigint      not null references app_user (id),
    at         timestamptz not null default clock_timestamp(),
    action     text        not null,
    before     jsonb,
    after      jsonb
);

create index claim_history_claim_idx on claim_history (claim_id, id);

create function claim_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'claim history is append-only';
end;
$$;

create trigger claim_history_is_append_only
    before update or delete on claim_history
    for each row execute function claim_history_is_append_only();

-- Installation-wide settings that an admin may change.
create table app_setting (
    name    text primary key,
    value   text not null,
    version integer not null default 1
);

insert into app_setting (name, value) values ('four_eyes', 'true');
