-- Clean-up of the OpenID Connect provider's rows. An authorization waiting for the user's consent holds no token and
-- so no expiry: its creation time says when it was abandoned. Spring Authorization Server names its columns in every
-- statement, so a column of Gatehouse's own beside them changes nothing for it.
alter table oauth2_authorization add column created_at timestamp with time zone default current_timestamp not null;
create index gh_oidc_replaced_refresh_token_expires_ix on gh_oidc_replaced_refresh_token (expires_at);
