-- 気象庁防災情報XML for 狛江市 (docs/jma.md). The ingester (server, as the platform) stores each
-- telegram once through public.jma_ingest(); everyone reads the parsed part (JMA data is public,
-- 出典：気象庁ホームページ); the raw XML is kept for audit and read by the platform only. What is
-- "in effect" is derived from the latest telegram of each stream (public.jma_in_effect), never by
-- adding telegrams up.
--
--   table / view       anon / authenticated       service_role (ingester)
--   jma_telegrams      select (not raw_xml)       all, through jma_ingest()
--   jma_feed_entries   -                          all (feed entries already fetched)
--   jma_feed_state     -                          all (ETag / Last-Modified per feed)
--   jma_in_effect      select                     select

create table public.jma_telegrams (
	id bigint generated always as identity primary key,
	received_at timestamptz not null default now(),
	source text not null check (source in ('feed', 'post', 'drop')),
	-- Atom entry id when it came from a feed (unique: an entry is stored once).
	entry_id text unique check (char_length(entry_id) <= 500),
	-- Same telegram however it arrives: Control/Title, office, Head title, EventID, Serial,
	-- InfoType, ReportDateTime and Control/Status (a 訂正 or a later Serial is another telegram).
	dedupe_key text not null unique check (char_length(dedupe_key) <= 2000),
	sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
	control_title text not null check (char_length(control_title) between 1 and 200),
	control_status text not null check (control_status in ('通常', '訓練', '試験')),
	publishing_office text not null check (char_length(publishing_office) <= 500),
	head_title text not null check (char_length(head_title) <= 500),
	report_at timestamptz not null,
	valid_until timestamptz,
	event_id text not null check (char_length(event_id) <= 200),
	info_type text not null check (info_type in ('発表', '訂正', '取消')),
	serial integer check (serial >= 0),
	info_kind text not null check (char_length(info_kind) <= 200),
	family text not null check (family in
		('warning', 'landslide', 'flood', 'heavy_rain', 'tornado', 'quake', 'eew')),
	stream text not null check (char_length(stream) between 1 and 200),
	-- 警戒レベル相当 of the active Komae items (highest).
	level smallint check (level between 1 and 5),
	-- The Komae items, JMA's names unaltered: [{name, code, status, active, level, levelSource,
	-- area: {code, name}, stations?: [...]}].
	items jsonb not null check (jsonb_typeof(items) = 'array'),
	headline text not null check (char_length(headline) <= 20000),
	-- The 取消 telegram that voided this one.
	voided_by bigint references public.jma_telegrams (id),
	raw_xml text not null check (octet_length(raw_xml) <= 10485760)
);
create index jma_telegrams_stream_idx on public.jma_telegrams (stream, report_at desc);
create index jma_telegrams_report_idx on public.jma_telegrams (report_at desc);

create table public.jma_feed_entries (
	entry_id text primary key check (char_length(entry_id) <= 500),
	fetched_at timestamptz not null default now(),
	-- stored | not_komae | duplicate | invalid
	outcome text not null check (outcome in ('stored', 'not_komae', 'duplicate', 'invalid'))
);

create table public.jma_feed_state (
	url text primary key check (char_length(url) <= 2000),
	etag text,
	last_modified text,
	updated_at timestamptz not null default now()
);

revoke all on public.jma_telegrams, public.jma_feed_entries, public.jma_feed_state
	from anon, authenticated;
grant select (id, received_at, source, control_title, control_status, publishing_office,
	head_title, report_at, valid_until, event_id, info_type, serial, info_kind, family, stream,
	level, items, headline, voided_by) on public.jma_telegrams to anon, authenticated;
alter table public.jma_telegrams enable row level security;
alter table public.jma_feed_entries enable row level security;
alter table public.jma_feed_state enable row level security;
create policy jma_telegrams_read on public.jma_telegrams for select to anon, authenticated
	using (true);
-- No insert/update/delete policy and no write grant for anon/authenticated: only the platform
-- (service_role bypasses RLS; the embedded server is the owner) writes, via jma_ingest().

-- In effect for 狛江市: per stream the latest telegram that is 通常, not a 取消 and not voided by
-- one (a 訂正 at the same time and Serial wins over its original); its active items; minus what
-- lapsed (valid_until). H27 warnings give way to the 2026 (R06) families once an R06 telegram is
-- at least as recent: one family per hazard.
create view public.jma_in_effect with (security_invoker = true) as
with latest as (
	select distinct on (t.stream) t.id, t.stream, t.family, t.control_title, t.head_title,
		t.report_at, t.valid_until, t.event_id, t.info_type, t.serial, t.level, t.headline,
		(select coalesce(jsonb_agg(i), '[]'::jsonb) from jsonb_array_elements(t.items) as i
			where (i ->> 'active')::boolean) as items
	from public.jma_telegrams as t
	where t.control_status = '通常' and t.info_type <> '取消' and t.voided_by is null
	order by t.stream, t.report_at desc, t.serial desc nulls last, (t.info_type = '訂正') desc,
		t.id desc
)
select l.* from latest as l
where jsonb_array_length(l.items) > 0
	and (l.valid_until is null or l.valid_until > now())
	and not (l.stream = 'warning:h27' and exists (
		select 1 from latest as r where r.stream like 'warning:r06:%' and r.report_at >= l.report_at));
grant select on public.jma_in_effect to anon, authenticated;

-- jma_ingest(telegram, raw_xml, source, entry_id) → {id, stored, duplicate, changed}.
-- `telegram` is the parser's output (src/lib/jma/types.ts). Idempotent on dedupe_key and entry_id.
-- A 取消 voids, in its stream, the telegrams of its EventID (or, without one, the latest earlier
-- telegram); a 取消 whose body names no Komae item finds its stream by EventID. Sends 'telegram'
-- on the public `jma` topic for each stored telegram and 'in_effect' when what is in effect
-- changed.
create function public.jma_ingest(telegram jsonb, raw_xml text, source text, entry_id text)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	target_stream text := telegram ->> 'stream';
	before jsonb;
	after jsonb;
	new_id bigint;
begin
	perform public.require_object(telegram);
	if target_stream is null and telegram ->> 'infoType' = '取消' and telegram ->> 'eventId' <> '' then
		select t.stream into target_stream from public.jma_telegrams as t
		where t.event_id = telegram ->> 'eventId' and t.control_title = telegram ->> 'controlTitle'
		order by t.id desc limit 1;
	end if;
	if target_stream is null then
		return jsonb_build_object('id', null, 'stored', false, 'duplicate', false, 'changed', false);
	end if;
	-- One ingest at a time: before/after of the view must not interleave with another ingest.
	perform pg_advisory_xact_lock(7355609);
	select coalesce(jsonb_agg(to_jsonb(e) order by e.stream), '[]'::jsonb) into before
	from public.jma_in_effect as e;

	insert into public.jma_telegrams as t (source, entry_id, dedupe_key, sha256, control_title,
		control_status, publishing_office, head_title, report_at, valid_until, event_id, info_type,
		serial, info_kind, family, stream, level, items, headline, raw_xml)
	values (
		jma_ingest.source,
		jma_ingest.entry_id,
		telegram ->> 'dedupeKey',
		encode(sha256(convert_to(jma_ingest.raw_xml, 'UTF8')), 'hex'),
		telegram ->> 'controlTitle',
		telegram ->> 'controlStatus',
		telegram ->> 'publishingOffice',
		telegram ->> 'headTitle',
		(telegram ->> 'reportDateTime')::timestamptz,
		(telegram ->> 'validUntil')::timestamptz,
		telegram ->> 'eventId',
		telegram ->> 'infoType',
		(telegram ->> 'serial')::integer,
		telegram ->> 'infoKind',
		telegram ->> 'family',
		target_stream,
		(telegram ->> 'level')::smallint,
		coalesce(telegram -> 'items', '[]'::jsonb),
		coalesce(telegram ->> 'headline', ''),
		jma_ingest.raw_xml
	)
	on conflict do nothing
	returning t.id into new_id;
	if new_id is null then
		return jsonb_build_object('id', null, 'stored', false, 'duplicate', true, 'changed', false);
	end if;

	if telegram ->> 'infoType' = '取消' then
		update public.jma_telegrams as t set voided_by = new_id
		where t.stream = target_stream and t.id <> new_id and t.voided_by is null
			and t.info_type <> '取消'
			and t.control_status = telegram ->> 'controlStatus'
			and case when telegram ->> 'eventId' <> '' then t.event_id = telegram ->> 'eventId'
				else t.id = (select p.id from public.jma_telegrams as p
					where p.stream = target_stream and p.id <> new_id and p.voided_by is null
						and p.info_type <> '取消' and p.report_at <= (telegram ->> 'reportDateTime')::timestamptz
					order by p.report_at desc, p.id desc limit 1)
			end;
	end if;

	select coalesce(jsonb_agg(to_jsonb(e) order by e.stream), '[]'::jsonb) into after
	from public.jma_in_effect as e;
	perform realtime.send(jsonb_build_object('id', new_id, 'stream', target_stream,
		'head_title', telegram ->> 'headTitle', 'info_type', telegram ->> 'infoType',
		'report_at', telegram ->> 'reportDateTime'), 'telegram', 'jma', false);
	-- Compare the items, not the telegram ids: a 継続 that changes nothing announces nothing.
	if (select coalesce(jsonb_agg(jsonb_build_array(b ->> 'stream', b -> 'items', b -> 'level')), '[]')
			from jsonb_array_elements(before) as b)
		is distinct from
		(select coalesce(jsonb_agg(jsonb_build_array(a ->> 'stream', a -> 'items', a -> 'level')), '[]')
			from jsonb_array_elements(after) as a) then
		perform realtime.send(jsonb_build_object('in_effect', after), 'in_effect', 'jma', false);
		return jsonb_build_object('id', new_id, 'stored', true, 'duplicate', false, 'changed', true);
	end if;
	return jsonb_build_object('id', new_id, 'stored', true, 'duplicate', false, 'changed', false);
end
$$;
revoke execute on function public.jma_ingest(jsonb, text, text, text) from public, anon, authenticated;
grant execute on function public.jma_ingest(jsonb, text, text, text) to service_role;

-- Realtime: the public `jma` topic (its own permissive policy; bosai_receive_topics unchanged).
create policy bosai_receive_jma on realtime.messages for select to anon, authenticated
	using (
		realtime.messages.extension = 'broadcast'
		and coalesce((select realtime.topic()), realtime.messages.topic) = 'jma'
	);
