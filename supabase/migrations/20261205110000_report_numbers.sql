-- Issue 16, the numbers: what a shelter reports upward (内閣府 EEI v1.1 item 21 避難所) and what HQ
-- needs to feed people. A report may carry, besides evacuees (総数):
--   evacuees_male / evacuees_female / evacuees_undisclosed (男 / 女 / 答えたくない): all optional,
--     but any of them needs the total, and the given ones must add up to it exactly;
--   households (世帯数) and needs_care (要配慮者数): at most the total when both are given;
--   external_evacuees (外部避難者: 在宅・車中泊 supported by this shelter, not counted in the total).
-- All are non-negative integers (a fractional value fails the integer cast in submit_report:
-- 22P02 → 400). shelter_status gets opened_at / closed_at, set by the status change (first open
-- after not open sets opened_at; closing sets closed_at), at the report's observation time.
-- shelters gets structured capacity (屋内 / 屋外 people, set by HQ or the import); 余力 and 定員状況
-- are derived here (capacity_remaining, capacity_state), never typed.

alter table public.shelter_reports
	add column evacuees_male integer check (evacuees_male between 0 and 100000),
	add column evacuees_female integer check (evacuees_female between 0 and 100000),
	add column evacuees_undisclosed integer check (evacuees_undisclosed between 0 and 100000),
	add column households integer check (households between 0 and 100000),
	add column needs_care integer check (needs_care between 0 and 100000),
	add column external_evacuees integer check (external_evacuees between 0 and 100000),
	add constraint shelter_reports_split_needs_total check (
		(evacuees_male is null and evacuees_female is null and evacuees_undisclosed is null)
		or evacuees is not null
	),
	add constraint shelter_reports_split_sums_to_total check (
		(evacuees_male is null and evacuees_female is null and evacuees_undisclosed is null)
		or coalesce(evacuees_male, 0) + coalesce(evacuees_female, 0)
			+ coalesce(evacuees_undisclosed, 0) = evacuees
	),
	add constraint shelter_reports_households_within_total check (households <= evacuees),
	add constraint shelter_reports_needs_care_within_total check (needs_care <= evacuees);

alter table public.shelter_status
	add column opened_at timestamptz,
	add column closed_at timestamptz;
grant select (opened_at, closed_at) on public.shelter_status to authenticated;

alter table public.shelters
	add column capacity_indoor integer check (capacity_indoor between 0 and 1000000),
	add column capacity_outdoor integer check (capacity_outdoor between 0 and 1000000);
grant insert (capacity_indoor, capacity_outdoor), update (capacity_indoor, capacity_outdoor)
	on public.shelters to authenticated;

-- 余力: indoor places left (never below 0); null when the capacity or the count is unknown.
create function public.capacity_remaining(capacity integer, evacuees integer) returns integer
language sql immutable parallel safe
set search_path = ''
as $$
	select case when capacity is null or evacuees is null then null
		else greatest(capacity - evacuees, 0) end
$$;

-- 定員状況: 'full' when staff said so (満員にする: crowding full) or the count reaches the capacity
-- ('available' when both are known and below it; otherwise 'unknown'). Callers pass
-- capacity_indoor, else the single 想定収容人数 figure.
create function public.capacity_state(capacity integer, evacuees integer, crowding text)
returns text
language sql immutable parallel safe
set search_path = ''
as $$
	select case
		when crowding = 'full' then 'full'
		when capacity is null or evacuees is null then 'unknown'
		when evacuees >= capacity then 'full'
		else 'available'
	end
$$;
grant execute on function public.capacity_remaining(integer, integer),
	public.capacity_state(integer, integer, text) to anon, authenticated;

-- submit_report with the new numbers (otherwise as in 20261125000400_rpc.sql).
create or replace function public.submit_report(report jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	caller_role text;
	caller_shelter text;
	target text;
	stored public.shelter_reports;
	inserted boolean := false;
begin
	perform public.require_object(report);
	select s.role, s.shelter_id into caller_role, caller_shelter
	from public.staff as s where s.user_id = (select auth.uid());
	if caller_role is null then
		raise exception 'only shelter staff and HQ may report' using errcode = '42501';
	end if;
	target := report ->> 'shelter_id';
	if caller_role = 'staff' and target is distinct from caller_shelter then
		raise exception 'staff may report only for their own shelter' using errcode = '42501';
	end if;
	if not exists (select 1 from public.shelters as s where s.id = target) then
		raise exception 'unknown shelter' using errcode = 'P0002';
	end if;
	if jsonb_typeof(coalesce(report -> 'needs', '[]'::jsonb)) <> 'array' then
		raise exception 'needs must be an array' using errcode = '22023';
	end if;

	insert into public.shelter_reports as r
		(client_id, shelter_id, reporter, status, evacuees, crowding, needs, note, reported_at,
			evacuees_male, evacuees_female, evacuees_undisclosed, households, needs_care,
			external_evacuees)
	values (
		(report ->> 'client_id')::uuid,
		target,
		(select auth.uid()),
		report ->> 'status',
		(report ->> 'evacuees')::integer,
		report ->> 'crowding',
		array(select jsonb_array_elements_text(coalesce(report -> 'needs', '[]'::jsonb))),
		coalesce(report ->> 'note', ''),
		(report ->> 'reported_at')::timestamptz,
		(report ->> 'evacuees_male')::integer,
		(report ->> 'evacuees_female')::integer,
		(report ->> 'evacuees_undisclosed')::integer,
		(report ->> 'households')::integer,
		(report ->> 'needs_care')::integer,
		(report ->> 'external_evacuees')::integer
	)
	on conflict (client_id) do nothing
	returning * into stored;
	inserted := found;

	if not inserted then
		select * into stored from public.shelter_reports as r
		where r.client_id = (report ->> 'client_id')::uuid;
		if stored.shelter_id is distinct from target then
			raise exception 'client_id was already used for another report' using errcode = '23505';
		end if;
	end if;

	return jsonb_build_object(
		'id', stored.id,
		'client_id', stored.client_id,
		'received_at', stored.received_at,
		'duplicate', not inserted
	);
end
$$;
revoke execute on function public.submit_report(jsonb) from public, anon;
grant execute on function public.submit_report(jsonb) to authenticated;

-- The report trigger of 20261202000110 plus opened_at / closed_at.
create or replace function public.on_report_inserted() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	applied boolean;
	public_status jsonb;
	observed timestamptz := public.report_observed_at(new);
begin
	insert into public.shelter_status as cur
		(shelter_id, status, crowding, updated_at, reported_at, drill, observed_at, report_id,
			opened_at, closed_at)
	values (new.shelter_id, new.status, new.crowding, new.received_at, new.reported_at, new.drill,
		observed, new.id,
		case when new.status = 'open' then observed end,
		case when new.status = 'closed' then observed end)
	on conflict (shelter_id) do update set
		status = excluded.status,
		crowding = excluded.crowding,
		updated_at = excluded.updated_at,
		reported_at = excluded.reported_at,
		drill = excluded.drill,
		observed_at = excluded.observed_at,
		report_id = excluded.report_id,
		opened_at = case
			when excluded.status = 'open' and cur.status <> 'open' then excluded.observed_at
			else cur.opened_at end,
		closed_at = case
			when excluded.status = 'closed' and cur.status <> 'closed' then excluded.observed_at
			when excluded.status = 'open' and cur.status <> 'open' then null
			else cur.closed_at end
	-- Equal observation times: the later report wins, as before.
	where cur.observed_at <= excluded.observed_at
	returning true into applied;

	if applied then
		public_status := jsonb_build_object(
			'shelter_id', new.shelter_id,
			'status', new.status,
			'crowding', new.crowding,
			'updated_at', new.received_at,
			'drill', new.drill
		);
		if not exists (select 1 from public.shelters as s where s.id = new.shelter_id and s.hidden) then
			perform realtime.send(public_status, 'status', 'shelters', false);
		end if;
		perform realtime.send(public_status, 'status', 'shelter:' || new.shelter_id, true);
	end if;
	perform realtime.send(to_jsonb(new) || jsonb_build_object('observed_at', observed), 'report', 'hq', true);
	return null;
end
$$;
revoke execute on function public.on_report_inserted() from public, anon, authenticated;

-- hq_shelters of 20261202000520 plus capacity, the numbers, 余力, 定員状況, opened_at / closed_at.
create or replace function public.hq_shelters() returns jsonb
language plpgsql stable security invoker
set search_path = ''
as $$
begin
	if not public.is_hq() then
		raise exception 'only HQ may do this' using errcode = '42501';
	end if;
	return coalesce((
		select jsonb_agg(
			jsonb_build_object(
				'id', s.id, 'name', s.name, 'address', s.address, 'kind', s.kind,
				'lon', s.lon, 'lat', s.lat, 'capacity', s.capacity, 'hazards', to_jsonb(s.hazards),
				'welfare', s.welfare, 'accepted_people', s.accepted_people,
				'inside_city', s.inside_city, 'notes', s.notes, 'sources', to_jsonb(s.sources),
				'hidden', s.hidden, 'ad_hoc', s.ad_hoc,
				'capacity_indoor', s.capacity_indoor, 'capacity_outdoor', s.capacity_outdoor,
				'status', case when st.shelter_id is null then null else jsonb_build_object(
					'status', st.status, 'crowding', st.crowding,
					'evacuees', r.evacuees, 'needs', coalesce(to_jsonb(r.needs), '[]'::jsonb),
					'note', coalesce(r.note, ''), 'reported_at', st.reported_at,
					'observed_at', st.observed_at,
					'updated_at', st.updated_at, 'drill', st.drill,
					'evacuees_male', r.evacuees_male, 'evacuees_female', r.evacuees_female,
					'evacuees_undisclosed', r.evacuees_undisclosed, 'households', r.households,
					'needs_care', r.needs_care, 'external_evacuees', r.external_evacuees,
					'opened_at', st.opened_at, 'closed_at', st.closed_at,
					'remaining', public.capacity_remaining(coalesce(s.capacity_indoor, s.capacity), r.evacuees),
					'capacity_state', public.capacity_state(coalesce(s.capacity_indoor, s.capacity), r.evacuees,
						st.crowding)
				) end
			) order by s.id
		)
		from public.shelters as s
		left join public.shelter_status as st on st.shelter_id = s.id
		left join lateral (
			select rr.evacuees, rr.needs, rr.note, rr.evacuees_male, rr.evacuees_female,
				rr.evacuees_undisclosed, rr.households, rr.needs_care, rr.external_evacuees
			from public.shelter_reports as rr
			where rr.shelter_id = s.id
				and (rr.id = st.report_id or (st.report_id is null and rr.reported_at = st.reported_at))
			order by rr.id desc limit 1
		) as r on true
	), '[]'::jsonb);
end
$$;
revoke execute on function public.hq_shelters() from public, anon;
grant execute on function public.hq_shelters() to authenticated;

-- import_shelters of 20261125100000_hq.sql plus capacity_indoor / capacity_outdoor (parsed from
-- 想定収容人数 by the importer). A row without them keeps what HQ set by hand.
create or replace function public.import_shelters(items jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	item jsonb;
	was_insert boolean;
	added integer := 0;
	changed integer := 0;
begin
	if not public.is_hq() then
		raise exception 'only HQ may do this' using errcode = '42501';
	end if;
	if items is null or jsonb_typeof(items) <> 'array' then
		raise exception 'expected a JSON array' using errcode = '22023';
	end if;
	for item in select value from jsonb_array_elements(items) loop
		if jsonb_typeof(item) <> 'object' then
			raise exception 'expected JSON objects' using errcode = '22023';
		end if;
		insert into public.shelters as s (id, name, address, kind, lon, lat, capacity, hazards,
			welfare, accepted_people, inside_city, notes, sources, hidden, ad_hoc, capacity_indoor,
			capacity_outdoor)
		values (
			item ->> 'id', item ->> 'name', coalesce(item ->> 'address', ''), item ->> 'kind',
			(item ->> 'lon')::double precision, (item ->> 'lat')::double precision,
			(item ->> 'capacity')::integer,
			array(select jsonb_array_elements_text(coalesce(item -> 'hazards', '[]'::jsonb))),
			coalesce((item ->> 'welfare')::boolean, false), item ->> 'accepted_people',
			coalesce((item ->> 'inside_city')::boolean, true), item ->> 'notes',
			array(select jsonb_array_elements_text(coalesce(item -> 'sources', '[]'::jsonb))),
			coalesce((item ->> 'hidden')::boolean, false), coalesce((item ->> 'ad_hoc')::boolean, false),
			(item ->> 'capacity_indoor')::integer, (item ->> 'capacity_outdoor')::integer
		)
		on conflict (id) do update set
			name = excluded.name, address = excluded.address, kind = excluded.kind,
			lon = excluded.lon, lat = excluded.lat, capacity = excluded.capacity,
			hazards = excluded.hazards, welfare = excluded.welfare,
			accepted_people = excluded.accepted_people, inside_city = excluded.inside_city,
			notes = excluded.notes, sources = excluded.sources, hidden = excluded.hidden,
			ad_hoc = excluded.ad_hoc,
			capacity_indoor = coalesce(excluded.capacity_indoor, s.capacity_indoor),
			capacity_outdoor = coalesce(excluded.capacity_outdoor, s.capacity_outdoor)
		returning (xmax = 0) into was_insert;
		if was_insert then added := added + 1; else changed := changed + 1; end if;
	end loop;
	return jsonb_build_object('added', added, 'updated', changed);
end
$$;
revoke execute on function public.import_shelters(jsonb) from public, anon;
grant execute on function public.import_shelters(jsonb) to authenticated;
