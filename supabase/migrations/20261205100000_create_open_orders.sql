-- Issue 16: opening orders (開設指示). HQ orders shelters to open; the staff of that shelter
-- acknowledge (「確認しました」) from their terminal, through its outbox. An order is its own record,
-- never a report: the public status is untouched by the order itself. HQ sees the shelter as
-- 開設指示中 (requested) until the site acknowledges; the acknowledgement then records the shelter
-- as 開設準備中 (preparing) through an ordinary report, unless the site already reported preparing
-- or open. Anonymous callers see nothing of orders; the public topic `shelters` never carries one.
--
-- An order's state (derived, never stored):
--   requested     acknowledged_at is null and cancelled_at is null
--   acknowledged  acknowledged_at is not null and cancelled_at is null
--   cancelled     cancelled_at is not null
-- At most one requested order per shelter (a partial unique index): ordering a shelter that has one
-- answers that one again. Every step is an audited row change (INSERT = issued; UPDATE = resent,
-- acknowledged or cancelled) and a realtime event on `hq` and `shelter:<id>` (private topics).

create table public.shelter_open_orders (
	id bigint generated always as identity primary key,
	shelter_id text not null references public.shelters (id) on delete cascade,
	note text not null default '' check (char_length(note) <= 500),
	-- Set when HQ ordered "every shelter designated for this hazard"; null when picked by hand.
	hazard text check (
		hazard in ('flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'large_fire',
			'inland_flood', 'volcano')
	),
	issued_by uuid,
	issued_at timestamptz not null default now(),
	-- HQ asked again (the site has not answered): the terminal alerts once more.
	resent_at timestamptz,
	resent_count integer not null default 0 check (resent_count between 0 and 1000),
	acknowledged_by uuid,
	acknowledged_at timestamptz,
	-- The terminal's outbox idempotency key of the acknowledgement.
	ack_client_id uuid unique,
	cancelled_by uuid,
	cancelled_at timestamptz,
	-- Stamped from settings.drill_mode at insert (訓練).
	drill boolean not null default false,
	constraint open_orders_ack_complete check (
		(acknowledged_at is null) = (acknowledged_by is null)
		and (acknowledged_at is null) = (ack_client_id is null)
	),
	constraint open_orders_cancel_complete check ((cancelled_at is null) = (cancelled_by is null)),
	constraint open_orders_ack_after_issue check (acknowledged_at >= issued_at),
	constraint open_orders_cancel_after_issue check (cancelled_at >= issued_at),
	constraint open_orders_resend_after_issue check (resent_at >= issued_at)
);
create unique index shelter_open_orders_one_requested on public.shelter_open_orders (shelter_id)
	where acknowledged_at is null and cancelled_at is null;
create index shelter_open_orders_issued_idx on public.shelter_open_orders (issued_at desc);

-- Least privilege: HQ reads all, staff their own shelter's; nobody writes directly (RPCs below).
-- Supabase's default privileges (copied by the embedded shim) grant all on new tables to anon
-- and authenticated: take them back first.
revoke all on public.shelter_open_orders from anon, authenticated;
revoke all on sequence public.shelter_open_orders_id_seq from anon, authenticated;
grant select on public.shelter_open_orders to authenticated;
alter table public.shelter_open_orders enable row level security;
create policy shelter_open_orders_read on public.shelter_open_orders for select to authenticated
	using ((select public.is_hq()) or shelter_id = (select public.my_shelter_id()));

create trigger shelter_open_orders_drill before insert on public.shelter_open_orders
	for each row execute function public.stamp_drill();
create trigger shelter_open_orders_audit after insert or update or delete
	on public.shelter_open_orders
	for each row execute function public.audit_row('id');

-- The state of an order (see the top of this file).
create function public.open_order_state(o public.shelter_open_orders) returns text
language sql immutable
set search_path = ''
as $$
	select case
		when o.cancelled_at is not null then 'cancelled'
		when o.acknowledged_at is not null then 'acknowledged'
		else 'requested'
	end
$$;

-- The form every caller and event sees: the row plus its state.
create function public.open_order_json(o public.shelter_open_orders) returns jsonb
language sql immutable
set search_path = ''
as $$
	select to_jsonb(o) || jsonb_build_object('state', public.open_order_state(o))
$$;

-- Announces each step on the private topics only: hq and the shelter's own.
create function public.on_open_order_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	event_name text;
	payload jsonb := public.open_order_json(new);
begin
	if tg_op = 'INSERT' then
		event_name := 'order_issued';
	elsif old.cancelled_at is null and new.cancelled_at is not null then
		event_name := 'order_cancelled';
	elsif old.acknowledged_at is null and new.acknowledged_at is not null then
		event_name := 'order_acknowledged';
	elsif new.resent_at is distinct from old.resent_at then
		event_name := 'order_resent';
	else
		return null;
	end if;
	perform realtime.send(payload, event_name, 'shelter:' || new.shelter_id, true);
	perform realtime.send(payload, event_name, 'hq', true);
	return null;
end
$$;

create trigger shelter_open_orders_announce after insert or update on public.shelter_open_orders
	for each row execute function public.on_open_order_changed();

-- issue_open_orders({shelter_ids: [id, …]} or {hazard}, note?) → [order, …] with `existing` true
-- for a shelter that already had a requested order (answered unchanged, not a second order).
-- `hazard`: every designated shelter (指定避難所: kind shelter or both, not ad hoc, not hidden,
-- inside the city) whose hazards include it. Unknown shelter ids are refused (P0002), nothing made.
create function public.issue_open_orders(request jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	wanted_hazard text;
	targets text[];
	target text;
	order_note text;
	made public.shelter_open_orders;
	answer jsonb := '[]'::jsonb;
begin
	perform public.require_hq();
	perform public.require_object(request);
	wanted_hazard := request ->> 'hazard';
	order_note := coalesce(request ->> 'note', '');
	if (request -> 'shelter_ids' is null) = (wanted_hazard is null) then
		raise exception 'give either shelter_ids or hazard' using errcode = '22023';
	end if;
	if wanted_hazard is not null then
		select coalesce(array_agg(s.id order by s.id), '{}') into targets from public.shelters as s
		where wanted_hazard = any (s.hazards) and s.kind in ('shelter', 'both')
			and not s.ad_hoc and not s.hidden and s.inside_city;
	else
		if jsonb_typeof(request -> 'shelter_ids') <> 'array'
			or jsonb_array_length(request -> 'shelter_ids') not between 1 and 1000 then
			raise exception 'shelter_ids must be an array of 1 to 1000 ids' using errcode = '22023';
		end if;
		select array_agg(distinct value order by value) into targets
		from jsonb_array_elements_text(request -> 'shelter_ids');
		if exists (
			select 1 from unnest(targets) as t(id)
			where not exists (select 1 from public.shelters as s where s.id = t.id)
		) then
			raise exception 'unknown shelter' using errcode = 'P0002';
		end if;
	end if;
	if cardinality(targets) = 0 then
		raise exception 'no designated shelter for this hazard' using errcode = 'P0002';
	end if;
	foreach target in array targets loop
		insert into public.shelter_open_orders (shelter_id, note, hazard, issued_by)
		values (target, order_note, wanted_hazard, (select auth.uid()))
		on conflict (shelter_id) where acknowledged_at is null and cancelled_at is null do nothing
		returning * into made;
		if found then
			answer := answer || jsonb_build_array(public.open_order_json(made) || '{"existing": false}');
		else
			select * into made from public.shelter_open_orders as o
			where o.shelter_id = target and o.acknowledged_at is null and o.cancelled_at is null;
			answer := answer || jsonb_build_array(public.open_order_json(made) || '{"existing": true}');
		end if;
	end loop;
	return answer;
end
$$;

-- The order with this id, or P0002 (an HQ-only helper of the two RPCs below).
create function public.find_open_order(order_id bigint) returns public.shelter_open_orders
language plpgsql stable security definer
set search_path = ''
as $$
declare
	found_order public.shelter_open_orders;
begin
	select * into found_order from public.shelter_open_orders as o where o.id = find_open_order.order_id;
	if not found then
		raise exception 'unknown order' using errcode = 'P0002';
	end if;
	return found_order;
end
$$;

-- cancel_open_order(id) → the order; cancelling twice answers the same row.
create function public.cancel_open_order(order_id bigint) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	changed public.shelter_open_orders;
begin
	perform public.require_hq();
	update public.shelter_open_orders as o set cancelled_at = now(), cancelled_by = (select auth.uid())
	where o.id = cancel_open_order.order_id and o.cancelled_at is null
	returning * into changed;
	if not found then
		changed := public.find_open_order(cancel_open_order.order_id);
	end if;
	return public.open_order_json(changed);
end
$$;

-- resend_open_order(id) → the order, asked again. Only a requested order can be resent (PT409).
create function public.resend_open_order(order_id bigint) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	changed public.shelter_open_orders;
begin
	perform public.require_hq();
	update public.shelter_open_orders as o
	set resent_at = greatest(now(), o.issued_at), resent_count = o.resent_count + 1
	where o.id = resend_open_order.order_id and o.acknowledged_at is null and o.cancelled_at is null
	returning * into changed;
	if not found then
		perform public.find_open_order(resend_open_order.order_id);
		raise exception 'only an unacknowledged order can be resent' using errcode = 'PT409';
	end if;
	return public.open_order_json(changed);
end
$$;

-- acknowledge_open_order({order_id, client_id}) → {id, client_id, received_at, duplicate}, the
-- shape of a report acknowledgement, so the terminal's outbox handles both alike. Staff of the
-- order's shelter only; an order of another shelter is "unknown" (P0002, nothing revealed).
-- Idempotent: an order already acknowledged (by this client_id or another terminal of the
-- shelter) answers duplicate = true and changes nothing. A cancelled order is refused (PT409).
-- The first acknowledgement also records the shelter as preparing (開設準備中) through a report
-- with the same client_id, unless its current status is already preparing or open.
create function public.acknowledge_open_order(ack jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	mine text := public.my_shelter_id();
	ack_id uuid;
	target public.shelter_open_orders;
	current_status text;
begin
	perform public.require_object(ack);
	if mine is null then
		raise exception 'only shelter staff acknowledge orders' using errcode = '42501';
	end if;
	ack_id := (ack ->> 'client_id')::uuid;
	if ack_id is null then
		raise exception 'client_id is required' using errcode = '22023';
	end if;
	select * into target from public.shelter_open_orders as o
	where o.id = (ack ->> 'order_id')::bigint and o.shelter_id = mine
	for update;
	if not found then
		raise exception 'unknown order' using errcode = 'P0002';
	end if;
	if target.acknowledged_at is not null then
		return jsonb_build_object('id', target.id, 'client_id', ack_id,
			'received_at', target.acknowledged_at, 'duplicate', true);
	end if;
	if target.cancelled_at is not null then
		raise exception 'this order was cancelled' using errcode = 'PT409';
	end if;
	if exists (select 1 from public.shelter_open_orders as o where o.ack_client_id = ack_id)
		or exists (select 1 from public.shelter_reports as r where r.client_id = ack_id) then
		raise exception 'client_id was already used for something else' using errcode = '23505';
	end if;
	update public.shelter_open_orders as o
	set acknowledged_at = greatest(now(), o.issued_at), acknowledged_by = (select auth.uid()),
		ack_client_id = ack_id
	where o.id = target.id
	returning * into target;
	select st.status into current_status from public.shelter_status as st where st.shelter_id = mine;
	if current_status is null or current_status in ('not_opened', 'closed') then
		insert into public.shelter_reports
			(client_id, shelter_id, reporter, status, evacuees, crowding, needs, note, reported_at)
		values (ack_id, mine, (select auth.uid()), 'preparing', null, 'unknown', '{}', '', now());
	end if;
	return jsonb_build_object('id', target.id, 'client_id', ack_id,
		'received_at', target.acknowledged_at, 'duplicate', false);
end
$$;

revoke execute on function public.open_order_state(public.shelter_open_orders),
	public.open_order_json(public.shelter_open_orders), public.on_open_order_changed(),
	public.find_open_order(bigint)
	from public, anon, authenticated;
grant execute on function public.open_order_state(public.shelter_open_orders),
	public.open_order_json(public.shelter_open_orders) to authenticated;
revoke execute on function public.issue_open_orders(jsonb), public.cancel_open_order(bigint),
	public.resend_open_order(bigint), public.acknowledge_open_order(jsonb) from public, anon;
grant execute on function public.issue_open_orders(jsonb), public.cancel_open_order(bigint),
	public.resend_open_order(bigint), public.acknowledge_open_order(jsonb) to authenticated;
