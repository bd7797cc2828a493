-- Tokens a provider issued at an external sign-in, kept only for providers configured with
-- store-tokens, encrypted by Gatehouse's field encryptor (AES-GCM under a key derived from the
-- secret key). One row per linked identity, replaced at each sign-in; it goes with its identity
-- (unlink, account deletion).
create table gh_external_token (
    identity_id   bigint        not null primary key references gh_external_identity (id) on delete cascade,
    access_token  varchar(8192) not null,
    refresh_token varchar(8192),
    expires_at    timestamp with time zone,
    scopes        varchar(1024),
    updated_at    timestamp with time zone not null
);
