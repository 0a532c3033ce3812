-- Issue 18, L2: no per-account report rate. One staff account stored 4,000 reports in 30 s
-- (≈ 24 MiB with their realtime messages). A staff account may now store at most 30 reports a
-- minute and 300 an hour; more is refused with SQLSTATE PT429, which PostgREST answers as HTTP
-- 429 and the embedded API maps to 429 with Retry-After (detail `retry_after=<seconds>`).
--
-- A real terminal never comes near: people report a shelter every few minutes, and the outbox
-- sends its queue one report at a time (after a long time offline it meets the limit at worst,
-- and then retries in order after Retry-After, as for any 429: nothing is lost).
-- Not counted and never refused: a replay of a client_id already stored (the outbox repeats a
-- report whose acknowledgement it missed; submit_report answers it without a new row).
-- Not limited: HQ accounts (few, made by the operator, and HQ may correct every shelter at once)
-- and the platform (reporter null: seed, CLI).
-- A before-insert trigger, so every write path is covered without redefining submit_report.

create index shelter_reports_reporter_received_idx
	on public.shelter_reports (reporter, received_at desc);

create function public.limit_report_rate() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	per_minute constant integer := 30;
	per_hour constant integer := 300;
	in_minute integer;
	in_hour integer;
	oldest_in_minute timestamptz;
	oldest_in_hour timestamptz;
	wait_seconds integer;
begin
	if new.reporter is null
		or exists (select 1 from public.staff as s where s.user_id = new.reporter and s.role = 'hq') then
		return new;
	end if;
	-- One account's inserts one at a time until commit, so parallel requests cannot all pass the
	-- count below while none of them is committed yet.
	perform pg_advisory_xact_lock(7355610, hashtext(new.reporter::text));
	if exists (select 1 from public.shelter_reports as r where r.client_id = new.client_id) then
		return new;
	end if;
	select count(*) filter (where r.received_at > now() - interval '1 minute'),
		count(*),
		min(r.received_at) filter (where r.received_at > now() - interval '1 minute'),
		min(r.received_at)
	into in_minute, in_hour, oldest_in_minute, oldest_in_hour
	from public.shelter_reports as r
	where r.reporter = new.reporter and r.received_at > now() - interval '1 hour';

	if in_minute >= per_minute or in_hour >= per_hour then
		wait_seconds := ceil(extract(epoch from (
			case when in_hour >= per_hour then oldest_in_hour + interval '1 hour'
				else oldest_in_minute + interval '1 minute' end
		) - now()))::integer;
		raise exception 'Too many reports from this account (at most % a minute and % an hour)',
			per_minute, per_hour
			using errcode = 'PT429', detail = format('retry_after=%s', greatest(wait_seconds, 1));
	end if;
	return new;
end
$$;
revoke execute on function public.limit_report_rate() from public, anon, authenticated;

create trigger shelter_reports_rate_limit before insert on public.shelter_reports
	for each row execute function public.limit_report_rate();
