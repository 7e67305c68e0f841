-- The answers to POSTs sent with an Idempotency-Key (docs/decisions/0011). The row is written in the
-- same transaction as whatever the request created, so either both are committed or neither is;
-- a retry with the same key replays the answer. Keys expire after 24 hours.
create table idempotency_key (
    user_id        bigint      not null references app_user (id),
    key            text        not null,
    request_hash   bytea       not null,
    status         integer     not null,
    location       text,
    etag           text,
    content_type   text,
    body           bytea       not null,
    created_at     timestamptz not null default now(),
    primary key (user_id, key)
);
