-- hq_shelters() found the report behind a shelter's status by `reported_at` equality, which can
-- pick the wrong row when two reports of a shelter carry the same terminal time (an HQ correction
-- and the report it corrects). shelter_status records the report it shows (report_id, issue 18
-- M4): join on it, falling back to the old match only for legacy rows without one; and return
-- observed_at, the order key the status follows, so the HQ screen compares exactly.

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
				'status', case when st.shelter_id is null then null else jsonb_build_object(
					'status', st.status, 'crowding', st.crowding,
					'evacuees', r.evacuees, 'needs', coalesce(to_jsonb(r.needs), '[]'::jsonb),
					'note', coalesce(r.note, ''), 'reported_at', st.reported_at,
					'observed_at', st.observed_at,
					'updated_at', st.updated_at, 'drill', st.drill
				) end
			) order by s.id
		)
		from public.shelters as s
		left join public.shelter_status as st on st.shelter_id = s.id
		left join lateral (
			select rr.evacuees, rr.needs, rr.note from public.shelter_reports as rr
			where rr.shelter_id = s.id
				and (rr.id = st.report_id or (st.report_id is null and rr.reported_at = st.reported_at))
			order by rr.id desc limit 1
		) as r on true
	), '[]'::jsonb);
end
$$;
