-- When a user was banned (deactivated): shown with the ban; kept from Invenio's blocked_at.
alter table gh_user add column banned_at timestamp with time zone;
-- Invenio-Accounts' verified_at: an administrator checked the account is not spam (kept, not yet shown).
alter table gh_user add column verified_at timestamp with time zone;

-- What `migrate invenio` has moved: one row per Invenio row (its database, kind and key there), written in the
-- same transaction as the Gatehouse rows it made, so a re-run after a crash continues where the
-- last committed batch ended and reports everything before as already migrated.
create table gh_invenio_migration (
    source       varchar(128) not null,
    kind         varchar(20)  not null,
    invenio_key  varchar(600) not null,
    gatehouse_id bigint,
    -- what of the Invenio row a later run compares (users: password and sign-in status), to follow changes
    invenio_state varchar(100),
    migrated_at  timestamp with time zone not null,
    constraint gh_invenio_migration_pk primary key (source, kind, invenio_key)
);
