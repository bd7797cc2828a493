-- PostgreSQL only: LIKE 'prefix%' uses a b-tree index only with the C collation or a
-- pattern_ops index, so the admin user search stays an index range scan at a million users.
create index gh_user_email_key_prefix_ix on gh_user (email_key varchar_pattern_ops);
create index gh_user_username_key_prefix_ix on gh_user (username_key varchar_pattern_ops);
