-- Who may read and write what: least-privilege grants and RLS on every table.
-- Supabase grants ALL on every new table in public to anon and authenticated by default (the
-- embedded shim copies that), so this file first revokes everything, then grants back only what
-- each role needs; RLS then narrows the rows. Writes that need more go through the security
-- definer RPCs of 20261125000400_rpc.sql.
--
--   table            anon                authenticated (RLS narrows)
--   shelters         select (not hidden) select; HQ insert (ad hoc) / update / delete (ad hoc)
--   staff            -                   select own row; HQ all
--   settings         select (no actor)   select
--   shelter_reports  -                   select: HQ all, staff own shelter; nobody writes directly
--   shelter_status   select (visible)    select (visible shelters)
--   alerts           select (no actors)  select
--   messages         -                   select: HQ all, staff own shelter + "all"
--   message_reads    -                   select: HQ all, staff own shelter
--   audit_log        -                   select: HQ only

-- Caller helpers. Security definer so policies on staff can use them without recursion; they only
-- ever answer about the caller (auth.uid()).
create function public.is_hq() returns boolean
language sql stable security definer
set search_path = ''
as $$
	select coalesce(
		(select s.role = 'hq' from public.staff as s where s.user_id = (select auth.uid())),
		false
	)
$$;

-- The shelter the caller is staff of (null for HQ, anon, or unknown users).
create function public.my_shelter_id() returns text
language sql stable security definer
set search_path = ''
as $$
	select s.shelter_id from public.staff as s
	where s.user_id = (select auth.uid()) and s.role = 'staff'
$$;

-- Realtime topics of DESIGN.md: shelters and alerts are public; hq is HQ only; shelter:<id> is
-- that shelter's staff and HQ.
create function public.can_receive_topic(topic text) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select case
		when topic in ('shelters', 'alerts') then true
		when topic = 'hq' then public.is_hq()
		when topic like 'shelter:%' then
			public.is_hq() or substr(topic, 9) = public.my_shelter_id()
		else false
	end
$$;

revoke all on all tables in schema public from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;
revoke execute on all functions in schema public from public, anon, authenticated;

grant execute on function public.texts_within(text[], integer) to anon, authenticated;
grant execute on function public.alert_text_valid(jsonb) to anon, authenticated;
grant execute on function public.is_hq() to anon, authenticated;
grant execute on function public.my_shelter_id() to anon, authenticated;
grant execute on function public.can_receive_topic(text) to anon, authenticated;

-- shelters
grant select on public.shelters to anon, authenticated;
grant insert (id, name, address, kind, lon, lat, capacity, hazards, welfare, accepted_people,
	inside_city, notes, sources, hidden, ad_hoc) on public.shelters to authenticated;
grant update (name, address, kind, lon, lat, capacity, hazards, welfare, accepted_people,
	inside_city, notes, sources, hidden) on public.shelters to authenticated;
grant delete on public.shelters to authenticated;
alter table public.shelters enable row level security;
create policy shelters_read_public on public.shelters for select to anon
	using (not hidden);
create policy shelters_read_authenticated on public.shelters for select to authenticated
	using (not hidden or (select public.is_hq()) or id = (select public.my_shelter_id()));
-- HQ adds only ad-hoc shelters (臨時避難所); designated ones come from the open-data import.
create policy shelters_insert_hq on public.shelters for insert to authenticated
	with check ((select public.is_hq()) and ad_hoc);
create policy shelters_update_hq on public.shelters for update to authenticated
	using ((select public.is_hq())) with check ((select public.is_hq()));
create policy shelters_delete_hq on public.shelters for delete to authenticated
	using ((select public.is_hq()) and ad_hoc);

-- staff (accounts are managed by the platform: the users CLI or the Supabase dashboard)
grant select on public.staff to authenticated;
alter table public.staff enable row level security;
create policy staff_read on public.staff for select to authenticated
	using (user_id = (select auth.uid()) or (select public.is_hq()));

-- settings (drill mode is shown on every screen, so everyone reads it; not who switched it)
grant select (id, drill_mode, updated_at) on public.settings to anon;
grant select on public.settings to authenticated;
alter table public.settings enable row level security;
create policy settings_read on public.settings for select to anon, authenticated using (true);

-- shelter_reports
grant select on public.shelter_reports to authenticated;
alter table public.shelter_reports enable row level security;
create policy shelter_reports_read on public.shelter_reports for select to authenticated
	using ((select public.is_hq()) or shelter_id = (select public.my_shelter_id()));

-- shelter_status: visible exactly when the shelter is (the subquery runs under shelters' RLS)
grant select on public.shelter_status to anon, authenticated;
alter table public.shelter_status enable row level security;
create policy shelter_status_read on public.shelter_status for select to anon, authenticated
	using (exists (select 1 from public.shelters as s where s.id = shelter_status.shelter_id));

-- alerts: residents never see who issued or cancelled
grant select (id, level, hazard, areas, text, issued_at, expires_at, cancelled_at, references_id,
	drill) on public.alerts to anon;
grant select on public.alerts to authenticated;
alter table public.alerts enable row level security;
create policy alerts_read on public.alerts for select to anon, authenticated using (true);

-- messages and receipts
grant select on public.messages to authenticated;
alter table public.messages enable row level security;
create policy messages_read on public.messages for select to authenticated
	using (
		(select public.is_hq())
		or ((select public.my_shelter_id()) is not null
			and (shelter_id is null or shelter_id = (select public.my_shelter_id())))
	);

grant select on public.message_reads to authenticated;
alter table public.message_reads enable row level security;
create policy message_reads_read on public.message_reads for select to authenticated
	using ((select public.is_hq()) or shelter_id = (select public.my_shelter_id()));

-- audit_log
grant select on public.audit_log to authenticated;
alter table public.audit_log enable row level security;
create policy audit_log_read_hq on public.audit_log for select to authenticated
	using ((select public.is_hq()));

-- Realtime authorization. On Supabase, Realtime checks these policies when a client joins a
-- private channel, with the channel name in realtime.topic(); embedded, the server reads
-- realtime.messages rows as the caller (realtime.topic() unset, so the row's own topic counts).
-- No insert policy: clients never broadcast; only our triggers send.
create policy bosai_receive_topics on realtime.messages for select to anon, authenticated
	using (
		realtime.messages.extension = 'broadcast'
		and (
			coalesce((select realtime.topic()), realtime.messages.topic) in ('shelters', 'alerts')
			-- The caller lookups are initplans (evaluated once per query, not per row): replaying
			-- thousands of rows to a reconnecting client stays cheap. Same rules as
			-- can_receive_topic(), which the matrix test checks alongside.
			or ((select public.is_hq())
				and (coalesce((select realtime.topic()), realtime.messages.topic) = 'hq'
					or coalesce((select realtime.topic()), realtime.messages.topic) like 'shelter:%'))
			or coalesce((select realtime.topic()), realtime.messages.topic)
				= 'shelter:' || (select public.my_shelter_id())
		)
	);
