-- Documents are what reviewers annotate. Claims anchor to UTF-16 offsets in body, so the body
-- never changes once stored; the trigger below makes that a database guarantee, not a habit.
create table document (
    id           bigint generated always as identity primary key,
    title        text        not null check (length(title) between 1 and 500),
    body         text        not null check (length(body) > 0),
    url          text        check (url ~* '^https?://'),
    outlet       text,
    published_at date,
    sha256       char(64)    not null,
    text_length  integer     not null,
    created_by   bigint      not null references app_user (id),
    created_at   timestamptz not null default now(),
    search       tsvector generated always as (
                     setweight(to_tsvector('english', title), 'A')
                     || setweight(to_tsvector('english', body), 'B')) stored
);

create index document_search_idx on document using gin (search);
create index document_newest_idx on document (created_at desc, id desc);

create function document_body_is_immutable() returns trigger language plpgsql as $$
begin
    if new.body is distinct from old.body then
        raise exception 'the text of document % cannot change once stored', old.id;
    end if;
    return new;
end;
$$;

create trigger document_body_is_immutable
    before update on document
    for each row execute function document_body_is_immutable();
