-- Session revocation (issue 18, L4): every account has a session version; an access token carries
-- the version it was issued under (claim `tv`, absent = 0) and is void once the account's version
-- moved on. A password reset bumps it (the users CLI), and so can anything else that must end all
-- sessions of an account at once (issue 16: disabling an account).
-- The check runs in SQL at the start of every caller transaction (session.ts `setCallerSql`), so
-- every path that runs as a caller (API routes, both live-stream paths) is covered by one rule.
-- A token of an account that no longer exists in auth.users is void too.
-- Embedded mode and plain PostgreSQL only: on Supabase, GoTrue issues the tokens and its own
-- sessions decide; the functions exist there but nothing calls them.

create table public.session_versions (
	user_id uuid primary key references auth.users (id) on delete cascade,
	version integer not null default 0 check (version >= 0),
	revoked_at timestamptz
);
-- Only the platform reads or writes it, through the functions below.
alter table public.session_versions enable row level security;
revoke all on public.session_versions from public, anon, authenticated;
grant select, insert, update, delete on public.session_versions to service_role;

-- Ends every session of an account: tokens issued before now stop working at their next request.
-- Returns the new version (the one tokens issued from now on carry).
create function public.revoke_sessions(account uuid) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	next_version integer;
begin
	if not exists (select 1 from auth.users as u where u.id = account) then
		raise exception 'no such account' using errcode = 'P0002';
	end if;
	insert into public.session_versions as v (user_id, version, revoked_at)
	values (account, 1, now())
	on conflict (user_id) do update set version = v.version + 1, revoked_at = now()
	returning v.version into next_version;
	return next_version;
end
$$;
revoke execute on function public.revoke_sessions(uuid) from public, anon, authenticated;
grant execute on function public.revoke_sessions(uuid) to service_role;

-- The caller check: raises SQLSTATE PT401 (PostgREST's "HTTP 401" convention; the server maps it
-- to 401 session_revoked) when `claims` belong to an authenticated caller whose token version is
-- not the account's current one, or whose account is gone. Anonymous and service claims pass.
-- Called by the transaction's first statement as the session user, before the role switch.
create function public.assert_session_current(claims jsonb) returns void
language plpgsql stable security definer
set search_path = ''
as $$
declare
	current_version integer;
begin
	if claims ->> 'role' is distinct from 'authenticated' then
		return;
	end if;
	select coalesce(v.version, 0) into current_version
	from auth.users as u
	left join public.session_versions as v on v.user_id = u.id
	where u.id = (claims ->> 'sub')::uuid;
	if not found or current_version <> coalesce((claims ->> 'tv')::integer, 0) then
		raise exception 'This session was ended; sign in again' using errcode = 'PT401';
	end if;
end
$$;
revoke execute on function public.assert_session_current(jsonb) from public, anon, authenticated;
grant execute on function public.assert_session_current(jsonb) to service_role;
