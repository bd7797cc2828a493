-- OpenID Connect provider (gatehouse.features.oidc-provider). The three oauth2_* tables are Spring
-- Authorization Server's JDBC schema under the names its JDBC services require, adapted to run
-- unchanged on H2 (PostgreSQL mode) and PostgreSQL: varchar without length instead of blob/text
-- (one JDBC type on both), timestamps with time zone.
create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null,
    client_id_issued_at           timestamp with time zone default current_timestamp not null,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamp with time zone,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null,
    constraint oauth2_registered_client_client_id_uq unique (client_id),
    constraint oauth2_registered_client_name_uq unique (client_name)
);

create table oauth2_authorization (
    id                            varchar(100)  not null primary key,
    registered_client_id          varchar(100)  not null,
    principal_name                varchar(200)  not null,
    authorization_grant_type      varchar(100)  not null,
    authorized_scopes             varchar(1000),
    attributes                    varchar,
    state                         varchar(500),
    authorization_code_value      varchar,
    authorization_code_issued_at  timestamp with time zone,
    authorization_code_expires_at timestamp with time zone,
    authorization_code_metadata   varchar,
    access_token_value            varchar,
    access_token_issued_at        timestamp with time zone,
    access_token_expires_at       timestamp with time zone,
    access_token_metadata         varchar,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           varchar,
    oidc_id_token_issued_at       timestamp with time zone,
    oidc_id_token_expires_at      timestamp with time zone,
    oidc_id_token_metadata        varchar,
    refresh_token_value           varchar,
    refresh_token_issued_at       timestamp with time zone,
    refresh_token_expires_at      timestamp with time zone,
    refresh_token_metadata        varchar,
    user_code_value               varchar,
    user_code_issued_at           timestamp with time zone,
    user_code_expires_at          timestamp with time zone,
    user_code_metadata            varchar,
    device_code_value             varchar,
    device_code_issued_at         timestamp with time zone,
    device_code_expires_at        timestamp with time zone,
    device_code_metadata          varchar
);
create index oauth2_authorization_principal_ix on oauth2_authorization (principal_name);
create index oauth2_authorization_client_ix on oauth2_authorization (registered_client_id);

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- Refresh tokens replaced by rotation (SHA-256 of each): presenting one again means it was copied,
-- and the authorization it belonged to is revoked with every token in it.
create table gh_oidc_replaced_refresh_token (
    token_hash       varchar(64)  not null primary key,
    authorization_id varchar(100) not null,
    expires_at       timestamp with time zone not null
);
create index gh_oidc_replaced_refresh_token_authorization_ix on gh_oidc_replaced_refresh_token (authorization_id);

-- Token signing keys: the private key encrypted with the field encryptor (gatehouse.secret-key);
-- a retired key stays published in the JWKS until publish_until, when the last token it signed has expired.
create table gh_oidc_signing_key (
    kid           varchar(64)  not null primary key,
    algorithm     varchar(16)  not null,
    private_jwk   varchar      not null,
    created_at    timestamp with time zone not null,
    retired_at    timestamp with time zone,
    publish_until timestamp with time zone
);
