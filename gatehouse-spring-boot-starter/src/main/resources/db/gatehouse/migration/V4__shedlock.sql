-- ShedLock: scheduled clean-ups run once per cluster, whatever the number of instances.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
