/**
 * The 共通ID check of the HQ shelter CSV import. Only ids that claim to be a 共通ID (`E` then a
 * digit) are checked: the city's own ids (臨時避難所, v1 `NO`) stay valid. No city check here: a city
 * may list a shelter of a neighbouring municipality (市外), whose id carries that code.
 */
import { claimsCommonId, parseCommonId, type CommonIdProblem } from '../data/common-id.ts';

/** The 1-based character a problem points at (the first of the part). */
const positionOf: Record<Exclude<CommonIdProblem, 'length'>, number> = {
	prefix: 1,
	municipality: 2,
	other_city: 2,
	facility: 7,
	major: 12,
	minor: 13,
	serial: 14
};

export type CommonIdCheck =
	| { ok: true; welfare: boolean }
	| {
			ok: false;
			code: 'common_id_length' | 'common_id_char';
			values: Record<string, string | number>;
	  };

export function commonIdCheck(id: string): CommonIdCheck {
	if (!claimsCommonId(id)) return { ok: true, welfare: false };
	const parsed = parseCommonId(id);
	if (parsed.ok) return { ok: true, welfare: parsed.value.welfare };
	if (parsed.problem === 'length') return { ok: false, code: 'common_id_length', values: { value: id } };
	return { ok: false, code: 'common_id_char', values: { value: id, position: positionOf[parsed.problem] } };
}
