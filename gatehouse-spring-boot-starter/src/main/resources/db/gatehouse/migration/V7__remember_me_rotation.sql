-- Remember-me tokens rotate on every use (series + token); the token just replaced stays
-- valid for a short grace so parallel requests of the same browser are not taken for theft.
alter table gh_remember_me add column previous_token_hash varchar(64);
alter table gh_remember_me add column rotated_at timestamp with time zone;
