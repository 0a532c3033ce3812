import type { ShelterOrderState } from '../domain/open-order.ts';
/** What HQ sees of a shelter: master data plus the full latest status (HQ-only fields included). */
import type { Message } from '../backend/port.ts';
import type { ShelterRecord } from '../domain/shelter.ts';
import type { Crowding, Need, ShelterStatus } from '../domain/vocabulary.ts';

export interface HqStatus {
	status: ShelterStatus;
	crowding: Crowding;
	evacuees: number | null;
	needs: Need[];
	note: string;
	reported_at: string;
	/** Server time of the latest report: the age and stale rules use it (client clocks drift). */
	updated_at: string;
	/** Observation time that orders statuses (SQL public.report_observed_at); absent in snapshots. */
	observed_at?: string;
	drill: boolean;
	/** Issue 16: the numbers of the report shown (absent from older servers and snapshots). */
	evacuees_male?: number | null;
	evacuees_female?: number | null;
	evacuees_undisclosed?: number | null;
	households?: number | null;
	needs_care?: number | null;
	external_evacuees?: number | null;
	/** Set by the status change: first open after not open / closing (SQL trigger). */
	opened_at?: string | null;
	closed_at?: string | null;
	/** 余力 and 定員状況, derived in SQL (public.capacity_remaining / capacity_state). */
	remaining?: number | null;
	capacity_state?: CapacityState;
}

/** 定員状況 as SQL public.capacity_state derives it. */
export type CapacityState = 'available' | 'full' | 'unknown';

export interface HqShelter extends ShelterRecord {
	hidden: boolean;
	/** 臨時避難所: added by HQ during an event. */
	ad_hoc: boolean;
	/** 屋内 / 屋外 places set by HQ or parsed from 想定収容人数 (issue 16). */
	capacity_indoor?: number | null;
	capacity_outdoor?: number | null;
	status: HqStatus | null;
	/** Its newest opening order that is not cancelled (開設指示中 / 確認済み); null when none. */
	open_order?: ShelterOrderState | null;
}

/** A message as HQ lists it: with every shelter's read receipt. */
export type HqMessage = Message & { reads?: { shelter_id: string; read_at: string }[] };
