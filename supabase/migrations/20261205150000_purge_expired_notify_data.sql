-- Notifications keep no personal data longer than they need it (issue 13, privacy):
-- an e-mail sign-up whose 48-hour confirmation link expired unconfirmed is deleted with its
-- address; expired manage tokens and the per-address rate-limit rows older than a day go too.
-- A sign-up whose confirmation mail never went out (no confirm_expires_at yet, e.g. SMTP down)
-- goes 7 days after it was made. The delivery worker calls this at most once an hour.

-- purge_expired() → {subscribers, tokens, attempts}: how many rows were deleted.
create function notify.purge_expired() returns jsonb
language sql volatile security definer
set search_path = ''
as $$
	with subscribers as (
		delete from notify.subscribers as s
		where s.channel = 'email' and s.confirmed_at is null
			and coalesce(s.confirm_expires_at, s.created_at + interval '7 days') < now()
		returning 1
	), tokens as (
		delete from notify.tokens as t where t.expires_at < now() returning 1
	), attempts as (
		delete from notify.subscribe_attempts as a where a.at < now() - interval '1 day' returning 1
	)
	select jsonb_build_object(
		'subscribers', (select count(*) from subscribers),
		'tokens', (select count(*) from tokens),
		'attempts', (select count(*) from attempts))
$$;

revoke execute on function notify.purge_expired() from public, anon, authenticated;
grant execute on function notify.purge_expired() to service_role;
