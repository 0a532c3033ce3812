/**
 * Backup file names say when they were taken and at which schema version (the newest applied
 * migration), so an operator can pick one without opening it:
 * `bosai-backup-20261202T141500Z-schema-20261202300000.pglite.tar.gz` (embedded PGlite) or
 * `….pgdump` (pg_dump custom format of a PostgreSQL server).
 */
export type BackupKind = 'pglite' | 'pgdump';

const extensions: Record<BackupKind, string> = { pglite: '.pglite.tar.gz', pgdump: '.pgdump' };
const pattern = /^bosai-backup-(\d{8}T\d{6}Z)-schema-(\d{1,20})\.(pglite\.tar\.gz|pgdump)$/;

export interface BackupName {
	takenAt: Date;
	schemaVersion: string;
	kind: BackupKind;
}

export function backupFileName(takenAt: Date, schemaVersion: string, kind: BackupKind): string {
	if (!/^\d{1,20}$/.test(schemaVersion)) throw new Error(`bad schema version ${schemaVersion}`);
	const stamp = takenAt
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}Z$/, 'Z');
	return `bosai-backup-${stamp}-schema-${schemaVersion}${extensions[kind]}`;
}

/** The parts of one of our backup names; null for any other file. */
export function parseBackupName(file: string): BackupName | null {
	const match = pattern.exec(file);
	if (!match) return null;
	const [, stamp, schemaVersion, extension] = match;
	const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
	const takenAt = new Date(iso);
	if (Number.isNaN(takenAt.getTime())) return null;
	return { takenAt, schemaVersion, kind: extension === 'pgdump' ? 'pgdump' : 'pglite' };
}

/** Our backups older than `keepDays` (never other files), oldest first: the ones to delete. */
export function expiredBackups(files: string[], keepDays: number, now: Date): string[] {
	const cutoff = now.getTime() - keepDays * 86_400_000;
	return files
		.map((file) => ({ file, name: parseBackupName(file) }))
		.filter((entry) => entry.name !== null && entry.name.takenAt.getTime() < cutoff)
		.sort((a, b) => a.name!.takenAt.getTime() - b.name!.takenAt.getTime())
		.map((entry) => entry.file);
}
