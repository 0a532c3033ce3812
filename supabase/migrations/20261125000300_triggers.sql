-- Triggers: derived state (current status), drill stamping, append-only reports, audit log, and
-- the realtime announcements of DESIGN.md. Editing shelter master data announces nothing (a
-- real incident: a master-data fix re-broadcast "shelter opened"); only reports, alerts,
-- messages, receipts and the drill switch do. Public payloads carry no personal data.
-- Trigger functions are security definer with an empty search_path: they write tables the caller
-- may not touch, and every name in them is schema-qualified.

create function public.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at := now();
	return new;
end
$$;

create trigger shelters_touch before update on public.shelters
	for each row execute function public.touch_updated_at();

-- Everything made while drill mode is on is labelled 訓練; callers cannot choose.
create function public.stamp_drill() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	new.drill := coalesce((select s.drill_mode from public.settings as s where s.id), false);
	return new;
end
$$;

create trigger shelter_reports_drill before insert on public.shelter_reports
	for each row execute function public.stamp_drill();
create trigger alerts_drill before insert on public.alerts
	for each row execute function public.stamp_drill();
create trigger messages_drill before insert on public.messages
	for each row execute function public.stamp_drill();

create function public.forbid_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	raise exception '% is append-only', tg_table_name using errcode = '42501';
end
$$;

create trigger shelter_reports_append_only before update or delete on public.shelter_reports
	for each row execute function public.forbid_change();
create trigger shelter_reports_no_truncate before truncate on public.shelter_reports
	for each statement execute function public.forbid_change();

-- A report updates the shelter's current status unless a newer one (client clock) is already
-- shown, then announces: public status on `shelters`, the full report on `hq`.
create function public.on_report_inserted() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	applied boolean;
begin
	insert into public.shelter_status as cur
		(shelter_id, status, crowding, updated_at, reported_at, drill)
	values (new.shelter_id, new.status, new.crowding, new.received_at, new.reported_at, new.drill)
	on conflict (shelter_id) do update set
		status = excluded.status,
		crowding = excluded.crowding,
		updated_at = excluded.updated_at,
		reported_at = excluded.reported_at,
		drill = excluded.drill
	where cur.reported_at <= excluded.reported_at
	returning true into applied;

	if applied then
		perform realtime.send(
			jsonb_build_object(
				'shelter_id', new.shelter_id,
				'status', new.status,
				'crowding', new.crowding,
				'updated_at', new.received_at,
				'drill', new.drill
			),
			'status', 'shelters', false
		);
	end if;
	perform realtime.send(to_jsonb(new), 'report', 'hq', true);
	return null;
end
$$;

create trigger shelter_reports_announce after insert on public.shelter_reports
	for each row execute function public.on_report_inserted();

-- The public form of an alert: no issuer or canceller ids.
create function public.alert_public(a public.alerts) returns jsonb
language sql stable
set search_path = ''
as $$
	select to_jsonb(a) - 'issued_by' - 'cancelled_by'
$$;

create function public.on_alert_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		perform realtime.send(public.alert_public(new), 'issued', 'alerts', false);
	elsif old.cancelled_at is null and new.cancelled_at is not null then
		perform realtime.send(public.alert_public(new), 'cancelled', 'alerts', false);
	end if;
	return null;
end
$$;

create trigger alerts_announce after insert or update on public.alerts
	for each row execute function public.on_alert_changed();

-- A message goes to its shelter's private topic (every shelter's for "all") and to hq.
create function public.on_message_inserted() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	payload jsonb := to_jsonb(new);
	target text;
begin
	for target in
		select s.id from public.shelters as s
		where new.shelter_id is null or s.id = new.shelter_id
		order by s.id
	loop
		perform realtime.send(payload, 'message', 'shelter:' || target, true);
	end loop;
	perform realtime.send(payload, 'message', 'hq', true);
	return null;
end
$$;

create trigger messages_announce after insert on public.messages
	for each row execute function public.on_message_inserted();

create function public.on_message_read() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	perform realtime.send(to_jsonb(new), 'message_read', 'hq', true);
	return null;
end
$$;

create trigger message_reads_announce after insert on public.message_reads
	for each row execute function public.on_message_read();

-- Drill mode switched: everyone shows or hides the 訓練 label (public topic alerts).
create function public.on_settings_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	if new.drill_mode is distinct from old.drill_mode then
		perform realtime.send(jsonb_build_object('drill', new.drill_mode), 'drill_mode', 'alerts', false);
	end if;
	return null;
end
$$;

create trigger settings_announce after update on public.settings
	for each row execute function public.on_settings_changed();

-- Audit: who changed what and when. tg_argv[0] names the key column.
create function public.audit_row() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
	new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
begin
	insert into public.audit_log (actor, table_name, action, row_id, old, new)
	values (
		(select auth.uid()),
		tg_table_name,
		tg_op,
		coalesce(new_row, old_row) ->> tg_argv[0],
		old_row,
		new_row
	);
	return null;
end
$$;

create trigger shelters_audit after insert or update or delete on public.shelters
	for each row execute function public.audit_row('id');
create trigger staff_audit after insert or update or delete on public.staff
	for each row execute function public.audit_row('user_id');
create trigger alerts_audit after insert or update or delete on public.alerts
	for each row execute function public.audit_row('id');
create trigger messages_audit after insert or update or delete on public.messages
	for each row execute function public.audit_row('id');
create trigger settings_audit after insert or update or delete on public.settings
	for each row execute function public.audit_row('id');

revoke execute on function public.touch_updated_at(), public.stamp_drill(), public.forbid_change(),
	public.on_report_inserted(), public.on_alert_changed(), public.on_message_inserted(),
	public.on_message_read(), public.on_settings_changed(), public.audit_row()
	from public, anon, authenticated;
revoke execute on function public.alert_public(public.alerts) from public, anon, authenticated;
