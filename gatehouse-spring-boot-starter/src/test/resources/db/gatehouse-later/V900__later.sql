-- stands for a migration a later release adds
create table gh_later (id bigint primary key);
