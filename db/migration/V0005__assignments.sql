-- Editors assign documents to reviewers; each reviewer keeps their own state per document.
-- A missing row means NEW; a document's overall progress is derived from these rows, never stored.
create table assignment (
    document_id bigint      not null references document (id),
    reviewer_id bigint      not null references app_user (id),
    state       text        not null default 'NEW' check (state in ('NEW', 'IN_PROGRESS', 'DONE')),
    assigned_by bigint      not null references app_user (id),
    assigned_at timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (document_id, reviewer_id)
);

create index assignment_reviewer_idx on assignment (reviewer_id, state);
