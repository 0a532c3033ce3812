-- bosai-map schema: tables and check constraints. The codes in the checks are exactly those of
-- src/lib/domain/vocabulary.ts (tests/unit/db-migrations.test.ts compares them).
-- Runs unchanged on Supabase (PostgreSQL 15/17) and on the embedded shim (PGlite, PostgreSQL).

-- True when every element is non-null and 1..max_len characters long (checks on text[] columns).
create function public.texts_within(items text[], max_len integer) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
	select coalesce(bool_and(item is not null and char_length(item) between 1 and max_len), true)
	from unnest(items) as item
$$;

-- An alert text: {"ja": "…", other locales of src/lib/i18n/locales.ts: "…"}; ja is required.
create function public.alert_text_valid(body jsonb) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
	select jsonb_typeof(body) = 'object'
		and jsonb_typeof(body -> 'ja') = 'string'
		and coalesce((
			select bool_and(
				key in ('ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko')
				and jsonb_typeof(value) = 'string'
				and char_length(value #>> '{}') between 1 and 2000
			)
			from jsonb_each(body)
		), false)
$$;

create table public.shelters (
	id text primary key check (char_length(id) between 1 and 64),
	name text not null check (char_length(name) between 1 and 200),
	address text not null default '' check (char_length(address) <= 300),
	kind text not null check (kind in ('shelter', 'emergency_site', 'both')),
	lon double precision not null check (lon between -180 and 180),
	lat double precision not null check (lat between -90 and 90),
	-- Unknown capacity is null, never 0: the GSI data has none.
	capacity integer check (capacity between 1 and 1000000),
	hazards text[] not null default '{}' check (
		hazards <@ array['flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'large_fire',
			'inland_flood', 'volcano']
		and public.texts_within(hazards, 20)
	),
	-- 福祉避難所 (from GSI 受入対象者).
	welfare boolean not null default false,
	accepted_people text check (char_length(accepted_people) <= 200),
	inside_city boolean not null default true,
	notes text check (char_length(notes) <= 1000),
	sources text[] not null default '{}' check (
		cardinality(sources) <= 20 and public.texts_within(sources, 100)
	),
	-- Hidden shelters never leave the database for anon (RLS).
	hidden boolean not null default false,
	-- 臨時避難所 added by HQ during an event.
	ad_hoc boolean not null default false,
	-- Last seed from the importer; the seed overwrites only rows not edited since.
	seeded_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

-- Who may do what: `hq` (災害対策本部) or `staff` bound to exactly one shelter.
create table public.staff (
	user_id uuid primary key references auth.users (id) on delete cascade,
	role text not null check (role in ('hq', 'staff')),
	shelter_id text references public.shelters (id) on delete restrict,
	created_at timestamptz not null default now(),
	constraint staff_shelter_iff_staff check ((role = 'staff') = (shelter_id is not null))
);
create index staff_shelter_idx on public.staff (shelter_id);

-- City-wide switches; exactly one row.
create table public.settings (
	id boolean primary key default true check (id),
	drill_mode boolean not null default false,
	updated_at timestamptz not null default now(),
	updated_by uuid
);
insert into public.settings (id) values (true);

-- Append-only: nobody updates or deletes a report (grants and a trigger).
create table public.shelter_reports (
	id bigint generated always as identity primary key,
	-- Idempotency key made by the terminal's outbox.
	client_id uuid not null unique,
	shelter_id text not null references public.shelters (id) on delete restrict,
	-- auth.users id; no foreign key so removing an account never rewrites history.
	reporter uuid,
	status text not null check (status in ('not_opened', 'preparing', 'open', 'closed')),
	evacuees integer check (evacuees between 0 and 100000),
	crowding text not null check (
		crowding in ('vacant', 'slightly_crowded', 'crowded', 'full', 'unknown')
	),
	needs text[] not null default '{}' check (
		needs <@ array['water', 'food', 'blankets', 'medical', 'medicine', 'toilets', 'power',
			'baby_supplies', 'staff', 'interpreters']
		and cardinality(needs) <= 10
		and public.texts_within(needs, 20)
	),
	note text not null default '' check (char_length(note) <= 500),
	-- Client clock (the outbox may deliver hours later); sane range only.
	reported_at timestamptz not null check (reported_at > timestamptz '2020-01-01'),
	received_at timestamptz not null default now(),
	-- Stamped from settings.drill_mode at insert (訓練).
	drill boolean not null default false,
	constraint shelter_reports_not_future check (reported_at <= received_at + interval '1 day')
);
create index shelter_reports_shelter_idx on public.shelter_reports (shelter_id, id desc);
create index shelter_reports_received_idx on public.shelter_reports (received_at desc);

-- Latest status per shelter (the public part), kept by a trigger on shelter_reports. The full
-- latest report stays in shelter_reports (readable by HQ and the shelter's staff only).
create table public.shelter_status (
	shelter_id text primary key references public.shelters (id) on delete cascade,
	status text not null check (status in ('not_opened', 'preparing', 'open', 'closed')),
	crowding text not null check (
		crowding in ('vacant', 'slightly_crowded', 'crowded', 'full', 'unknown')
	),
	-- When the status was last confirmed (server clock): drives "stale" flags.
	updated_at timestamptz not null,
	-- Client clock of the report shown: an older report delivered late does not override it.
	reported_at timestamptz not null,
	drill boolean not null default false
);

create table public.alerts (
	id uuid primary key default gen_random_uuid(),
	-- 警戒レベル 3 高齢者等避難 / 4 避難指示 / 5 緊急安全確保.
	level smallint not null check (level in (3, 4, 5)),
	hazard text not null check (
		hazard in ('flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'large_fire',
			'inland_flood', 'volcano')
	),
	-- 町丁目 names, or {all} for the whole city.
	areas text[] not null check (
		cardinality(areas) between 1 and 200 and public.texts_within(areas, 100)
	),
	text jsonb not null check (public.alert_text_valid(text)),
	issued_by uuid,
	issued_at timestamptz not null default now(),
	expires_at timestamptz,
	cancelled_at timestamptz,
	cancelled_by uuid,
	-- The earlier alert this one updates (CAP msgType Update / references); that one is cancelled.
	references_id uuid references public.alerts (id),
	drill boolean not null default false,
	constraint alerts_expiry_after_issue check (expires_at > issued_at),
	constraint alerts_cancel_after_issue check (cancelled_at >= issued_at),
	constraint alerts_cancel_has_actor check ((cancelled_at is null) = (cancelled_by is null))
);
create index alerts_issued_idx on public.alerts (issued_at desc);

-- HQ → one shelter (shelter_id) or all shelters (shelter_id null).
create table public.messages (
	id uuid primary key default gen_random_uuid(),
	shelter_id text references public.shelters (id) on delete cascade,
	body text not null check (char_length(body) between 1 and 2000),
	sent_by uuid,
	sent_at timestamptz not null default now(),
	drill boolean not null default false
);
create index messages_shelter_idx on public.messages (shelter_id, sent_at desc);

-- Read receipts: one per message and shelter (a message to all is read shelter by shelter).
create table public.message_reads (
	message_id uuid not null references public.messages (id) on delete cascade,
	shelter_id text not null references public.shelters (id) on delete cascade,
	read_by uuid not null,
	read_at timestamptz not null default now(),
	primary key (message_id, shelter_id)
);

create table public.audit_log (
	id bigint generated always as identity primary key,
	at timestamptz not null default now(),
	-- auth.uid() of the caller; null for the platform (seed, CLI, migrations).
	actor uuid,
	table_name text not null check (char_length(table_name) <= 63),
	action text not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
	row_id text,
	old jsonb,
	new jsonb
);
create index audit_log_at_idx on public.audit_log (at desc);
