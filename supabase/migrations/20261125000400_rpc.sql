-- RPCs: the only write paths for callers (PostgREST /rpc/<name> on Supabase, the HTTP API
-- embedded). Security definer with an empty search_path, so each checks the caller itself.
-- Errors use SQLSTATEs the API maps to HTTP statuses:
--   42501 → 403 not allowed · P0002 → 404 unknown id · 23505 → 409 client_id already used for
--   something else · 22023 / 22P02 / 22007 / 22008 / 23502 / 23514 → 400 invalid input.

create function public.require_hq() returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
	if not public.is_hq() then
		raise exception 'only HQ may do this' using errcode = '42501';
	end if;
end
$$;

create function public.require_object(body jsonb) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
	if body is null or jsonb_typeof(body) <> 'object' then
		raise exception 'expected a JSON object' using errcode = '22023';
	end if;
end
$$;

-- submit_report({client_id, shelter_id, status, evacuees, crowding, needs, note, reported_at})
-- → {id, client_id, received_at, duplicate}. Idempotent on client_id, also under concurrency:
-- the unique index makes a parallel insert wait, then "do nothing", and both answer the same row.
-- A replay naming another shelter than the stored report is refused without revealing it.
create function public.submit_report(report jsonb) returns jsonb
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
		(client_id, shelter_id, reporter, status, evacuees, crowding, needs, note, reported_at)
	values (
		(report ->> 'client_id')::uuid,
		target,
		(select auth.uid()),
		report ->> 'status',
		(report ->> 'evacuees')::integer,
		report ->> 'crowding',
		array(select jsonb_array_elements_text(coalesce(report -> 'needs', '[]'::jsonb))),
		coalesce(report ->> 'note', ''),
		(report ->> 'reported_at')::timestamptz
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

-- issue_alert({level, hazard, areas, text, expires_at?, references_id?}) → the alert row.
-- references_id names an earlier alert this one updates; that one is cancelled in the same step.
create function public.issue_alert(alert jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	replaces uuid;
	created public.alerts;
begin
	perform public.require_hq();
	perform public.require_object(alert);
	if jsonb_typeof(alert -> 'areas') is distinct from 'array' then
		raise exception 'areas must be an array' using errcode = '22023';
	end if;
	replaces := (alert ->> 'references_id')::uuid;
	if replaces is not null then
		if not exists (select 1 from public.alerts as a where a.id = replaces) then
			raise exception 'unknown alert' using errcode = 'P0002';
		end if;
		update public.alerts as a set cancelled_at = now(), cancelled_by = (select auth.uid())
		where a.id = replaces and a.cancelled_at is null;
	end if;
	insert into public.alerts (level, hazard, areas, text, issued_by, expires_at, references_id)
	values (
		(alert ->> 'level')::smallint,
		alert ->> 'hazard',
		array(select jsonb_array_elements_text(alert -> 'areas')),
		alert -> 'text',
		(select auth.uid()),
		(alert ->> 'expires_at')::timestamptz,
		replaces
	)
	returning * into created;
	return to_jsonb(created);
end
$$;

-- cancel_alert(id) → the alert row; cancelling twice answers the same row.
create function public.cancel_alert(alert_id uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	found_alert public.alerts;
begin
	perform public.require_hq();
	update public.alerts as a set cancelled_at = now(), cancelled_by = (select auth.uid())
	where a.id = alert_id and a.cancelled_at is null
	returning * into found_alert;
	if not found then
		select * into found_alert from public.alerts as a where a.id = alert_id;
		if not found then
			raise exception 'unknown alert' using errcode = 'P0002';
		end if;
	end if;
	return to_jsonb(found_alert);
end
$$;

-- send_message({shelter_id: text | null (all shelters), body}) → the message row (+ read_at null).
create function public.send_message(message jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	target text;
	created public.messages;
begin
	perform public.require_hq();
	perform public.require_object(message);
	target := message ->> 'shelter_id';
	if target is not null and not exists (select 1 from public.shelters as s where s.id = target) then
		raise exception 'unknown shelter' using errcode = 'P0002';
	end if;
	insert into public.messages (shelter_id, body, sent_by)
	values (target, message ->> 'body', (select auth.uid()))
	returning * into created;
	return to_jsonb(created) || jsonb_build_object('read_at', null);
end
$$;

-- mark_message_read(id) → {message_id, shelter_id, read_at}: a receipt from the caller's
-- shelter; repeating it keeps the first receipt.
create function public.mark_message_read(message_id uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	mine text := public.my_shelter_id();
	receipt public.message_reads;
begin
	if mine is null then
		raise exception 'only shelter staff confirm messages' using errcode = '42501';
	end if;
	if not exists (
		select 1 from public.messages as m
		where m.id = mark_message_read.message_id and (m.shelter_id is null or m.shelter_id = mine)
	) then
		raise exception 'unknown message' using errcode = 'P0002';
	end if;
	insert into public.message_reads (message_id, shelter_id, read_by)
	values (mark_message_read.message_id, mine, (select auth.uid()))
	on conflict do nothing;
	select * into receipt from public.message_reads as r
	where r.message_id = mark_message_read.message_id and r.shelter_id = mine;
	return jsonb_build_object(
		'message_id', receipt.message_id,
		'shelter_id', receipt.shelter_id,
		'read_at', receipt.read_at
	);
end
$$;

-- set_drill_mode(on) → {drill_mode}. Leaving a drill clears statuses that only a drill set, so
-- no 訓練 status is left on the public map (each cleared shelter is announced).
create function public.set_drill_mode(drill_on boolean) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	cleared text;
begin
	perform public.require_hq();
	if drill_on is null then
		raise exception 'drill_on must be true or false' using errcode = '22023';
	end if;
	update public.settings as s set drill_mode = drill_on, updated_at = now(),
		updated_by = (select auth.uid())
	where s.id and s.drill_mode is distinct from drill_on;
	if not drill_on then
		for cleared in delete from public.shelter_status as st where st.drill returning st.shelter_id
		loop
			perform realtime.send(jsonb_build_object('shelter_id', cleared), 'status_cleared',
				'shelters', false);
		end loop;
	end if;
	return jsonb_build_object('drill_mode', drill_on);
end
$$;

-- GET /api/shelters: a GeoJSON FeatureCollection of the shelters the caller may see (RLS: anon
-- never gets hidden ones) with their public status. Security invoker on purpose.
create function public.shelter_collection() returns jsonb
language sql stable security invoker
set search_path = ''
as $$
	select jsonb_build_object(
		'type', 'FeatureCollection',
		'drill', coalesce((select st.drill_mode from public.settings as st where st.id), false),
		'generated_at', now(),
		'features', coalesce(jsonb_agg(
			jsonb_build_object(
				'type', 'Feature',
				'geometry', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(s.lon, s.lat)),
				'properties', jsonb_build_object(
					'id', s.id, 'name', s.name, 'address', s.address, 'kind', s.kind,
					'capacity', s.capacity, 'hazards', to_jsonb(s.hazards), 'welfare', s.welfare,
					'accepted_people', s.accepted_people, 'inside_city', s.inside_city,
					'notes', s.notes, 'sources', to_jsonb(s.sources), 'ad_hoc', s.ad_hoc,
					'status', case when ps.shelter_id is null then null else jsonb_build_object(
						'shelter_id', ps.shelter_id, 'status', ps.status, 'crowding', ps.crowding,
						'updated_at', ps.updated_at, 'drill', ps.drill
					) end
				) || case when s.hidden then jsonb_build_object('hidden', true) else '{}'::jsonb end
			) order by s.id
		), '[]'::jsonb)
	)
	from public.shelters as s
	left join public.shelter_status as ps on ps.shelter_id = s.id
$$;

revoke execute on function public.require_hq(), public.require_object(jsonb)
	from public, anon, authenticated;
revoke execute on function public.submit_report(jsonb), public.issue_alert(jsonb),
	public.cancel_alert(uuid), public.send_message(jsonb), public.mark_message_read(uuid),
	public.set_drill_mode(boolean)
	from public, anon;
grant execute on function public.submit_report(jsonb), public.issue_alert(jsonb),
	public.cancel_alert(uuid), public.send_message(jsonb), public.mark_message_read(uuid),
	public.set_drill_mode(boolean)
	to authenticated;
revoke execute on function public.shelter_collection() from public;
grant execute on function public.shelter_collection() to anon, authenticated;
