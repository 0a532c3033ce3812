-- Alert notifications (issue 13): Web Push and e-mail subscriptions per 町丁目, and the delivery
-- outbox the worker drains. docs/notifications.md has the design.
--
-- Privacy: subscriptions live in schema `notify`, which anon and authenticated cannot even use
-- (no USAGE; PostgREST on Supabase does not expose it), with RLS on and no policy as a second
-- wall. Residents reach their own row only through the security definer RPCs below, by an
-- unguessable token whose sha256 is all that is stored. HQ sees counts per area and per alert,
-- never a row. Only the platform (service_role: the delivery worker) reads subscriptions.
--
-- Exactly once: issuing or cancelling an alert inserts one notify.deliveries row per matching
-- subscriber in the same transaction (trigger on public.alerts), unique on
-- (alert_id, version, subscriber_id). The worker claims rows with a lease; a row left `sending` by
-- a killed worker is claimed again after the lease, and the notification's tag / the push Topic
-- header (= alert id) make that rare re-send replace, never double.

create schema notify;
revoke all on schema notify from public, anon, authenticated;
grant usage on schema notify to service_role;

create table notify.subscribers (
	id uuid primary key default gen_random_uuid(),
	channel text not null check (channel in ('push', 'email')),
	-- 町丁目 names, or {all} for 市内全域.
	areas text[] not null check (cardinality(areas) between 1 and 20 and public.texts_within(areas, 100)),
	locale text not null check (locale in ('ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko')),
	-- Receive 訓練 (drill) alerts too.
	drills boolean not null default false,
	-- Web Push (RFC 8030/8291): the push service URL and the browser's keys (base64url).
	endpoint text unique check (char_length(endpoint) <= 2048),
	p256dh text check (char_length(p256dh) <= 100),
	auth text check (char_length(auth) <= 40),
	-- Origin of the endpoint: the worker backs off per push service.
	push_service text check (char_length(push_service) <= 300),
	-- E-mail, lower-cased. Nothing is sent before confirmed_at (double opt-in).
	email text unique check (char_length(email) <= 254),
	confirmed_at timestamptz,
	confirm_hash bytea,
	confirm_expires_at timestamptz,
	-- A permanent SMTP 5xx: no more mail to this address.
	bounced_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint subscribers_channel_fields check (
		(channel = 'push' and endpoint is not null and p256dh is not null and auth is not null
			and push_service is not null and email is null)
		or (channel = 'email' and email is not null and endpoint is null and p256dh is null
			and auth is null)
	)
);
create index subscribers_areas_idx on notify.subscribers using gin (areas);

-- Manage tokens (sha256 only). A push device holds one; every mail carries a fresh one (expiring).
create table notify.tokens (
	token_hash bytea primary key,
	subscriber_id uuid not null references notify.subscribers (id) on delete cascade,
	expires_at timestamptz
);
create index tokens_subscriber_idx on notify.tokens (subscriber_id);

-- Successful subscribe calls per client address (sha256 of it), for the rate limit.
create table notify.subscribe_attempts (
	address_hash bytea not null,
	at timestamptz not null default now()
);
create index subscribe_attempts_idx on notify.subscribe_attempts (address_hash, at);

-- The outbox. version: 0 = the confirmation mail of an e-mail subscription (no alert),
-- 1 = alert issued, 2 = alert cancelled. A deleted subscription leaves its rows without
-- subscriber (counts stay, the address goes).
create table notify.deliveries (
	id bigint generated always as identity primary key,
	alert_id uuid references public.alerts (id) on delete cascade,
	version smallint not null check (version in (0, 1, 2)),
	subscriber_id uuid references notify.subscribers (id) on delete set null,
	channel text not null check (channel in ('push', 'email')),
	push_service text,
	-- The alert this one replaced (CAP Update): the device closes that notification.
	replaces uuid,
	status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
	attempts integer not null default 0,
	next_attempt_at timestamptz not null default now(),
	claimed_at timestamptz,
	sent_at timestamptz,
	last_error text check (char_length(last_error) <= 300),
	created_at timestamptz not null default now(),
	constraint deliveries_once unique (alert_id, version, subscriber_id),
	constraint deliveries_version_alert check ((version = 0) = (alert_id is null))
);
create index deliveries_due_idx on notify.deliveries (next_attempt_at, id)
	where status in ('queued', 'sending');
create index deliveries_alert_idx on notify.deliveries (alert_id, status);

alter table notify.subscribers enable row level security;
alter table notify.tokens enable row level security;
alter table notify.subscribe_attempts enable row level security;
alter table notify.deliveries enable row level security;
revoke all on all tables in schema notify from public, anon, authenticated;
grant all on all tables in schema notify to service_role;

-- ---------------------------------------------------------------------------------------------
-- Validation helpers (pure).

-- base64url (RFC 4648 §5, padding optional) → bytes; null when not base64url.
create function notify.b64url(value text) returns bytea
language plpgsql immutable
set search_path = ''
as $$
declare
	body text;
begin
	if value is null or value !~ '^[A-Za-z0-9_-]*={0,2}$' or char_length(value) > 200 then
		return null;
	end if;
	body := translate(rtrim(value, '='), '-_', '+/');
	if char_length(body) % 4 = 1 then
		return null;
	end if;
	body := body || repeat('=', (4 - char_length(body) % 4) % 4);
	return decode(body, 'base64');
exception when others then
	return null;
end
$$;

create function notify.email_valid(address text) returns boolean
language sql immutable
set search_path = ''
as $$
	select address is not null
		and char_length(address) <= 254
		and char_length(split_part(address, '@', 1)) between 1 and 64
		and address ~ '^[A-Za-z0-9.!#$%&''*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$'
		and address !~ '\.\.'
		and address !~ '^\.' and split_part(address, '@', 1) !~ '\.$'
$$;

-- The preferences every subscribe/update takes: {areas, locale, drills}. Raises 22023 on bad ones.
create function notify.check_prefs(prefs jsonb) returns void
language plpgsql immutable
set search_path = ''
as $$
declare
	n integer;
begin
	if prefs is null or jsonb_typeof(prefs) <> 'object' then
		raise exception 'expected a JSON object' using errcode = '22023';
	end if;
	if jsonb_typeof(prefs -> 'areas') is distinct from 'array' then
		raise exception 'areas must be an array' using errcode = '22023';
	end if;
	n := jsonb_array_length(prefs -> 'areas');
	if n < 1 or n > 20 then
		raise exception 'choose 1 to 20 areas' using errcode = '22023';
	end if;
	if exists (
		select 1 from jsonb_array_elements(prefs -> 'areas') as a
		where jsonb_typeof(a) <> 'string' or char_length(a #>> '{}') not between 1 and 100
	) then
		raise exception 'each area is a 町丁目 name' using errcode = '22023';
	end if;
	if (select count(distinct a) from jsonb_array_elements_text(prefs -> 'areas') as a) <> n then
		raise exception 'areas repeat' using errcode = '22023';
	end if;
	if coalesce(prefs ->> 'locale', '') not in ('ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko') then
		raise exception 'unknown locale' using errcode = '22023';
	end if;
	if jsonb_typeof(coalesce(prefs -> 'drills', 'false'::jsonb)) <> 'boolean' then
		raise exception 'drills must be true or false' using errcode = '22023';
	end if;
end
$$;

-- One more subscribe call from the caller's address: at most 30 per 10 minutes (a city's mobile
-- carriers put many residents behind one address). The address comes from the request headers
-- PostgREST sets on Supabase, and that the embedded server sets the same way. Raises PT429
-- (PostgREST answers that SQLSTATE with HTTP 429). The attempt row rolls back with a failed call.
create function notify.count_attempt() returns void
language plpgsql volatile
set search_path = ''
as $$
declare
	headers jsonb := coalesce(nullif(current_setting('request.headers', true), ''), '{}')::jsonb;
	address text := coalesce(
		nullif(trim(split_part(headers ->> 'x-forwarded-for', ',', 1)), ''),
		nullif(headers ->> 'x-real-ip', ''),
		'unknown'
	);
	key bytea := sha256(convert_to(address, 'UTF8'));
	recent integer;
begin
	perform pg_advisory_xact_lock(hashtext('notify.attempt:' || address));
	delete from notify.subscribe_attempts as a
	where a.address_hash = key and a.at < now() - interval '10 minutes';
	select count(*) into recent from notify.subscribe_attempts as a where a.address_hash = key;
	if recent >= 30 then
		raise exception 'too many subscription requests from this address; try again later'
			using errcode = 'PT429';
	end if;
	insert into notify.subscribe_attempts (address_hash) values (key);
end
$$;

-- A fresh unguessable token (two v4 uuids: 244 random bits), hex.
create function notify.new_token() returns text
language sql volatile
set search_path = ''
as $$
	select replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
$$;

create function notify.token_hash(token text) returns bytea
language sql immutable
set search_path = ''
as $$
	select sha256(convert_to(coalesce(token, ''), 'UTF8'))
$$;

-- The subscriber a manage token names, or P0002 (unknown, expired, or deleted).
create function notify.subscriber_of(token text) returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
	found_id uuid;
begin
	if token is null or token !~ '^[0-9a-f]{64}$' then
		raise exception 'unknown or expired link' using errcode = 'P0002';
	end if;
	select t.subscriber_id into found_id from notify.tokens as t
	where t.token_hash = notify.token_hash(token) and (t.expires_at is null or t.expires_at > now());
	if found_id is null then
		raise exception 'unknown or expired link' using errcode = 'P0002';
	end if;
	return found_id;
end
$$;

-- What a resident sees of their own subscription: never the full address.
create function notify.subscription_view(subscriber uuid) returns jsonb
language sql stable
set search_path = ''
as $$
	select jsonb_build_object(
		'channel', s.channel,
		'areas', to_jsonb(s.areas),
		'locale', s.locale,
		'drills', s.drills,
		'confirmed', s.channel = 'push' or s.confirmed_at is not null,
		'email_hint', case when s.email is null then null
			else left(s.email, 1) || '…@' || split_part(s.email, '@', 2) end,
		'created_at', s.created_at
	)
	from notify.subscribers as s where s.id = subscriber
$$;

-- ---------------------------------------------------------------------------------------------
-- Resident RPCs (anon and authenticated).

-- subscribe_push({endpoint, keys: {p256dh, auth}, areas, locale, drills}) → {manage_token, …view}.
-- The same endpoint again (the same browser) replaces its preferences and its token.
create function public.subscribe_push(subscription jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	push_endpoint text := subscription ->> 'endpoint';
	push_key text := subscription #>> '{keys,p256dh}';
	auth_secret text := subscription #>> '{keys,auth}';
	key_bytes bytea;
	auth_bytes bytea;
	subscriber uuid;
	token text := notify.new_token();
begin
	perform notify.check_prefs(subscription);
	if push_endpoint is null or char_length(push_endpoint) > 2048
		or push_endpoint !~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[!-~]*$' then
		raise exception 'endpoint must be an https: URL' using errcode = '22023';
	end if;
	key_bytes := notify.b64url(push_key);
	-- RFC 8291 §3.1: an uncompressed P-256 point (65 bytes, 0x04 first); §3.2: a 16-byte secret.
	if key_bytes is null or length(key_bytes) <> 65 or get_byte(key_bytes, 0) <> 4 then
		raise exception 'keys.p256dh must be a 65-byte uncompressed P-256 key' using errcode = '22023';
	end if;
	auth_bytes := notify.b64url(auth_secret);
	if auth_bytes is null or length(auth_bytes) <> 16 then
		raise exception 'keys.auth must be 16 bytes' using errcode = '22023';
	end if;
	perform notify.count_attempt();

	insert into notify.subscribers as s
		(channel, areas, locale, drills, endpoint, p256dh, auth, push_service)
	values (
		'push',
		array(select jsonb_array_elements_text(subscription -> 'areas')),
		subscription ->> 'locale',
		coalesce((subscription ->> 'drills')::boolean, false),
		push_endpoint, push_key, auth_secret,
		substring(push_endpoint from '^https://[^/]+')
	)
	on conflict (endpoint) do update set
		areas = excluded.areas, locale = excluded.locale, drills = excluded.drills,
		p256dh = excluded.p256dh, auth = excluded.auth, updated_at = now()
	returning s.id into subscriber;
	delete from notify.tokens as t where t.subscriber_id = subscriber;
	insert into notify.tokens (token_hash, subscriber_id) values (notify.token_hash(token), subscriber);
	return jsonb_build_object('manage_token', token) || notify.subscription_view(subscriber);
end
$$;

-- subscribe_email({email, areas, locale, drills}) → {status: 'pending'}. Queues a confirmation
-- mail; nothing else is sent before the link in it is opened. The answer is the same whether the
-- address was known or not (no probing who subscribed). An address already confirmed keeps its
-- areas: it gets a mail with its own "change my areas" link instead.
create function public.subscribe_email(subscription jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	address text := lower(trim(subscription ->> 'email'));
	subscriber uuid;
	confirmed boolean;
begin
	perform notify.check_prefs(subscription);
	if not notify.email_valid(address) then
		raise exception 'not an e-mail address' using errcode = '22023';
	end if;
	perform notify.count_attempt();

	select s.id, s.confirmed_at is not null into subscriber, confirmed
	from notify.subscribers as s where s.email = address for update;
	if subscriber is null then
		insert into notify.subscribers (channel, areas, locale, drills, email)
		values (
			'email',
			array(select jsonb_array_elements_text(subscription -> 'areas')),
			subscription ->> 'locale',
			coalesce((subscription ->> 'drills')::boolean, false),
			address
		)
		returning id into subscriber;
	elsif not confirmed then
		update notify.subscribers as s set
			areas = array(select jsonb_array_elements_text(subscription -> 'areas')),
			locale = subscription ->> 'locale',
			drills = coalesce((subscription ->> 'drills')::boolean, false),
			bounced_at = null, updated_at = now()
		where s.id = subscriber;
	end if;
	if not exists (
		select 1 from notify.deliveries as d
		where d.subscriber_id = subscriber and d.version = 0 and d.status in ('queued', 'sending')
	) then
		insert into notify.deliveries (alert_id, version, subscriber_id, channel)
		values (null, 0, subscriber, 'email');
	end if;
	return jsonb_build_object('status', 'pending');
end
$$;

-- confirm_email(token) → the subscription view. The link of the confirmation mail; it expires.
create function public.confirm_email(token text) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	subscriber uuid;
begin
	if token is null or token !~ '^[0-9a-f]{64}$' then
		raise exception 'unknown or expired link' using errcode = 'P0002';
	end if;
	update notify.subscribers as s set
		confirmed_at = coalesce(s.confirmed_at, now()), confirm_hash = null,
		confirm_expires_at = null, updated_at = now()
	where s.confirm_hash = notify.token_hash(token) and s.confirm_expires_at > now()
	returning s.id into subscriber;
	if subscriber is null then
		raise exception 'unknown or expired link' using errcode = 'P0002';
	end if;
	return notify.subscription_view(subscriber);
end
$$;

-- my_subscription(token) → the view of the subscription the token manages.
create function public.my_subscription(token text) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
	return notify.subscription_view(notify.subscriber_of(token));
end
$$;

-- update_subscription(token, {areas, locale, drills}) → the view.
create function public.update_subscription(token text, prefs jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	subscriber uuid := notify.subscriber_of(token);
begin
	perform notify.check_prefs(prefs);
	update notify.subscribers as s set
		areas = array(select jsonb_array_elements_text(prefs -> 'areas')),
		locale = prefs ->> 'locale',
		drills = coalesce((prefs ->> 'drills')::boolean, false),
		updated_at = now()
	where s.id = subscriber;
	return notify.subscription_view(subscriber);
end
$$;

-- delete_subscription(token) → {deleted: true}. The row and the address are gone; its delivery
-- rows stay for the counts, without subscriber.
create function public.delete_subscription(token text) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	subscriber uuid := notify.subscriber_of(token);
begin
	delete from notify.subscribers as s where s.id = subscriber;
	return jsonb_build_object('deleted', true);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- HQ: counts only.

-- hq_subscriber_counts() → [{area, push, email}] (confirmed, not bounced e-mail only).
create function public.hq_subscriber_counts() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
	perform public.require_hq();
	return coalesce((
		select jsonb_agg(jsonb_build_object('area', area, 'push', push, 'email', email) order by area)
		from (
			select a.area,
				count(*) filter (where s.channel = 'push')::integer as push,
				count(*) filter (where s.channel = 'email')::integer as email
			from notify.subscribers as s, unnest(s.areas) as a(area)
			where s.channel = 'push' or (s.confirmed_at is not null and s.bounced_at is null)
			group by a.area
		) as per_area
	), '[]'::jsonb);
end
$$;

create function notify.alert_counts(alert uuid) returns jsonb
language sql stable
set search_path = ''
as $$
	select jsonb_build_object(
		'alert_id', alert,
		'queued', count(*) filter (where d.status in ('queued', 'sending')),
		'sent', count(*) filter (where d.status = 'sent'),
		'failed', count(*) filter (where d.status = 'failed'),
		'push', count(*) filter (where d.channel = 'push'),
		'email', count(*) filter (where d.channel = 'email')
	)
	from notify.deliveries as d where d.alert_id = alert
$$;

-- hq_delivery_counts([alert ids]) → [{alert_id, queued, sent, failed, push, email}].
create function public.hq_delivery_counts(alert_ids uuid[]) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
	perform public.require_hq();
	if cardinality(alert_ids) > 200 then
		raise exception 'at most 200 alerts' using errcode = '22023';
	end if;
	return coalesce((
		select jsonb_agg(notify.alert_counts(a.id) order by a.issued_at desc)
		from public.alerts as a where a.id = any (alert_ids)
	), '[]'::jsonb);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The outbox trigger.

create function notify.on_alert_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		insert into notify.deliveries (alert_id, version, subscriber_id, channel, push_service, replaces)
		select new.id, 1, s.id, s.channel, s.push_service, new.references_id
		from notify.subscribers as s
		where (s.areas && new.areas or 'all' = any (s.areas) or 'all' = any (new.areas))
			and (not new.drill or s.drills)
			and (s.channel = 'push' or (s.confirmed_at is not null and s.bounced_at is null))
		on conflict on constraint deliveries_once do nothing;
		-- An update (CAP Update) cancelled the alert it replaces a moment ago in this transaction:
		-- who gets the new one needs no 解除 of the old (the new notification closes it).
		if new.references_id is not null then
			delete from notify.deliveries as d
			where d.alert_id = new.references_id and d.version = 2 and d.status = 'queued'
				and d.subscriber_id in (
					select n.subscriber_id from notify.deliveries as n
					where n.alert_id = new.id and n.version = 1
				);
		end if;
		perform realtime.send(notify.alert_counts(new.id), 'delivery', 'hq', true);
	elsif old.cancelled_at is null and new.cancelled_at is not null then
		-- 解除 goes to whoever was sent (or is about to be sent) the alert.
		insert into notify.deliveries (alert_id, version, subscriber_id, channel, push_service)
		select new.id, 2, d.subscriber_id, d.channel, d.push_service
		from notify.deliveries as d
		where d.alert_id = new.id and d.version = 1 and d.subscriber_id is not null
			and d.status <> 'failed'
		on conflict on constraint deliveries_once do nothing;
	end if;
	return null;
end
$$;

create trigger alerts_enqueue_notifications after insert or update on public.alerts
	for each row execute function notify.on_alert_changed();

-- ---------------------------------------------------------------------------------------------
-- Worker functions (service_role only; the embedded server runs them as the owner).

-- claim(batch, lease_seconds) → the due deliveries, marked `sending`, with what a send needs.
-- Rows left `sending` longer than the lease (a killed worker) are due again. E-mail rows get a
-- fresh manage token (90 days) for their links, and a confirmation mail a fresh confirm token
-- (48 hours); only their hashes stay in the database (data-modifying CTEs always run).
create function notify.claim(batch integer, lease_seconds integer) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	claimed jsonb;
begin
	with due as (
		select d.id from notify.deliveries as d
		where d.next_attempt_at <= now()
			and (d.status = 'queued'
				or (d.status = 'sending' and d.claimed_at < now() - make_interval(secs => lease_seconds)))
		order by d.next_attempt_at, d.id
		limit batch
		for update skip locked
	), marked as (
		update notify.deliveries as d set status = 'sending', claimed_at = now(),
			attempts = d.attempts + 1
		from due where d.id = due.id
		returning d.*
	), tokens as (
		select m.id, case when m.channel = 'email' and m.subscriber_id is not null
			then notify.new_token() end as manage_token,
			case when m.version = 0 then notify.new_token() end as confirm_token
		from marked as m
	), stored_manage as (
		insert into notify.tokens (token_hash, subscriber_id, expires_at)
		select notify.token_hash(t.manage_token), m.subscriber_id, now() + interval '90 days'
		from tokens as t join marked as m on m.id = t.id where t.manage_token is not null
		returning 1
	), stored_confirm as (
		update notify.subscribers as s set confirm_hash = notify.token_hash(t.confirm_token),
			confirm_expires_at = now() + interval '48 hours'
		from tokens as t join marked as m on m.id = t.id
		where t.confirm_token is not null and s.id = m.subscriber_id and s.confirmed_at is null
		returning 1
	)
	select coalesce(jsonb_agg(jsonb_build_object(
		'id', m.id, 'alert_id', m.alert_id, 'version', m.version, 'channel', m.channel,
		'push_service', m.push_service, 'replaces', m.replaces, 'attempts', m.attempts,
		'subscriber_id', m.subscriber_id,
		'endpoint', s.endpoint, 'p256dh', s.p256dh, 'auth', s.auth, 'email', s.email,
		'confirmed', s.confirmed_at is not null, 'bounced', s.bounced_at is not null,
		'locale', s.locale, 'areas', to_jsonb(s.areas),
		'manage_token', t.manage_token, 'confirm_token', t.confirm_token,
		'alert', case when a.id is null then null else public.alert_public(a) end
	) order by m.id), '[]'::jsonb) into claimed
	from marked as m
	join tokens as t on t.id = m.id
	left join notify.subscribers as s on s.id = m.subscriber_id
	left join public.alerts as a on a.id = m.alert_id;
	return claimed;
end
$$;

-- settle([{id, outcome, retry_at?, error?}]) → number of rows settled. Outcomes: sent; retry
-- (back to queued at retry_at); gone (404/410: the push subscription is deleted); bounced
-- (permanent SMTP 5xx: the address is marked); failed (given up). Only rows still `sending`
-- change, so a late answer for a row another worker took over changes nothing. The worker
-- announces per-alert counts with progress().
create function notify.settle(results jsonb) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	settled integer;
	gone uuid[];
	bounced uuid[];
begin
	with r as (
		select (x ->> 'id')::bigint as id, x ->> 'outcome' as outcome,
			(x ->> 'retry_at')::timestamptz as retry_at, left(x ->> 'error', 300) as error
		from jsonb_array_elements(results) as x
	), updated as (
		update notify.deliveries as d set
			status = case r.outcome when 'sent' then 'sent' when 'retry' then 'queued' else 'failed' end,
			sent_at = case when r.outcome = 'sent' then now() end,
			next_attempt_at = coalesce(r.retry_at, d.next_attempt_at),
			last_error = r.error
		from r where d.id = r.id and d.status = 'sending'
		returning d.subscriber_id, r.outcome
	)
	select count(*)::integer,
		array_agg(u.subscriber_id) filter (where u.outcome = 'gone'),
		array_agg(u.subscriber_id) filter (where u.outcome = 'bounced')
	into settled, gone, bounced
	from updated as u;
	-- Separate statements: the delete sets subscriber_id null on rows the update just wrote.
	delete from notify.subscribers as s where s.id = any (gone) and s.channel = 'push';
	update notify.subscribers as s set bounced_at = now()
	where s.id = any (bounced) and s.channel = 'email';
	return settled;
end
$$;

-- progress([alert ids]) → announces each alert's counts on the HQ topic (the worker calls it at
-- most once a second while it sends).
create function notify.progress(alert_ids uuid[]) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	alert uuid;
begin
	foreach alert in array coalesce(alert_ids, '{}') loop
		perform realtime.send(notify.alert_counts(alert), 'delivery', 'hq', true);
	end loop;
end
$$;

-- A killed worker left rows `sending`: the single embedded worker takes them back at start.
create function notify.release_claims() returns integer
language sql volatile security definer
set search_path = ''
as $$
	with released as (
		update notify.deliveries as d set status = 'queued' where d.status = 'sending' returning 1
	)
	select count(*)::integer from released
$$;

revoke execute on all functions in schema notify from public, anon, authenticated;
grant execute on all functions in schema notify to service_role;

revoke execute on function public.subscribe_push(jsonb), public.subscribe_email(jsonb),
	public.confirm_email(text), public.my_subscription(text),
	public.update_subscription(text, jsonb), public.delete_subscription(text),
	public.hq_subscriber_counts(), public.hq_delivery_counts(uuid[])
	from public;
grant execute on function public.subscribe_push(jsonb), public.subscribe_email(jsonb),
	public.confirm_email(text), public.my_subscription(text),
	public.update_subscription(text, jsonb), public.delete_subscription(text)
	to anon, authenticated;
grant execute on function public.hq_subscriber_counts(), public.hq_delivery_counts(uuid[])
	to authenticated;
