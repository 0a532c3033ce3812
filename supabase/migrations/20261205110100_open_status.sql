-- Issue 16, open data: the live shelter status as a public, personal-data-free feed
-- (GET /api/open/shelter-status.{json,csv}) and a daily status history
-- (GET /api/open/shelter-status-history.csv). Security definer because 定員状況 is derived from
-- the latest report's count, which anon may not read; only public fields leave: the id, the name,
-- the state, 定員状況 and the time. Hidden shelters never appear, whoever asks (HQ too: the feed
-- is the public one). Drill statuses are labelled, as everywhere else.

-- Every visible shelter: [{id, name, status, capacity_state, updated_at, drill}], by id.
create function public.open_shelter_status() returns jsonb
language sql stable security definer
set search_path = ''
as $$
	select coalesce(jsonb_agg(
		jsonb_build_object(
			'id', s.id,
			'name', s.name,
			'status', st.status,
			'capacity_state', case when st.shelter_id is null then 'unknown'
				else public.capacity_state(coalesce(s.capacity_indoor, s.capacity), r.evacuees, st.crowding) end,
			'updated_at', st.updated_at,
			'drill', coalesce(st.drill, false)
		) order by s.id
	), '[]'::jsonb)
	from public.shelters as s
	left join public.shelter_status as st on st.shelter_id = s.id
	left join public.shelter_reports as r on r.id = st.report_id
	where not s.hidden
$$;

-- The status changes received on one day (Asia/Tokyo), oldest first, public fields only:
-- [{id, name, status, crowding, received_at, drill}]. At most 10,000 rows.
create function public.open_status_history(day date) returns jsonb
language sql stable security definer
set search_path = ''
as $$
	select coalesce(jsonb_agg(entry order by (entry ->> 'received_at')::timestamptz, seq), '[]'::jsonb)
	from (
		select jsonb_build_object(
			'id', s.id,
			'name', s.name,
			'status', r.status,
			'crowding', r.crowding,
			'received_at', r.received_at,
			'drill', r.drill
		) as entry, r.id as seq
		from public.shelter_reports as r
		join public.shelters as s on s.id = r.shelter_id
		where not s.hidden
			and r.received_at >= (day::timestamp at time zone 'Asia/Tokyo')
			and r.received_at < ((day + 1)::timestamp at time zone 'Asia/Tokyo')
		order by r.received_at, r.id
		limit 10000
	) as rows
$$;

revoke execute on function public.open_shelter_status(), public.open_status_history(date)
	from public;
grant execute on function public.open_shelter_status(), public.open_status_history(date)
	to anon, authenticated;
