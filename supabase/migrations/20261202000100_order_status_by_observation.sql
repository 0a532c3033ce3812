-- Issue 18, M4: one wrong clock froze a shelter's status. shelter_status kept the report with the
-- newest reported_at (the terminal's clock), and shelter_reports_not_future lets a terminal be up
-- to 24 h ahead, so one report from a clock set a day ahead pinned the public and HQ status for a
-- day: every later, correct report (HQ's too) was stored and ignored.
--
-- From here the status follows the *observation time* of a report:
--   staff: least(reported_at, received_at) — the terminal's time, but never later than the server
--          received it. An offline-delayed report (older reported_at) still does not override a
--          newer one, and a clock ahead cannot pin: its report counts as observed when received.
--   HQ:    received_at — HQ posting a report for a shelter is an explicit correction made now, so
--          it wins over everything received before it, whatever HQ's own clock says.
-- reported_at stays stored and shown (to HQ) as the terminal's time: information, not the order.
--
-- shelter_status also records which report it shows (report_id): hq_shelters() finds that
-- report by reported_at today, which is exact only while reported_at decides the order.
-- The trigger that uses these columns is redefined in 20261202000110.

-- The observation time of a report, as the status order uses it. Security definer: it reads the
-- reporter's role in public.staff, which callers cannot read.
create function public.report_observed_at(report public.shelter_reports) returns timestamptz
language sql stable security definer
set search_path = ''
as $$
	select case
		when exists (
			select 1 from public.staff as s where s.user_id = report.reporter and s.role = 'hq'
		) then report.received_at
		else least(report.reported_at, report.received_at)
	end
$$;
revoke execute on function public.report_observed_at(public.shelter_reports)
	from public, anon, authenticated;

alter table public.shelter_status
	-- Order key: the observation time of the report shown (public.report_observed_at).
	add column observed_at timestamptz,
	-- The report shown; null only for a legacy row whose report could not be found.
	add column report_id bigint references public.shelter_reports (id);

-- Existing rows: the report each one shows (the newest with that client time, which is the one
-- the old trigger kept) and its observation time.
update public.shelter_status as st set report_id = (
	select r.id from public.shelter_reports as r
	where r.shelter_id = st.shelter_id and r.reported_at = st.reported_at
	order by r.id desc limit 1
);
update public.shelter_status as st set observed_at = coalesce(
	(select public.report_observed_at(r) from public.shelter_reports as r where r.id = st.report_id),
	least(st.reported_at, st.updated_at)
);

-- Repair rows pinned by a report dated ahead of its receipt: recompute them as the new order would
-- have, from the pinned report and every report of that shelter received after it. Drill reports
-- count only while a drill is on (ending a drill clears drill statuses anyway). Nothing is
-- announced: screens pick the repaired status up at their next snapshot refresh (≤ 1 min).
with pinned as (
	select st.shelter_id, st.report_id from public.shelter_status as st
	where st.reported_at > st.updated_at and st.report_id is not null
),
best as (
	select distinct on (r.shelter_id) r.id, r.shelter_id, r.status, r.crowding, r.received_at,
		r.reported_at, r.drill, public.report_observed_at(r) as observed
	from public.shelter_reports as r
	join pinned as p on p.shelter_id = r.shelter_id and r.id >= p.report_id
	where r.id = p.report_id
		or not r.drill
		or coalesce((select s.drill_mode from public.settings as s where s.id), false)
	order by r.shelter_id, public.report_observed_at(r) desc, r.id desc
)
update public.shelter_status as st set
	status = b.status,
	crowding = b.crowding,
	updated_at = b.received_at,
	reported_at = b.reported_at,
	drill = b.drill,
	observed_at = b.observed,
	report_id = b.id
from best as b
where b.shelter_id = st.shelter_id and b.id is distinct from st.report_id;

alter table public.shelter_status alter column observed_at set not null;

-- Column grants instead of the table grant, so anon never reads the new bookkeeping columns
-- (report ids count reports). Authenticated callers need report_id for hq_shelters() (security
-- invoker) to join the shown report by id.
revoke select on public.shelter_status from anon, authenticated;
grant select (shelter_id, status, crowding, updated_at, reported_at, drill)
	on public.shelter_status to anon, authenticated;
grant select (observed_at, report_id) on public.shelter_status to authenticated;
