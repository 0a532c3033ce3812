/**
 * The database boundary of the server. Two drivers implement it: PGlite (embedded, default) and
 * node-postgres (a real PostgreSQL server: tests, and any deployer who prefers it). Every request
 * runs in one transaction as the caller's role with its JWT claims set, so RLS decides.
 */

/** JWT claims as Supabase sets them in `request.jwt.claims`. */
export interface Claims {
	/** auth.users id (uuid) of the caller. */
	sub: string;
	/** Postgres role to run as. */
	role: 'authenticated' | 'service_role';
	exp?: number;
	iat?: number;
	/** Session version the token was issued under (migration 20261202000200; absent = 0). */
	tv?: number;
	/** Our app role and shelter binding (informational: the `staff` table is the authority). */
	app_metadata?: { app_role?: 'hq' | 'staff'; shelter_id?: string | null };
}

export interface QueryResult<Row> {
	rows: Row[];
}

export interface Tx {
	query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
	/** Runs a script of several statements without parameters (migrations, shim). */
	exec(sql: string): Promise<void>;
}

/** One message of `realtime.send(payload, event, topic, private)`, as stored in realtime.messages. */
export interface RealtimeMessage {
	id: number;
	topic: string;
	event: string;
	payload: unknown;
	private: boolean;
	inserted_at: string;
}

/**
 * `background`: a read that may wait for writes (live replay). On PGlite, whose transactions run
 * one at a time, it queues behind every waiting foreground transaction (db/session.ts
 * PriorityQueue); a PostgreSQL server runs transactions side by side and ignores it.
 */
export type TxPriority = 'foreground' | 'background';

export interface TxOptions {
	priority?: TxPriority;
}

export interface Database {
	/** Runs `fn` in one transaction as `anon` (claims null) or `authenticated` with `claims`. */
	asUser<T>(claims: Claims | null, fn: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T>;
	/** Runs `fn` in one transaction as the platform (service_role / owner): setup, seed, CLI only. */
	asService<T>(fn: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T>;
	/** Called after commit for every realtime.send of a committed transaction (in id order). */
	onRealtime(listener: (message: RealtimeMessage) => void): () => void;
	/**
	 * Embedded PGlite only: a gzipped tarball of the whole data dir, taken between two
	 * transactions (so it is consistent) while the server keeps running. PostgreSQL: pg_dump.
	 */
	dumpDataDir?(): Promise<Blob>;
	close(): Promise<void>;
}
