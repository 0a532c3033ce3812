-- Leaving a drill clears the statuses only the drill set. The clear of a HIDDEN shelter went out on
-- the public `shelters` topic and so revealed its id live (issue 18 M3, found after the first fix):
-- it now goes to that shelter's staff (`shelter:<id>`) and HQ (`hq`), private, like its status.

create or replace function public.set_drill_mode(drill_on boolean) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	cleared record;
begin
	perform public.require_hq();
	if drill_on is null then
		raise exception 'drill_on must be true or false' using errcode = '22023';
	end if;
	update public.settings as s set drill_mode = drill_on, updated_at = now(),
		updated_by = (select auth.uid())
	where s.id and s.drill_mode is distinct from drill_on;
	if not drill_on then
		for cleared in
			with gone as (delete from public.shelter_status as st where st.drill returning st.shelter_id)
			select gone.shelter_id, coalesce(sh.hidden, false) as hidden
			from gone left join public.shelters as sh on sh.id = gone.shelter_id
			order by gone.shelter_id
		loop
			if cleared.hidden then
				perform realtime.send(jsonb_build_object('shelter_id', cleared.shelter_id), 'status_cleared',
					'shelter:' || cleared.shelter_id, true);
				perform realtime.send(jsonb_build_object('shelter_id', cleared.shelter_id), 'status_cleared',
					'hq', true);
			else
				perform realtime.send(jsonb_build_object('shelter_id', cleared.shelter_id), 'status_cleared',
					'shelters', false);
			end if;
		end loop;
	end if;
	return jsonb_build_object('drill_mode', drill_on);
end
$$;

revoke execute on function public.set_drill_mode(boolean) from public, anon;
grant execute on function public.set_drill_mode(boolean) to authenticated;
