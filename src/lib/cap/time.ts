/**
 * CAP 1.2 times: `YYYY-MM-DDThh:mm:ss±hh:mm`, no fractions, never "Z" (CAP 1.2 §3.3.2). Japanese
 * alerting (Lアラート) uses JST, so we write +09:00.
 */
const jstOffsetMinutes = 9 * 60;

export function capTime(iso: string | Date, offsetMinutes = jstOffsetMinutes): string {
	const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
	if (Number.isNaN(ms)) throw new RangeError(`not a time: ${String(iso)}`);
	const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	const hh = String(Math.floor(abs / 60)).padStart(2, '0');
	const mm = String(abs % 60).padStart(2, '0');
	// An offset of zero is written -00:00, as CAP 1.2 asks for UTC.
	const zone = offsetMinutes === 0 ? '-00:00' : `${sign}${hh}:${mm}`;
	return local.toISOString().slice(0, 19) + zone;
}

export const capTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/;
