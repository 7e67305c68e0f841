-- Live collaboration (docs/decisions/0007). Every instance LISTENs on the one channel 'factmark';
-- the triggers below announce what changed with a small text payload ("kind:id:..."), and the
-- receiving instance reads the change itself from the tables. NOTIFY is transactional: a payload is
-- delivered only when its transaction commits, so a failed save announces nothing.

-- Every change to a claim, its status, its sources or its comments writes a history row: announce
-- it as claim:<document>:<claim>:<actor>.
create function announce_claim_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('factmark', 'claim:' || c.document_id || ':' || new.claim_id || ':' || new.actor_id)
    from claim c where c.id = new.claim_id;
    return null;
end;
$$;

create trigger claim_history_announced
    after insert on claim_history
    for each row execute function announce_claim_change();

create function announce_new_document() returns trigger language plpgsql as $$
begin
    perform pg_notify('factmark', 'document:' || new.id || ':0:' || new.created_by);
    return null;
end;
$$;

create trigger document_announced
    after insert on document
    for each row execute function announce_new_document();

-- Who has which document open, one row per open workspace (browser tab). Rows live only while the
-- tab sends its heartbeat, so the table is unlogged: after a crash it starts empty, as it should.
create unlogged table presence (
    tab_key          text        primary key,
    document_id      bigint      not null references document (id),
    user_id          bigint      not null references app_user (id),
    editing_claim_id bigint      references claim (id),
    joined_at        timestamptz not null default now(),
    seen_at          timestamptz not null default now()
);

create index presence_document_idx on presence (document_id);
create index presence_seen_idx on presence (seen_at);

-- Heartbeats only touch seen_at and are not announced; joining, leaving and what a tab edits are.
create function announce_presence() returns trigger language plpgsql as $$
begin
    perform pg_notify('factmark', 'presence:' || coalesce(new.document_id, old.document_id) || ':0:'
                                  || coalesce(new.user_id, old.user_id));
    return null;
end;
$$;

create trigger presence_announced
    after insert or delete or update of editing_claim_id on presence
    for each row execute function announce_presence();

-- The in-app inbox: a reviewer hears when a claim they created is commented on, verified or rejected.
create table inbox_message (
    id           bigint generated always as identity primary key,
    recipient_id bigint      not null references app_user (id),
    claim_id     bigint      not null references claim (id),
    actor_id     bigint      not null references app_user (id),
    event        text        not null check (event in ('COMMENTED', 'VERIFIED', 'REJECTED')),
    at           timestamptz not null default now(),
    read_at      timestamptz
);

create index inbox_message_recipient_idx on inbox_message (recipient_id, id desc);

create function announce_inbox_message() returns trigger language plpgsql as $$
begin
    perform pg_notify('factmark', 'inbox:' || new.recipient_id || ':' || new.claim_id || ':' || new.actor_id);
    return null;
end;
$$;

create trigger inbox_message_announced
    after insert or update of read_at on inbox_message
    for each row execute function announce_inbox_message();
