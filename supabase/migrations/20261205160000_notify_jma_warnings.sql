-- 「気象警報も受け取る」 (issues 13/14): a subscriber may opt in to JMA's warnings of 警戒レベル3相当
-- and above for 狛江市. docs/notifications.md ("JMA warnings") has the rules; in short:
--
-- * Kinds: 'warning' (every 気象警報 stream, H27 and R06 together), 'landslide' (土砂災害警戒情報) and
--   'flood-<river code>' (指定河川洪水予報, one per river). A kind's level is the highest 警戒レベル相当
--   of its rows in public.jma_in_effect; only levels 3–5 count.
-- * notify.jma_state remembers, per kind, the level last seen at 3 or above. After every stored
--   telegram of those families (and after a 取消 voids one), the trigger compares: a kind that
--   reaches 3+ or rises above the remembered level makes one notify.jma_events row ('raised')
--   and one delivery per subscriber with jma on (areas and drills do not matter: JMA's warnings
--   are for the whole city, and only 通常 telegrams are ever in effect). A kind that drops below 3
--   or leaves the view makes an 'ended' event, delivered to those who were sent its raise. A fall
--   that stays at 3+ (L4 → L3) is remembered silently, so a new rise notifies again.
-- * Exactly once: all of it runs in the telegram's own transaction, under jma_ingest's lock;
--   events are unique per (telegram, kind), deliveries per (event, subscriber). The same telegram
--   again is a duplicate (not stored, no trigger); a 継続 at the same level changes no state.
--
-- Privacy as before: schema notify is closed to anon and authenticated, RLS on and no policy.

alter table notify.subscribers add column jma boolean not null default false;

create table notify.jma_state (
	kind text primary key check (kind ~ '^[a-z0-9-]{1,60}$'),
	level smallint not null check (level between 3 and 5),
	title text not null check (char_length(title) <= 1000)
);

create table notify.jma_events (
	id bigint generated always as identity primary key,
	-- The telegram whose storing (or 取消) made the change.
	telegram_id bigint not null references public.jma_telegrams (id),
	kind text not null check (kind ~ '^[a-z0-9-]{1,60}$'),
	-- raised: the new level; ended: the level that ended.
	level smallint not null check (level between 3 and 5),
	ended boolean not null,
	-- JMA's own titles, unaltered: a warning's item names at that level (「レベル３大雨警報」), else
	-- the telegram's head title (「東京都レベル４土砂災害危険警報」, 「多摩川レベル４氾濫危険警報」).
	title text not null check (char_length(title) <= 1000),
	headline text not null check (char_length(headline) <= 20000),
	report_at timestamptz not null,
	created_at timestamptz not null default now(),
	constraint jma_events_once unique (telegram_id, kind)
);

alter table notify.deliveries add column jma_event_id bigint
	references notify.jma_events (id) on delete cascade;
alter table notify.deliveries drop constraint deliveries_version_alert;
-- version 0 (confirmation mail) has no subject; 1/2 have an alert or a JMA event, never both.
alter table notify.deliveries add constraint deliveries_version_subject check (
	(version = 0) = (alert_id is null and jma_event_id is null)
	and num_nonnulls(alert_id, jma_event_id) <= 1
);
alter table notify.deliveries add constraint deliveries_jma_once unique (jma_event_id, subscriber_id);

alter table notify.jma_state enable row level security;
alter table notify.jma_events enable row level security;
revoke all on notify.jma_state, notify.jma_events from public, anon, authenticated;
grant all on notify.jma_state, notify.jma_events to service_role;

-- ---------------------------------------------------------------------------------------------
-- Preferences: {jma} next to {areas, locale, drills}.

-- The `jma` preference (absent: false); raises 22023 when it is not a boolean.
create function notify.jma_pref(prefs jsonb) returns boolean
language plpgsql immutable
set search_path = ''
as $$
begin
	if jsonb_typeof(coalesce(prefs -> 'jma', 'false'::jsonb)) <> 'boolean' then
		raise exception 'jma must be true or false' using errcode = '22023';
	end if;
	return coalesce((prefs ->> 'jma')::boolean, false);
end
$$;

create or replace function notify.subscription_view(subscriber uuid) returns jsonb
language sql stable
set search_path = ''
as $$
	select jsonb_build_object(
		'channel', s.channel,
		'areas', to_jsonb(s.areas),
		'locale', s.locale,
		'drills', s.drills,
		'jma', s.jma,
		'confirmed', s.channel = 'push' or s.confirmed_at is not null,
		'email_hint', case when s.email is null then null
			else left(s.email, 1) || '…@' || split_part(s.email, '@', 2) end,
		'created_at', s.created_at
	)
	from notify.subscribers as s where s.id = subscriber
$$;

-- The resident RPCs of 20261202200000 keep doing everything else (validation, rate limit,
-- tokens); they move to schema notify under new names and the public ones wrap them, setting
-- `jma` in the same transaction.
alter function public.subscribe_push(jsonb) set schema notify;
alter function notify.subscribe_push(jsonb) rename to subscribe_push_prefs;
alter function public.subscribe_email(jsonb) set schema notify;
alter function notify.subscribe_email(jsonb) rename to subscribe_email_prefs;
alter function public.update_subscription(text, jsonb) set schema notify;
alter function notify.update_subscription(text, jsonb) rename to update_subscription_prefs;

-- subscribe_push({endpoint, keys, areas, locale, drills, jma}) → {manage_token, …view}.
create function public.subscribe_push(subscription jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	wants boolean := notify.jma_pref(subscription);
	result jsonb := notify.subscribe_push_prefs(subscription);
begin
	update notify.subscribers as s set jma = wants where s.endpoint = subscription ->> 'endpoint';
	return result || jsonb_build_object('jma', wants);
end
$$;

-- subscribe_email({email, areas, locale, drills, jma}) → {status: 'pending'}. As before, an address
-- already confirmed keeps its preferences (it gets its "change" link by mail instead).
create function public.subscribe_email(subscription jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	wants boolean := notify.jma_pref(subscription);
	result jsonb := notify.subscribe_email_prefs(subscription);
begin
	update notify.subscribers as s set jma = wants
	where s.email = lower(trim(subscription ->> 'email')) and s.confirmed_at is null;
	return result;
end
$$;

-- update_subscription(token, {areas, locale, drills, jma}) → the view.
create function public.update_subscription(token text, prefs jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	subscriber uuid := notify.subscriber_of(token);
	wants boolean := notify.jma_pref(prefs);
	result jsonb := notify.update_subscription_prefs(token, prefs);
begin
	update notify.subscribers as s set jma = wants where s.id = subscriber;
	return result || jsonb_build_object('jma', wants);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- What is in effect at レベル3相当 and above, per notification kind.

create function notify.jma_levels() returns table (
	kind text, level smallint, title text, headline text, report_at timestamptz
)
language sql stable
set search_path = ''
as $$
	with rows as (
		select case e.family when 'flood' then 'flood-' || split_part(e.stream, ':', 2)
				else e.family end as kind,
			e.id, e.family, e.level, e.head_title, e.headline, e.report_at, e.items
		from public.jma_in_effect as e
		where e.family in ('warning', 'landslide', 'flood') and e.level >= 3
	), ranked as (
		select r.*, max(r.level) over (partition by r.kind) as top_level from rows as r
	)
	select t.kind, max(t.top_level)::smallint,
		string_agg(distinct coalesce(x.name, t.head_title), '・' order by coalesce(x.name, t.head_title)),
		(array_agg(t.headline order by t.report_at desc, t.id desc))[1],
		max(t.report_at)
	from ranked as t
	left join lateral (
		select case when t.family = 'warning' then i ->> 'name' else t.head_title end as name
		from jsonb_array_elements(t.items) as i
		where (i ->> 'level')::integer = t.top_level
	) as x on true
	where t.level = t.top_level
	group by t.kind
$$;

-- One delivery of a JMA event per subscriber with jma on (raised), or per subscriber who was
-- sent this kind's raise since its last end (ended).
create function notify.enqueue_jma(event bigint) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	e notify.jma_events;
begin
	select * into e from notify.jma_events as j where j.id = event;
	if not e.ended then
		insert into notify.deliveries (jma_event_id, version, subscriber_id, channel, push_service)
		select e.id, 1, s.id, s.channel, s.push_service
		from notify.subscribers as s
		where s.jma and (s.channel = 'push' or (s.confirmed_at is not null and s.bounced_at is null))
		on conflict on constraint deliveries_jma_once do nothing;
		return;
	end if;
	insert into notify.deliveries (jma_event_id, version, subscriber_id, channel, push_service)
	select distinct on (s.id) e.id, 2, s.id, s.channel, s.push_service
	from notify.deliveries as d
	join notify.jma_events as raised on raised.id = d.jma_event_id
	join notify.subscribers as s on s.id = d.subscriber_id
	where raised.kind = e.kind and not raised.ended and d.status <> 'failed' and s.jma
		and raised.id > coalesce((select max(p.id) from notify.jma_events as p
			where p.kind = e.kind and p.ended and p.id < e.id), 0)
	on conflict on constraint deliveries_jma_once do nothing;
end
$$;

create function notify.on_jma_telegram() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	cause bigint := coalesce(new.voided_by, new.id);
	r record;
	event bigint;
begin
	-- The same lock as jma_ingest (held already when it is the caller): one evaluation at a time.
	perform pg_advisory_xact_lock(7355609);
	for r in
		select n.*, s.level as was from notify.jma_levels() as n
		left join notify.jma_state as s on s.kind = n.kind
	loop
		if r.was is null or r.level > r.was then
			event := null;
			insert into notify.jma_events (telegram_id, kind, level, ended, title, headline, report_at)
			values (cause, r.kind, r.level, false, r.title, r.headline, r.report_at)
			on conflict on constraint jma_events_once do nothing
			returning id into event;
			if event is not null then
				perform notify.enqueue_jma(event);
			end if;
		end if;
		insert into notify.jma_state as s (kind, level, title) values (r.kind, r.level, r.title)
		on conflict (kind) do update set level = excluded.level, title = excluded.title;
	end loop;
	for r in
		delete from notify.jma_state as s
		where not exists (select 1 from notify.jma_levels() as n where n.kind = s.kind)
		returning s.kind, s.level, s.title
	loop
		event := null;
		insert into notify.jma_events (telegram_id, kind, level, ended, title, headline, report_at)
		select cause, r.kind, r.level, true, r.title, '', t.report_at
		from public.jma_telegrams as t where t.id = cause
		on conflict on constraint jma_events_once do nothing
		returning id into event;
		if event is not null then
			perform notify.enqueue_jma(event);
		end if;
	end loop;
	return null;
end
$$;

-- After the statement (row triggers fire at its end): a 取消 is stored first, then voids.
create trigger jma_telegrams_enqueue_notifications
	after insert or update of voided_by on public.jma_telegrams
	for each row when (new.family in ('warning', 'landslide', 'flood'))
	execute function notify.on_jma_telegram();

-- ---------------------------------------------------------------------------------------------
-- Worker: the JMA event of each claimed delivery (notify.claim answers alerts only).

-- jma_claimed([delivery ids]) → [{id, event: {id, kind, level, ended, title, headline, report_at}}].
create function notify.jma_claimed(delivery_ids bigint[]) returns jsonb
language sql stable security definer
set search_path = ''
as $$
	select coalesce(jsonb_agg(jsonb_build_object(
		'id', d.id,
		'event', jsonb_build_object('id', e.id, 'kind', e.kind, 'level', e.level, 'ended', e.ended,
			'title', e.title, 'headline', e.headline, 'report_at', e.report_at)
	) order by d.id), '[]'::jsonb)
	from notify.deliveries as d join notify.jma_events as e on e.id = d.jma_event_id
	where d.id = any (delivery_ids)
$$;

revoke execute on function notify.jma_pref(jsonb), notify.subscription_view(uuid),
	notify.subscribe_push_prefs(jsonb), notify.subscribe_email_prefs(jsonb),
	notify.update_subscription_prefs(text, jsonb), notify.jma_levels(), notify.enqueue_jma(bigint),
	notify.on_jma_telegram(), notify.jma_claimed(bigint[])
	from public, anon, authenticated;
grant execute on function notify.jma_pref(jsonb), notify.subscription_view(uuid),
	notify.subscribe_push_prefs(jsonb), notify.subscribe_email_prefs(jsonb),
	notify.update_subscription_prefs(text, jsonb), notify.jma_levels(), notify.enqueue_jma(bigint),
	notify.on_jma_telegram(), notify.jma_claimed(bigint[])
	to service_role;

revoke execute on function public.subscribe_push(jsonb), public.subscribe_email(jsonb),
	public.update_subscription(text, jsonb) from public;
grant execute on function public.subscribe_push(jsonb), public.subscribe_email(jsonb),
	public.update_subscription(text, jsonb) to anon, authenticated;
