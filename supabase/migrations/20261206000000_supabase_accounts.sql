-- Accounts in Supabase mode (issue 16): GoTrue owns auth.users there, so the server creates users
-- and sets passwords through supabase-js auth.admin (service-role key, server side only) and the
-- database keeps what it owns: public.staff (role, shelter, kind, disabled_at) and the audit log.
--   - auth_is_gotrue(): auth.users belongs to Supabase Auth (GoTrue keeps auth.refresh_tokens;
--     the embedded shim has none). Callers cannot create tables in schema auth.
--   - Least privilege: on Supabase, no SQL function writes a password hash into auth.users
--     (hq_create_account, hq_reset_password and the platform's create_account would store a
--     scrypt hash GoTrue cannot read): check_password_hash refuses there with 42501.
--   - revoke_sessions (its session_versions row, by trigger) also deletes the account's GoTrue
--     sessions (their refresh tokens go with them), so reset/move/disable end refreshing there too. Access tokens already issued
--     stay valid until they expire (GoTrue JWTs are not looked up): is_hq() and my_shelter_id()
--     now ignore a disabled account, so such a token keeps no HQ or shelter rights in RLS.
--   - platform_link_account / platform_reset_password: the server's steps (service_role only)
--     with the verified caller as `actor`; each checks the actor is HQ and writes the audit row.
--   - Enrollment codes: platform_claim_enrollment_code (single use) and platform_enroll_device
--     (binds the device user, audits), shared by both modes: on Supabase the server creates the
--     user with auth.admin.createUser in between; embedded redeem_enrollment_code now uses them.

create function public.auth_is_gotrue() returns boolean
language sql stable security definer
set search_path = ''
as $$
	select to_regclass('auth.refresh_tokens') is not null
$$;
revoke execute on function public.auth_is_gotrue() from public, anon, authenticated;

create or replace function public.check_password_hash(hash text) returns void
language plpgsql stable
set search_path = ''
as $$
begin
	if public.auth_is_gotrue() then
		raise exception 'Supabase Auth owns passwords here: accounts are managed through the server (auth.admin)'
			using errcode = '42501';
	end if;
	if hash is null or hash !~ '^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$' then
		raise exception 'password hash is malformed' using errcode = '22023';
	end if;
end
$$;
revoke execute on function public.check_password_hash(text) from public, anon, authenticated;

create or replace function public.is_hq() returns boolean
language sql stable security definer
set search_path = ''
as $$
	select coalesce(
		(select s.role = 'hq' and s.disabled_at is null from public.staff as s
		 where s.user_id = (select auth.uid())),
		false
	)
$$;

create or replace function public.my_shelter_id() returns text
language sql stable security definer
set search_path = ''
as $$
	select s.shelter_id from public.staff as s
	where s.user_id = (select auth.uid()) and s.role = 'staff' and s.disabled_at is null
$$;

-- GoTrue's sessions of an account (refresh tokens cascade). Nothing in embedded mode. Should the
-- project's owner role lack the grant, the step goes on with a warning: a disable still bans.
create function public.end_gotrue_sessions(account uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	if public.auth_is_gotrue() and to_regclass('auth.sessions') is not null then
		begin
			execute 'delete from auth.sessions where user_id = $1' using account;
		exception when insufficient_privilege then
			raise warning 'could not end the Supabase Auth sessions of %', account;
		end;
	end if;
end
$$;
revoke execute on function public.end_gotrue_sessions(uuid) from public, anon, authenticated;

-- Every revoke_sessions() bumps the account's row in session_versions: that also ends its GoTrue
-- sessions (reset password, move, disable).
create function public.end_gotrue_sessions_of_version() returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	perform public.end_gotrue_sessions(new.user_id);
	return new;
end
$$;
revoke execute on function public.end_gotrue_sessions_of_version() from public, anon, authenticated;
create trigger session_versions_end_gotrue_sessions
	after insert or update on public.session_versions
	for each row execute function public.end_gotrue_sessions_of_version();

-- The audit row of one account step with an explicit actor (the server's steps on Supabase).
create function public.audit_account_by(actor uuid, account uuid, step text, detail jsonb) returns void
language sql volatile security definer
set search_path = ''
as $$
	insert into public.audit_log (actor, table_name, action, row_id, old, new)
	values (actor, 'accounts', 'UPDATE', account::text, null,
		jsonb_build_object('step', step) || coalesce(detail, '{}'::jsonb));
$$;
revoke execute on function public.audit_account_by(uuid, uuid, text, jsonb) from public, anon, authenticated;

create or replace function public.audit_account(account uuid, step text, detail jsonb) returns void
language sql volatile security definer
set search_path = ''
as $$
	select public.audit_account_by((select auth.uid()), account, step, detail);
$$;

-- The server verified `actor`'s token; the database still decides whether the actor is HQ.
create function public.require_hq_actor(actor uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
	if not exists (select 1 from public.staff as s
		where s.user_id = actor and s.role = 'hq' and s.disabled_at is null) then
		raise exception 'only HQ may do this' using errcode = '42501';
	end if;
end
$$;
revoke execute on function public.require_hq_actor(uuid) from public, anon, authenticated;

-- A user Supabase Auth just created (auth.admin.createUser) gets its role and shelter.
create function public.platform_link_account(actor uuid, account uuid, app_role text, shelter text)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	perform public.require_hq_actor(actor);
	insert into public.staff (user_id, role, shelter_id, kind) values (account, app_role, shelter, 'person');
	perform public.audit_account_by(actor, account, 'create', jsonb_build_object(
		'username', (select u.email from auth.users as u where u.id = account),
		'role', app_role, 'shelter_id', shelter, 'kind', 'person'));
end
$$;

-- Before the server sets a new password (auth.admin.updateUserById): the account must be one HQ
-- manages; its sessions end and the step is audited. Answers the account's e-mail.
create function public.platform_reset_password(actor uuid, account uuid) returns text
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	perform public.require_hq_actor(actor);
	if not exists (select 1 from public.staff as s where s.user_id = account) then
		raise exception 'no such account' using errcode = 'P0002';
	end if;
	perform public.revoke_sessions(account);
	perform public.audit_account_by(actor, account, 'reset_password', null);
	return (select u.email from auth.users as u where u.id = account);
end
$$;

revoke execute on function public.platform_link_account(uuid, uuid, text, text),
	public.platform_reset_password(uuid, uuid) from public, anon, authenticated;
grant execute on function public.platform_link_account(uuid, uuid, text, text),
	public.platform_reset_password(uuid, uuid) to service_role;

-- Enrollment codes: claiming a code (single use: used_at is set here) is one step for both modes.
-- Answers {status: ok|unknown|used|expired} and, when ok, the code's id and shelter.
create function public.platform_claim_enrollment_code(code_sha256 text) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	rec public.enrollment_codes;
begin
	select * into rec from public.enrollment_codes as c
	where c.code_sha256 = platform_claim_enrollment_code.code_sha256 for update;
	if not found then
		return jsonb_build_object('status', 'unknown');
	elsif rec.used_at is not null then
		return jsonb_build_object('status', 'used');
	elsif rec.expires_at <= now() then
		return jsonb_build_object('status', 'expired');
	end if;
	update public.enrollment_codes as c set used_at = now() where c.id = rec.id;
	return jsonb_build_object('status', 'ok', 'id', rec.id, 'shelter_id', rec.shelter_id);
end
$$;

-- Binds a device account to its claimed code's shelter and audits it. In Supabase mode the server
-- calls it after auth.admin.createUser; `account` null (createUser failed) frees the code again.
create function public.platform_enroll_device(code uuid, account uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	rec public.enrollment_codes;
begin
	select * into rec from public.enrollment_codes as c where c.id = code and c.device is null for update;
	if not found then
		raise exception 'no such claimed code' using errcode = 'P0002';
	end if;
	if account is null then
		update public.enrollment_codes as c set used_at = null where c.id = code;
		return;
	end if;
	-- Embedded mode's create_account made the row already.
	insert into public.staff (user_id, role, shelter_id, kind) values (account, 'staff', rec.shelter_id, 'device')
	on conflict (user_id) do nothing;
	update public.enrollment_codes as c set device = account where c.id = code;
	perform public.audit_account_by(null, account, 'enroll_device', jsonb_build_object('code_id', code));
end
$$;

-- Embedded mode's redeem, now on the shared steps (same answers as before).
create or replace function public.redeem_enrollment_code(code_sha256 text, username text, password_hash text)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	claimed jsonb := public.platform_claim_enrollment_code(code_sha256);
	account uuid;
begin
	if claimed ->> 'status' <> 'ok' then
		return claimed;
	end if;
	account := public.create_account(username, password_hash, 'staff', claimed ->> 'shelter_id', 'device');
	perform public.platform_enroll_device((claimed ->> 'id')::uuid, account);
	return jsonb_build_object('status', 'ok', 'id', account, 'shelter_id', claimed ->> 'shelter_id');
end
$$;

revoke execute on function public.platform_claim_enrollment_code(text),
	public.platform_enroll_device(uuid, uuid) from public, anon, authenticated;
grant execute on function public.platform_claim_enrollment_code(text),
	public.platform_enroll_device(uuid, uuid) to service_role;
