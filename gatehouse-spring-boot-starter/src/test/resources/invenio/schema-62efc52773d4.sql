-- Invenio-Accounts at Alembic revision 62efc52773d4 (Invenio-Accounts 1.4: login information in its own
-- table, identities in accounts_useridentity, integer role ids, no username/profile columns) and
-- Invenio-OAuth2Server at 3d7f57a61d67, written by hand from the revision files
-- (github.com/inveniosoftware/invenio-accounts at 17420e3, invenio-oauth2server v6.0.0):
--   invenio_accounts: 843bc79c426f, 9848d0149abd, e12419831262, 999dcbd19ace, dfbdf43a3e96, 62efc52773d4
--   invenio_oauth2server: aa546f2a8d2f, 12a88921ada2, 4e57407b8e4a, 3d7f57a61d67
create table alembic_version (
    version_num varchar(32) not null,
    constraint alembic_version_pkc primary key (version_num)
);
insert into alembic_version (version_num) values ('62efc52773d4'), ('3d7f57a61d67');

create table accounts_role (
    id          serial       not null,
    name        varchar(80),
    description varchar(255),
    created     timestamp    not null,
    updated     timestamp    not null,
    version_id  integer      not null,
    constraint pk_accounts_role primary key (id),
    constraint uq_accounts_role_name unique (name)
);

create table accounts_user (
    id           serial       not null,
    email        varchar(255),
    password     varchar(255),
    active       boolean,
    confirmed_at timestamp,
    created      timestamp    not null,
    updated      timestamp    not null,
    version_id   integer      not null,
    constraint pk_accounts_user primary key (id),
    constraint uq_accounts_user_email unique (email)
);

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

create table accounts_userrole (
    user_id integer,
    role_id integer,
    constraint fk_accounts_userrole_user_id foreign key (user_id) references accounts_user (id),
    constraint fk_accounts_userrole_role_id foreign key (role_id) references accounts_role (id)
);

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
