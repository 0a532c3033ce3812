-- The per-account report rate of 20261202000120 (30 a minute, 300 an hour) as settings the server
-- writes at start from BOSAI_REPORT_RATE ("<per minute>/<per hour>"; default 30/300), so an
-- operator can raise it for an exercise with many reports from one terminal, and the shared
-- test servers (one staff account reporting for the whole suite) are not throttled. Nobody but the
-- platform writes it: settings has no update grant for API roles.

alter table public.settings
	add column report_rate_per_minute integer not null default 30
		check (report_rate_per_minute between 1 and 100000),
	add column report_rate_per_hour integer not null default 300
		check (report_rate_per_hour between 1 and 1000000);
comment on column public.settings.report_rate_per_minute is
	'Most reports one staff account may store per minute (HQ is not limited). Set by the server from BOSAI_REPORT_RATE.';
comment on column public.settings.report_rate_per_hour is
	'Most reports one staff account may store per hour. Set by the server from BOSAI_REPORT_RATE.';

create or replace function public.limit_report_rate() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	per_minute integer;
	per_hour integer;
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
	select s.report_rate_per_minute, s.report_rate_per_hour into per_minute, per_hour
	from public.settings as s where s.id;
	per_minute := coalesce(per_minute, 30);
	per_hour := coalesce(per_hour, 300);
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
