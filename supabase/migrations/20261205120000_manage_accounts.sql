-- Accounts and terminals managed live by HQ (issue 16), embedded mode and plain PostgreSQL.
--   - staff.kind: 'person' (a named account) or 'device' (a terminal enrolled with a code, bound to
--     one shelter); staff.disabled_at: a disabled account cannot sign in and its sessions ended.
--   - HQ-only RPCs for every step (list, create, reset password, move, disable/enable, enrollment
--     codes, devices); each writes an audit row (table_name 'accounts') besides the staff trigger's.
--     Passwords arrive as scrypt hashes made by the server: no plain password ever reaches SQL.
--   - enrollment_codes: single-use 端末登録コード, only their SHA-256 stored, valid 15 minutes.
-- On Supabase, GoTrue owns auth.users: these functions exist there but the server does not call
-- them (UNFINISHED: the panel through supabase-js auth.admin).

alter table public.staff
	add column kind text not null default 'person' check (kind in ('person', 'device')),
	add column disabled_at timestamptz,
	add constraint staff_device_is_staff check (kind = 'person' or role = 'staff');

-- The audit row of one account step (callers never write audit_log directly).
create function public.audit_account(account uuid, step text, detail jsonb) returns void
language sql volatile security definer
set search_path = ''
as $$
	insert into public.audit_log (actor, table_name, action, row_id, old, new)
	values ((select auth.uid()), 'accounts', 'UPDATE', account::text, null,
		jsonb_build_object('step', step) || coalesce(detail, '{}'::jsonb));
$$;
revoke execute on function public.audit_account(uuid, text, jsonb) from public, anon, authenticated;

create function public.check_password_hash(hash text) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
	if hash is null or hash !~ '^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$' then
		raise exception 'password hash is malformed' using errcode = '22023';
	end if;
end
$$;
revoke execute on function public.check_password_hash(text) from public, anon, authenticated;

-- Every account HQ manages: no hash, no password, no token version.
create function public.hq_accounts() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
	perform public.require_hq();
	return coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', u.id, 'username', u.email, 'role', s.role, 'kind', s.kind,
			'shelter_id', s.shelter_id, 'shelter_name', sh.name,
			'disabled_at', s.disabled_at, 'created_at', u.created_at, 'revoked_at', v.revoked_at
		) order by s.kind, u.email)
		from auth.users as u
		join public.staff as s on s.user_id = u.id
		left join public.shelters as sh on sh.id = s.shelter_id
		left join public.session_versions as v on v.user_id = u.id
	), '[]'::jsonb);
end
$$;

-- A new account (person or device); returns its id. The username rule is usernameSchema's.
create function public.create_account(username text, password_hash text, app_role text, shelter text,
	account_kind text) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	account uuid;
begin
	if username is null or username !~ '^[a-z0-9][a-z0-9._-]{2,63}$' then
		raise exception 'username: 3–64 of a–z 0–9 . _ -' using errcode = '22023';
	end if;
	perform public.check_password_hash(password_hash);
	if exists (select 1 from auth.users as u where u.email = username) then
		raise exception 'user % exists already', username using errcode = '23505';
	end if;
	insert into auth.users (email, encrypted_password, raw_app_meta_data)
	values (username, password_hash, jsonb_build_object('app_role', app_role, 'shelter_id', shelter))
	returning id into account;
	-- The staff table's checks decide role/shelter/kind validity (and the shelter must exist).
	insert into public.staff (user_id, role, shelter_id, kind) values (account, app_role, shelter, account_kind);
	perform public.audit_account(account, 'create',
		jsonb_build_object('username', username, 'role', app_role, 'shelter_id', shelter, 'kind', account_kind));
	return account;
end
$$;
revoke execute on function public.create_account(text, text, text, text, text) from public, anon, authenticated;

create function public.hq_create_account(username text, password_hash text, app_role text, shelter text)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	perform public.require_hq();
	return public.create_account(username, password_hash, app_role, shelter, 'person');
end
$$;

-- The account as HQ may change it: exists and is bound by the staff table.
create function public.managed_account(account uuid) returns public.staff
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	rec public.staff;
begin
	perform public.require_hq();
	select * into rec from public.staff as s where s.user_id = account for update;
	if not found then
		raise exception 'no such account' using errcode = 'P0002';
	end if;
	return rec;
end
$$;
revoke execute on function public.managed_account(uuid) from public, anon, authenticated;

-- A new password (hash); every session of the account ends.
create function public.hq_reset_password(account uuid, password_hash text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	perform public.managed_account(account);
	perform public.check_password_hash(password_hash);
	update auth.users as u set encrypted_password = password_hash, updated_at = now() where u.id = account;
	perform public.revoke_sessions(account);
	perform public.audit_account(account, 'reset_password', null);
end
$$;

-- Moves a staff account (person or device) to another shelter; its sessions end (their tokens
-- name the old shelter), so the terminal signs in again and sees the new one.
create function public.hq_move_account(account uuid, shelter text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	rec public.staff := public.managed_account(account);
begin
	if rec.role <> 'staff' then
		raise exception 'only staff accounts belong to a shelter' using errcode = '22023';
	end if;
	update public.staff as s set shelter_id = shelter where s.user_id = account;
	update auth.users as u set raw_app_meta_data = u.raw_app_meta_data || jsonb_build_object('shelter_id', shelter)
	where u.id = account;
	perform public.revoke_sessions(account);
	perform public.audit_account(account, 'move', jsonb_build_object('from', rec.shelter_id, 'to', shelter));
end
$$;

-- Disables (every session ends at once: tokens at their next request, live streams within
-- seconds) or enables an account. HQ cannot disable itself (no accidental lock-out).
create function public.hq_set_disabled(account uuid, disabled boolean) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	perform public.managed_account(account);
	if disabled and account = (select auth.uid()) then
		raise exception 'HQ cannot disable its own account' using errcode = '22023';
	end if;
	update public.staff as s set disabled_at = case when disabled then coalesce(s.disabled_at, now()) end
	where s.user_id = account;
	if disabled then
		perform public.revoke_sessions(account);
	end if;
	perform public.audit_account(account, case when disabled then 'disable' else 'enable' end, null);
end
$$;

-- Enrollment codes: HQ makes one for a shelter; the server stores only the SHA-256 of the code.
create table public.enrollment_codes (
	id uuid primary key default gen_random_uuid(),
	code_sha256 text not null unique check (code_sha256 ~ '^[0-9a-f]{64}$'),
	shelter_id text not null references public.shelters (id) on delete cascade,
	created_by uuid,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz,
	device uuid references auth.users (id) on delete set null,
	constraint enrollment_codes_window check (expires_at > created_at and expires_at <= created_at + interval '1 day')
);
create index enrollment_codes_created_idx on public.enrollment_codes (created_at desc);
alter table public.enrollment_codes enable row level security;
revoke all on public.enrollment_codes from public, anon, authenticated;
grant select, insert, update, delete on public.enrollment_codes to service_role;

create function public.hq_create_enrollment_code(shelter text, code_sha256 text) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	rec public.enrollment_codes;
begin
	perform public.require_hq();
	insert into public.enrollment_codes (code_sha256, shelter_id, created_by, expires_at)
	values (code_sha256, shelter, (select auth.uid()), now() + interval '15 minutes')
	returning * into rec;
	perform public.audit_account(null, 'enrollment_code',
		jsonb_build_object('code_id', rec.id, 'shelter_id', shelter, 'expires_at', rec.expires_at));
	return jsonb_build_object('id', rec.id, 'shelter_id', rec.shelter_id, 'expires_at', rec.expires_at);
end
$$;

-- Redeems a code (the server, as the platform, after the attempt limit admitted it): creates the
-- device account bound to the code's shelter. Answers {status: ok|unknown|used|expired}.
create function public.redeem_enrollment_code(code_sha256 text, username text, password_hash text)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	rec public.enrollment_codes;
	account uuid;
begin
	select * into rec from public.enrollment_codes as c where c.code_sha256 = redeem_enrollment_code.code_sha256
	for update;
	if not found then
		return jsonb_build_object('status', 'unknown');
	elsif rec.used_at is not null then
		return jsonb_build_object('status', 'used');
	elsif rec.expires_at <= now() then
		return jsonb_build_object('status', 'expired');
	end if;
	account := public.create_account(username, password_hash, 'staff', rec.shelter_id, 'device');
	update public.enrollment_codes as c set used_at = now(), device = account where c.id = rec.id;
	perform public.audit_account(account, 'enroll_device', jsonb_build_object('code_id', rec.id));
	return jsonb_build_object('status', 'ok', 'id', account, 'shelter_id', rec.shelter_id);
end
$$;
revoke execute on function public.redeem_enrollment_code(text, text, text) from public, anon, authenticated;
grant execute on function public.redeem_enrollment_code(text, text, text) to service_role;

-- Codes HQ made lately (no hash), newest first.
create function public.hq_enrollment_codes() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
	perform public.require_hq();
	return coalesce((
		select jsonb_agg(jsonb_build_object('id', c.id, 'shelter_id', c.shelter_id, 'created_at', c.created_at,
			'expires_at', c.expires_at, 'used_at', c.used_at, 'device', c.device) order by c.created_at desc)
		from (select * from public.enrollment_codes order by created_at desc limit 50) as c
	), '[]'::jsonb);
end
$$;

revoke execute on function public.hq_accounts(), public.hq_create_account(text, text, text, text),
	public.hq_reset_password(uuid, text), public.hq_move_account(uuid, text),
	public.hq_set_disabled(uuid, boolean), public.hq_create_enrollment_code(text, text),
	public.hq_enrollment_codes() from public, anon;
grant execute on function public.hq_accounts(), public.hq_create_account(text, text, text, text),
	public.hq_reset_password(uuid, text), public.hq_move_account(uuid, text),
	public.hq_set_disabled(uuid, boolean), public.hq_create_enrollment_code(text, text),
	public.hq_enrollment_codes() to authenticated;
