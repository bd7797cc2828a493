-- WebAuthn (security keys and passkeys). Spring Security's JDBC repositories name their tables
-- user_entities / user_credentials, which could clash with a host application's own tables, so
-- Gatehouse keeps the same data in its own gh_ tables (JdbcWebAuthnUserEntities / JdbcWebAuthnCredentials).

-- The WebAuthn user handle of an account: random bytes, never the user id or email (authenticators keep it).
create table gh_webauthn_user (
    user_id      bigint        not null primary key references gh_user (id) on delete cascade,
    user_handle  bytea         not null,
    constraint gh_webauthn_user_handle_uq unique (user_handle)
);

create table gh_webauthn_credential (
    credential_id      bytea         not null primary key,
    user_id            bigint        not null references gh_user (id) on delete cascade,
    label              varchar(64)   not null,
    credential_type    varchar(32)   not null,
    public_key         bytea         not null,
    signature_count    bigint        not null,
    uv_initialized     boolean       not null,
    backup_eligible    boolean       not null,
    backup_state       boolean       not null,
    transports         varchar(255),
    attestation_object bytea,
    attestation_client_data_json bytea,
    created_at         timestamp with time zone not null,
    last_used_at       timestamp with time zone
);
create index gh_webauthn_credential_user_ix on gh_webauthn_credential (user_id);
