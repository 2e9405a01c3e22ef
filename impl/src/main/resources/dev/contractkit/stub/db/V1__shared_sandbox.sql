-- The shared sandbox (--store jdbc:postgresql://...): everything a stub remembers, shared by its replicas.

-- A collection's scope (a Layer business; '' for an unscoped collection) exists apart from its items.
create table resource_scope (
    vendor     text not null,
    collection text not null,
    scope      text not null,
    primary key (vendor, collection, scope)
);

-- Each item as the vendor's JSON; seq keeps a scope's items oldest first, as lists answer them.
create table resource (
    vendor     text   not null,
    collection text   not null,
    scope      text   not null,
    id         text   not null,
    seq        bigserial,
    body       jsonb  not null,
    primary key (vendor, collection, scope, id),
    foreign key (vendor, collection, scope) references resource_scope on delete cascade
);
create index resource_in_order on resource (vendor, collection, scope, seq);

-- The journal, newest --journal-size entries (bodies capped at 64 KB by the stub).
create table journal (
    seq           bigserial primary key,
    vendor        text        not null,
    operation     text,
    method        text        not null,
    path          text        not null,
    headers       jsonb       not null,
    body          bytea       not null,
    status        integer     not null,
    response_body bytea       not null,
    received_at   timestamptz not null
);

-- Armed faults in arming order; remaining counts the uses left across every replica (null: until cleared).
create table fault (
    seq       bigserial primary key,
    id        text  not null unique,
    vendor    text  not null,
    operation text,
    spec      jsonb not null,
    remaining integer
);

-- One token bucket a vendor, refilled by the database's clock so every replica counts alike.
create table rate_bucket (
    vendor      text             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);

-- Set once the loaded data (--data, or the embedded default) went in: a later start keeps what is stored.
create table sandbox_loaded (
    loaded_at timestamptz not null
);

-- Takes a token from a vendor's bucket (made full on first use), refilled greedily by the time since the last
-- take; one replica at a time, holding the bucket's row.
create function rate_bucket_take(p_vendor text, p_burst double precision, p_per_second double precision,
                                 out o_consumed boolean, out o_tokens double precision, out o_available double precision)
language plpgsql as $$
declare
    v_tokens double precision;
    v_refilled timestamptz;
    v_now timestamptz;
begin
    insert into rate_bucket (vendor, tokens, refilled_at) values (p_vendor, p_burst, clock_timestamp())
        on conflict do nothing;
    select b.tokens, b.refilled_at into v_tokens, v_refilled from rate_bucket b where b.vendor = p_vendor for update;
    v_now := greatest(clock_timestamp(), v_refilled);
    o_available := least(p_burst, v_tokens + extract(epoch from v_now - v_refilled) * p_per_second);
    o_consumed := o_available >= 1;
    o_tokens := case when o_consumed then o_available - 1 else o_available end;
    update rate_bucket b set tokens = o_tokens, refilled_at = v_now where b.vendor = p_vendor;
end
$$;
