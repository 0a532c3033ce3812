-- Sign-in and enrollment attempt limits kept in the database (issues 16 and 17), so a restart does
-- not reset them and every app server on one PostgreSQL database shares them. The policy is the
-- in-memory one's (docs/security.md "Sign-in limits", issue 18 M1/M2):
--   - an attempt is reserved (counted as a failure) before the password is checked, atomically:
--     the check and the insert run under transaction-scoped advisory locks on the username and
--     the address, so concurrent guesses can never all pass while the first ones hash (M1);
--   - limits per (username, address), per address and per username; the two wide ones never
--     refuse an address the account signed in from in the last `known_days` (M2);
--   - the server settles each attempt: wrong keeps it, right clears the pair and gives it back,
--     unchecked (the password-check queue refused it) gives it back.
-- Only the platform (the server, as service_role) reads or writes these tables.

create table public.signin_attempts (
	id bigint generated always as identity primary key,
	username text not null check (char_length(username) <= 64),
	address text not null check (char_length(address) <= 64),
	at timestamptz not null default clock_timestamp(),
	-- A right password from the same address clears the pair limit, not the wide ones.
	pair_cleared boolean not null default false
);
create index signin_attempts_pair_idx on public.signin_attempts (username, address, at);
create index signin_attempts_address_idx on public.signin_attempts (address, at);
create index signin_attempts_at_idx on public.signin_attempts (at);

create table public.signin_known (
	username text not null check (char_length(username) <= 64),
	address text not null check (char_length(address) <= 64),
	at timestamptz not null,
	primary key (username, address)
);

alter table public.signin_attempts enable row level security;
alter table public.signin_known enable row level security;
revoke all on public.signin_attempts, public.signin_known from public, anon, authenticated;
grant select, insert, update, delete on public.signin_attempts, public.signin_known to service_role;

-- Seconds until the key whose newest `lim` failures are `times` may try again (0: now).
create function public.signin_wait(lim integer, window_s integer, username text, address text)
returns integer
language sql stable security definer
set search_path = ''
as $$
	select coalesce(max(greatest(1, ceil(extract(epoch from (t.at + make_interval(secs => window_s)
		- clock_timestamp())))::integer)), 0)
	from (
		select a.at from public.signin_attempts as a
		where (signin_wait.username is null or a.username = signin_wait.username)
		  and (signin_wait.address is null or a.address = signin_wait.address)
		  and (signin_wait.username is null or signin_wait.address is null or not a.pair_cleared)
		  and a.at > clock_timestamp() - make_interval(secs => window_s)
		order by a.at desc
		offset greatest(lim - 1, 0) limit 1
	) as t
	where lim > 0
$$;
revoke execute on function public.signin_wait(integer, integer, text, text) from public, anon, authenticated;

-- limits: {window_s, pair, address, username (0 = no per-username limit), known_days}.
-- Answers {ok: true, ticket} or {ok: false, retry_after}.
create function public.signin_admit(username text, address text, limits jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	window_s integer := (limits ->> 'window_s')::integer;
	known boolean;
	wait integer;
	ticket bigint;
begin
	if username is null or address is null or char_length(username) > 64 or char_length(address) > 64 then
		raise exception 'username and address are required (at most 64 characters)' using errcode = '22023';
	end if;
	-- Always username first, then address: concurrent admits never wait on each other in a cycle.
	perform pg_advisory_xact_lock(16001, hashtext(username));
	perform pg_advisory_xact_lock(16002, hashtext(address));
	select exists (
		select 1 from public.signin_known as k
		where k.username = signin_admit.username and k.address = signin_admit.address
		  and k.at > clock_timestamp() - make_interval(days => (limits ->> 'known_days')::integer)
	) into known;
	wait := greatest(
		public.signin_wait((limits ->> 'pair')::integer, window_s, username, address),
		case when known then 0 else public.signin_wait((limits ->> 'address')::integer, window_s, null, address) end,
		case when known then 0 else public.signin_wait((limits ->> 'username')::integer, window_s, username, null) end
	);
	if wait > 0 then
		return jsonb_build_object('ok', false, 'retry_after', wait);
	end if;
	insert into public.signin_attempts (username, address) values (username, address) returning id into ticket;
	-- Forget what no window needs any more (bounded work per call).
	delete from public.signin_attempts as a where a.id in (
		select o.id from public.signin_attempts as o
		where o.at < clock_timestamp() - make_interval(secs => window_s) limit 100);
	return jsonb_build_object('ok', true, 'ticket', ticket);
end
$$;

create function public.signin_settle(ticket bigint, outcome text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	attempt public.signin_attempts;
begin
	if outcome not in ('wrong', 'right', 'unchecked') then
		raise exception 'outcome must be wrong, right or unchecked' using errcode = '22023';
	end if;
	if outcome = 'wrong' then
		return;
	end if;
	delete from public.signin_attempts as a where a.id = ticket returning * into attempt;
	if not found or outcome = 'unchecked' then
		return;
	end if;
	update public.signin_attempts as a set pair_cleared = true
	where a.username = attempt.username and a.address = attempt.address and not a.pair_cleared;
	insert into public.signin_known as k (username, address, at)
	values (attempt.username, attempt.address, clock_timestamp())
	on conflict (username, address) do update set at = excluded.at;
	-- At most 32 known addresses per account: the least recent go.
	delete from public.signin_known as k
	where k.username = attempt.username and k.address not in (
		select n.address from public.signin_known as n where n.username = attempt.username
		order by n.at desc limit 32);
end
$$;

revoke execute on function public.signin_admit(text, text, jsonb), public.signin_settle(bigint, text)
	from public, anon, authenticated;
grant execute on function public.signin_admit(text, text, jsonb), public.signin_settle(bigint, text)
	to service_role;
