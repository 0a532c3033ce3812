import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Alert } from '#lib/domain/alert.ts';
import type { ShelterCollection } from '#lib/domain/shelter.ts';
import type { Hazard } from '#lib/domain/vocabulary.ts';

/** What a resident's device remembers: the last data it saw (with when), and two choices. */
export interface Saved<T> {
	value: T;
	/** When this device received it (ISO 8601), to show its age offline. */
	saved_at: string;
}

export interface ResidentPrefs {
	hazard: Hazard | null;
	/** The chosen 町丁目 (coarse on purpose: we never store a precise position). */
	town: string | null;
	live: boolean;
}

interface ResidentDB extends DBSchema {
	kv: {
		key: 'snapshot' | 'alerts' | 'prefs';
		value: Saved<ShelterCollection> | Saved<Alert[]> | ResidentPrefs;
	};
}

const dbName = 'bosai-resident';

export class ResidentCache {
	readonly #db: Promise<IDBPDatabase<ResidentDB>>;

	constructor(name = dbName) {
		this.#db = openDB<ResidentDB>(name, 1, {
			upgrade(db) {
				db.createObjectStore('kv');
			}
		});
	}

	async saveSnapshot(value: ShelterCollection, now = Date.now()): Promise<void> {
		await (await this.#db).put('kv', { value, saved_at: new Date(now).toISOString() }, 'snapshot');
	}

	async loadSnapshot(): Promise<Saved<ShelterCollection> | null> {
		return ((await (await this.#db).get('kv', 'snapshot')) as Saved<ShelterCollection>) ?? null;
	}

	async saveAlerts(value: Alert[], now = Date.now()): Promise<void> {
		await (await this.#db).put('kv', { value, saved_at: new Date(now).toISOString() }, 'alerts');
	}

	async loadAlerts(): Promise<Saved<Alert[]> | null> {
		return ((await (await this.#db).get('kv', 'alerts')) as Saved<Alert[]>) ?? null;
	}

	async savePrefs(prefs: ResidentPrefs): Promise<void> {
		await (await this.#db).put('kv', prefs, 'prefs');
	}

	async loadPrefs(): Promise<ResidentPrefs | null> {
		return ((await (await this.#db).get('kv', 'prefs')) as ResidentPrefs) ?? null;
	}

	async close(): Promise<void> {
		(await this.#db).close();
	}
}
