-- Invenio-Accounts and Invenio-OAuth2Server tables as their Alembic revisions leave them in PostgreSQL,
-- written by hand from the revision files (github.com/inveniosoftware/invenio-accounts at 17420e3,
-- github.com/inveniosoftware/invenio-oauth2server v6.0.0, 897a361):
--   invenio_accounts: 843bc79c426f, 9848d0149abd, e12419831262, 999dcbd19ace, dfbdf43a3e96,
--                     62efc52773d4, eb9743315a9d, f2522cdd5fcd, 037afe10e9ff, 6ec5ce377ca3, 23e196599f9f (head)
--   invenio_oauth2server: aa546f2a8d2f, 12a88921ada2, 4e57407b8e4a, 3d7f57a61d67 (head)
-- Tables the migration does not read (accounts_domain_org, accounts_domain_category, the transaction
-- table of SQLAlchemy-Continuum) are left out. IPAddressType is Unicode(50); StringEncryptedType is a
-- varchar holding base64; UTCDateTime stays "timestamp without time zone" holding UTC.
create table alembic_version (
    version_num varchar(32) not null,
    constraint alembic_version_pkc primary key (version_num)
);
insert into alembic_version (version_num) values ('23e196599f9f'), ('3d7f57a61d67');

-- 9848d0149abd, 999dcbd19ace (created, updated, version_id), f2522cdd5fcd (id varchar(80), is_managed)
create table accounts_role (
    id          varchar(80)  not null,
    name        varchar(80),
    description varchar(255),
    created     timestamp    not null,
    updated     timestamp    not null,
    version_id  integer      not null,
    is_managed  boolean      not null,
    constraint pk_accounts_role primary key (id),
    constraint uq_accounts_role_name unique (name)
);

-- 9848d0149abd; login columns moved out by dfbdf43a3e96; 999dcbd19ace; eb9743315a9d (profile, preferences,
-- displayname, username); 037afe10e9ff (blocked_at, verified_at); 6ec5ce377ca3 (domain)
create table accounts_user (
    id           serial       not null,
    email        varchar(255),
    password     varchar(255),
    active       boolean,
    confirmed_at timestamp,
    created      timestamp    not null,
    updated      timestamp    not null,
    version_id   integer      not null,
    profile      jsonb,
    preferences  jsonb,
    displayname  varchar(255),
    username     varchar(255),
    blocked_at   timestamp,
    verified_at  timestamp,
    domain       varchar(255),
    constraint pk_accounts_user primary key (id),
    constraint uq_accounts_user_email unique (email),
    constraint uq_accounts_user_username unique (username)
);

-- 9848d0149abd, e12419831262 (browser, browser_version, country, device, ip, os)
create table accounts_user_session_activity (
    created         timestamp    not null,
    updated         timestamp    not null,
    sid_s           varchar(255) not null,
    user_id         integer,
    browser         varchar(80),
    browser_version varchar(30),
    country         varchar(3),
    device          varchar(80),
    ip              varchar(80),
    os              varchar(80),
    constraint pk_accounts_user_session_activity primary key (sid_s),
    constraint fk_accounts_session_activity_user_id foreign key (user_id) references accounts_user (id)
);

-- 9848d0149abd, f2522cdd5fcd (role_id varchar(80))
create table accounts_userrole (
    user_id integer,
    role_id varchar(80),
    constraint fk_accounts_userrole_user_id foreign key (user_id) references accounts_user (id),
    constraint fk_accounts_userrole_role_id foreign key (role_id) references accounts_role (id)
);

-- dfbdf43a3e96
create table accounts_user_login_information (
    user_id          integer     not null,
    current_login_at timestamp,
    current_login_ip varchar(50),
    last_login_at    timestamp,
    last_login_ip    varchar(50),
    login_count      integer,
    constraint pk_accounts_user_login_information primary key (user_id),
    constraint fk_accounts_login_information_user_id foreign key (user_id) references accounts_user (id)
);

-- 62efc52773d4
create table accounts_useridentity (
    created timestamp    not null,
    updated timestamp    not null,
    id      varchar(255) not null,
    method  varchar(255) not null,
    id_user integer      not null,
    constraint pk_accounts_useridentity primary key (id, method),
    constraint fk_accounts_useridentity_id_user_accounts_user foreign key (id_user) references accounts_user (id)
);
create unique index accounts_useridentity_id_user_method on accounts_useridentity (id_user, method);

-- 6ec5ce377ca3 (without its org and category tables)
create table accounts_domains (
    created        timestamp    not null,
    updated        timestamp    not null,
    id             serial       not null,
    domain         varchar(255) not null,
    tld            varchar(255) not null,
    status         integer      not null,
    flagged        boolean      not null,
    flagged_source varchar(255) not null,
    org_id         integer,
    category       integer,
    num_users      integer      not null,
    num_active     integer      not null,
    num_inactive   integer      not null,
    num_confirmed  integer      not null,
    num_verified   integer      not null,
    num_blocked    integer      not null,
    constraint pk_accounts_domains primary key (id),
    constraint uq_accounts_domains_domain unique (domain)
);

-- invenio-oauth2server 12a88921ada2, 4e57407b8e4a (on delete cascade, indexes), 3d7f57a61d67 (UTC expires)
create table oauth2server_client (
    name            varchar(40),
    description     text,
    website         text,
    user_id         integer,
    client_id       varchar(255) not null,
    client_secret   varchar(255) not null,
    is_confidential boolean,
    is_internal     boolean,
    _redirect_uris  text,
    _default_scopes text,
    constraint pk_oauth2server_client primary key (client_id),
    constraint fk_oauth2server_client_user_id_accounts_user foreign key (user_id)
        references accounts_user (id) on delete cascade
);
create unique index ix_oauth2server_client_client_secret on oauth2server_client (client_secret);
create index ix_oauth2server_client_user_id on oauth2server_client (user_id);

create table oauth2server_token (
    id            serial       not null,
    client_id     varchar(255) not null,
    user_id       integer,
    token_type    varchar(255),
    access_token  varchar,
    refresh_token varchar,
    expires       timestamp,
    _scopes       text,
    is_personal   boolean,
    is_internal   boolean,
    constraint pk_oauth2server_token primary key (id),
    constraint fk_oauth2server_token_client_id_oauth2server_client foreign key (client_id)
        references oauth2server_client (client_id) on delete cascade,
    constraint fk_oauth2server_token_user_id_accounts_user foreign key (user_id)
        references accounts_user (id) on delete cascade
);
create unique index ix_oauth2server_token_access_token on oauth2server_token (access_token);
create unique index ix_oauth2server_token_refresh_token on oauth2server_token (refresh_token);
create index ix_oauth2server_token_user_id on oauth2server_token (user_id);
create index ix_oauth2server_token_client_id on oauth2server_token (client_id);
