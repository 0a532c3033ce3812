-- HQ dashboard (issue 8): the HQ snapshot of every shelter with its full latest report, the
-- shelter CSV import (all rows or none: one statement per row inside the caller's single
-- transaction, any failure rolls everything back), and the audit log view with actor names.
-- Editing master data announces nothing: none of these call realtime.send.

-- Every shelter (hidden ones too) with the report that set its current status. Security invoker:
-- RLS on shelters/shelter_reports still applies; the explicit check gives non-HQ a clear 42501.
create function public.hq_shelters() returns jsonb
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
					'updated_at', st.updated_at, 'drill', st.drill
				) end
			) order by s.id
		)
		from public.shelters as s
		left join public.shelter_status as st on st.shelter_id = s.id
		left join lateral (
			select rr.evacuees, rr.needs, rr.note from public.shelter_reports as rr
			where rr.shelter_id = s.id and rr.reported_at = st.reported_at
			order by rr.id desc limit 1
		) as r on true
	), '[]'::jsonb);
end
$$;

-- import_shelters([{id, name, address, kind, lon, lat, capacity, hazards, welfare,
-- accepted_people, inside_city, notes, sources, hidden, ad_hoc}, …]) → {added, updated}.
-- Security definer because RLS lets HQ insert only ad-hoc shelters by hand; an import is the
-- city's own designated list. Table checks validate each row again.
create function public.import_shelters(items jsonb) returns jsonb
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
			welfare, accepted_people, inside_city, notes, sources, hidden, ad_hoc)
		values (
			item ->> 'id', item ->> 'name', coalesce(item ->> 'address', ''), item ->> 'kind',
			(item ->> 'lon')::double precision, (item ->> 'lat')::double precision,
			(item ->> 'capacity')::integer,
			array(select jsonb_array_elements_text(coalesce(item -> 'hazards', '[]'::jsonb))),
			coalesce((item ->> 'welfare')::boolean, false), item ->> 'accepted_people',
			coalesce((item ->> 'inside_city')::boolean, true), item ->> 'notes',
			array(select jsonb_array_elements_text(coalesce(item -> 'sources', '[]'::jsonb))),
			coalesce((item ->> 'hidden')::boolean, false), coalesce((item ->> 'ad_hoc')::boolean, false)
		)
		on conflict (id) do update set
			name = excluded.name, address = excluded.address, kind = excluded.kind,
			lon = excluded.lon, lat = excluded.lat, capacity = excluded.capacity,
			hazards = excluded.hazards, welfare = excluded.welfare,
			accepted_people = excluded.accepted_people, inside_city = excluded.inside_city,
			notes = excluded.notes, sources = excluded.sources, hidden = excluded.hidden,
			ad_hoc = excluded.ad_hoc
		returning (xmax = 0) into was_insert;
		if was_insert then added := added + 1; else changed := changed + 1; end if;
	end loop;
	return jsonb_build_object('added', added, 'updated', changed);
end
$$;

-- The audit log for HQ, newest first, with the actor's user name, filtered by table, action and
-- actor name (substring). Security definer only to read auth.users names; checks HQ itself.
create function public.hq_audit(filters jsonb) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
	wanted_table text := nullif(filters ->> 'table', '');
	wanted_action text := nullif(filters ->> 'action', '');
	wanted_actor text := nullif(filters ->> 'actor', '');
	max_rows integer := least(greatest(coalesce((filters ->> 'limit')::integer, 200), 1), 1000);
begin
	if not public.is_hq() then
		raise exception 'only HQ may do this' using errcode = '42501';
	end if;
	return coalesce((
		select jsonb_agg(entry order by (entry ->> 'id')::bigint desc)
		from (
			select jsonb_build_object(
				'id', a.id, 'at', a.at, 'actor', a.actor, 'actor_name', u.email,
				'table_name', a.table_name, 'action', a.action, 'row_id', a.row_id,
				'old', a.old, 'new', a.new
			) as entry
			from public.audit_log as a
			left join auth.users as u on u.id = a.actor
			where (wanted_table is null or a.table_name = wanted_table)
				and (wanted_action is null or a.action = wanted_action)
				and (wanted_actor is null or strpos(coalesce(u.email, ''), wanted_actor) > 0)
			order by a.id desc
			limit max_rows
		) as rows
	), '[]'::jsonb);
end
$$;

revoke execute on function public.hq_shelters(), public.import_shelters(jsonb),
	public.hq_audit(jsonb) from public, anon;
grant execute on function public.hq_shelters(), public.import_shelters(jsonb),
	public.hq_audit(jsonb) to authenticated;
