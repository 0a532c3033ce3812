-- A small shim of the Supabase platform for plain PostgreSQL and PGlite (embedded mode, tests).
-- It provides only what our migrations rely on, with Supabase's names and semantics:
--   roles anon / authenticated / service_role, schema auth (users, uid(), role(), jwt()),
--   schema realtime (messages, send(), topic()).
-- The grants copy Supabase's permissive defaults on purpose (every new table in public is fully
-- granted to anon and authenticated): the migrations must revoke and grant least privilege
-- themselves, so a test that passes here proves they are safe on Supabase too.
-- Idempotent: it runs at every start of the embedded server.

do $$
begin
	if not exists (select 1 from pg_roles where rolname = 'anon') then
		create role anon nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'authenticated') then
		create role authenticated nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'service_role') then
		create role service_role nologin noinherit bypassrls;
	end if;
end
$$;

-- Supabase's defaults for schema public.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- auth: accounts. Embedded mode keeps the username in `email` (there is no mail in embedded mode).
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
	id uuid primary key default gen_random_uuid(),
	email text unique,
	encrypted_password text,
	raw_app_meta_data jsonb not null default '{}'::jsonb,
	raw_user_meta_data jsonb not null default '{}'::jsonb,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
-- Callers never read accounts; only the platform (service_role, the owner) does.
revoke all on auth.users from public, anon, authenticated;
grant all on auth.users to service_role;

-- The same bodies as Supabase's: the claims come from the request's `request.jwt.claims` setting.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

-- realtime: Supabase's broadcast-from-database table. Supabase uses a uuid id and partitions by
-- day; here the id is a bigint identity so the embedded SSE stream has monotonic event ids
-- (Last-Event-ID replays `id > last`).
create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

create table if not exists realtime.messages (
	id bigint generated always as identity primary key,
	topic text not null,
	extension text not null default 'broadcast',
	payload jsonb,
	event text,
	private boolean default false,
	updated_at timestamp not null default now(),
	inserted_at timestamp not null default now()
);
create index if not exists messages_topic_id_idx on realtime.messages (topic, id);
alter table realtime.messages enable row level security;
-- Permissive table grants like Supabase: the migrations' RLS policies decide who reads what.
grant select, insert, update, delete on realtime.messages to anon, authenticated, service_role;

-- Supabase sets `realtime.topic` while it authorizes a client joining a channel.
create or replace function realtime.topic() returns text
language sql stable
as $$
	select nullif(current_setting('realtime.topic', true), '')::text
$$;
grant execute on function realtime.topic() to anon, authenticated, service_role;

create or replace function realtime.send(
	payload jsonb,
	event text,
	topic text,
	private boolean default true
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	new_id bigint;
	new_at timestamptz;
	note text;
begin
	-- Serialize senders until commit, so ids become visible in id order even on a multi-connection
	-- PostgreSQL server: a reader resuming "after id N" can then never skip a later commit of a
	-- smaller id. (PGlite is one backend anyway.)
	perform pg_advisory_xact_lock(7355608);
	insert into realtime.messages (payload, event, topic, private, extension)
	values (send.payload, send.event, send.topic, send.private, 'broadcast')
	returning id, inserted_at into new_id, new_at;
	-- The whole row when it fits NOTIFY's 8,000-byte payload (the app servers then need no read);
	-- else only its id.
	note := jsonb_build_object('id', new_id, 'topic', send.topic, 'event', send.event,
		'payload', send.payload, 'private', send.private, 'inserted_at', new_at)::text;
	perform pg_notify('realtime', case when octet_length(note) < 7900 then note else new_id::text end);
end
$$;
revoke all on function realtime.send(jsonb, text, text, boolean) from public, anon, authenticated;
grant execute on function realtime.send(jsonb, text, text, boolean) to service_role;
