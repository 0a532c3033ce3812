-- Issue 18, M3 (SQL half): hidden shelters leaked on the public live topic. GET /api/shelters hid
-- a hidden shelter from anonymous callers, but every report for it was broadcast on the public
-- `shelters` topic (id, status, crowding, updated_at), live and on replay (`?after=0`).
--
-- 1. The report trigger sends the public status on `shelters` only for shelters that are not
--    hidden; every status also goes to `shelter:<id>` (private: its staff and HQ), and HQ still
--    gets the full report on `hq`. The status order is the observation time of
--    20261202000100 (M4).
-- 2. The read policy on realtime.messages lets anon and non-HQ callers read a `shelters` row only
--    if the shelter its payload names is not hidden NOW, so hiding a shelter also withdraws its
--    older messages from replays, and unhiding brings them back.
-- 3. A trigger on public.shelters announces visibility changes to `hq` (event `visibility`), for
--    in-memory replays that must apply the same rule (shared contract with the live helper).

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
		(shelter_id, status, crowding, updated_at, reported_at, drill, observed_at, report_id)
	values (new.shelter_id, new.status, new.crowding, new.received_at, new.reported_at, new.drill,
		observed, new.id)
	on conflict (shelter_id) do update set
		status = excluded.status,
		crowding = excluded.crowding,
		updated_at = excluded.updated_at,
		reported_at = excluded.reported_at,
		drill = excluded.drill,
		observed_at = excluded.observed_at,
		report_id = excluded.report_id
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
	-- HQ's screen merges live reports by the same order, so the report carries its observation time.
	perform realtime.send(to_jsonb(new) || jsonb_build_object('observed_at', observed), 'report', 'hq', true);
	return null;
end
$$;
revoke execute on function public.on_report_inserted() from public, anon, authenticated;

-- Hiding or unhiding a shelter is told to HQ's topic. It is master data, so nothing public is
-- announced (DESIGN.md: editing master data announces nothing). A shelter created hidden needs no
-- message: the report trigger never puts its status on `shelters`.
create function public.on_shelter_visibility_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	if new.hidden is distinct from old.hidden then
		perform realtime.send(
			jsonb_build_object('shelter_id', new.id, 'hidden', new.hidden), 'visibility', 'hq', true
		);
	end if;
	return null;
end
$$;
revoke execute on function public.on_shelter_visibility_changed() from public, anon, authenticated;

create trigger shelters_visibility after update of hidden on public.shelters
	for each row execute function public.on_shelter_visibility_changed();

-- The policy of 20261125000200_access.sql with one change: a `shelters` row whose payload names a
-- shelter is readable by anon and non-HQ only while that shelter is not hidden. The shelter ids
-- come from an uncorrelated subquery (a hashed SubPlan: read once per query, then one hash probe
-- per row) that runs under the caller's RLS on public.shelters with `not hidden` spelled out, so
-- no hidden id is ever handed to the caller. The caller lookups stay initplans.
drop policy bosai_receive_topics on realtime.messages;
create policy bosai_receive_topics on realtime.messages for select to anon, authenticated
	using (
		realtime.messages.extension = 'broadcast'
		and (
			coalesce((select realtime.topic()), realtime.messages.topic) = 'alerts'
			or (coalesce((select realtime.topic()), realtime.messages.topic) = 'shelters'
				and ((select public.is_hq())
					-- A message about no particular shelter (or a join check's probe row).
					or realtime.messages.payload ->> 'shelter_id' is null
					or realtime.messages.payload ->> 'shelter_id' in (
						select s.id from public.shelters as s where not s.hidden
					)))
			or ((select public.is_hq())
				and (coalesce((select realtime.topic()), realtime.messages.topic) = 'hq'
					or coalesce((select realtime.topic()), realtime.messages.topic) like 'shelter:%'))
			or coalesce((select realtime.topic()), realtime.messages.topic)
				= 'shelter:' || (select public.my_shelter_id())
		)
	);
