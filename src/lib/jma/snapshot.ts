/** What pages read about JMA's information (GET /api/jma, or the views on Supabase). */
import type { JmaFamily, JmaItem } from './types.ts';

export interface JmaRow {
	id: number;
	stream: string;
	family: JmaFamily;
	control_title: string;
	head_title: string;
	report_at: string;
	valid_until: string | null;
	info_type: string;
	level: number | null;
	headline: string;
	items: JmaItem[];
	control_status?: string;
	voided_by?: number | null;
}

export interface JmaSnapshot {
	/** false: neither BOSAI_JMA_FEED nor BOSAI_JMA_DROP_DIR is set (null: not known, Supabase mode). */
	configured: boolean | null;
	source: string;
	in_effect: JmaRow[];
	timeline: JmaRow[];
}

/** The notifications hook: in-effect rows at 警戒レベル3相当 and above (for 「気象警報も受け取る」). */
export function inEffectAtLevel(snapshot: JmaSnapshot, minLevel = 3): JmaRow[] {
	return snapshot.in_effect.filter((row) => (row.level ?? 0) >= minLevel);
}
