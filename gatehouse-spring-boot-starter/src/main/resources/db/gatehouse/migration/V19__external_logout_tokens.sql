-- Back-channel logout tokens an external provider sent and Gatehouse obeyed, kept until they are too old to be
-- accepted anyway: a token that comes again (a replay) is refused on every instance. Expired rows are deleted when
-- the next token arrives.
create table gh_external_logout_token (
    provider   varchar(64)              not null,
    jti        varchar(255)             not null,
    expires_at timestamp with time zone not null,
    primary key (provider, jti)
);
create index gh_external_logout_token_expires_ix on gh_external_logout_token (expires_at);
