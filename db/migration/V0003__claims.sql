-- Claims: spans of a document's text that a reviewer marked as checkable, with their type.

-- The claim-type taxonomy is data, edited by admins; a type in use is retired, never deleted.
create table claim_type (
    code        text    primary key check (code ~ '^[a-z][a-z0-9_-]{1,31}$'),
    name        text    not null check (length(name) between 1 and 60),
    colour      text    not null check (colour ~ '^#[0-9a-f]{6}$'),
    description text    not null default '',
    active      boolean not null default true,
    position    integer not null,
    version     integer not null default 1
);

insert into claim_type (code, name, colour, description, position) values
    ('event',       'Event',       '#1c7ed6', 'Something happened',                                       1),
    ('statistic',   'Statistic',   '#e8590c', 'A number or quantity',                                     2),
    ('quote',       'Quote',       '#7048e8', 'A direct quotation',                                       3),
    ('attribution', 'Attribution', '#0ca678', 'A statement credited to a source, named or anonymous',     4),
    ('causal',      'Causal',      '#d6336c', 'X caused Y',                                               5),
    ('prediction',  'Prediction',  '#f59f00', 'A claim about the future',                                 6),
    ('policy',      'Policy',      '#1098ad', 'An official position or decision',                         7),
    ('opinion',     'Opinion',     '#868e96', 'Not checkable as fact',                                    8);

create table claim (
    id           bigint generated always as identity primary key,
    document_id  bigint      not null references document (id),
    -- UTF-16 code units into document.body, end exclusive; quote, prefix and suffix are copies of
    -- the text there, so an anchor can be checked and re-found without the document.
    start_offset integer     not null,
    end_offset   integer     not null,
    quote        text        not null,
    prefix       text        not null,
    suffix       text        not null,
    type_code    text        not null references claim_type (code),
    confidence   text        not null check (confidence in ('LOW', 'MEDIUM', 'HIGH')),
    claimant     text,
    note         text,
    restatement  text        not null,
    status       text        not null default 'OPEN'
                             check (status in ('OPEN', 'IN_REVIEW', 'VERIFIED', 'REJECTED')),
    version      integer     not null default 1,
    created_by   bigint      not null references app_user (id),
    created_at   timestamptz not null default now(),
    updated_by   bigint      not null references app_user (id),
    updated_at   timestamptz not null default now(),
    -- Deleting keeps the row for the history; deleted claims are invisible everywhere else.
    deleted_by   bigint      references app_user (id),
    deleted_at   timestamptz,
    constraint claim_span check (0 <= start_offset and start_offset < end_offset),
    constraint claim_quote_matches_span check (length(quote) > 0),
    constraint claim_deleted_by_and_at check ((deleted_at is null) = (deleted_by is null))
);

create index claim_document_order_idx on claim (document_id, start_offset, end_offset desc)
    where deleted_at is null;
