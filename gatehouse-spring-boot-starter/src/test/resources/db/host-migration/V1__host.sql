-- an application's own first migration, as in the report of issue 16
create table host_note (id bigint primary key, text varchar(200));
