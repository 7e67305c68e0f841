-- Accounts and their roles. Passwords are stored only as bcrypt hashes.
create table app_user (
    id            bigint generated always as identity primary key,
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    version       integer     not null default 0,
    constraint app_user_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$')
);

create unique index app_user_username_key on app_user (lower(username));

create table user_role (
    user_id bigint not null references app_user (id),
    role    text   not null check (role in ('REVIEWER', 'EDITOR', 'ADMIN')),
    primary key (user_id, role)
);
