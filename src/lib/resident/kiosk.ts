import { z } from '#lib/zod.ts';
import { hazards, type Hazard } from '#lib/domain/vocabulary.ts';

/**
 * A kiosk stands in one place: its position comes from the URL (set once by whoever installs it),
 * e.g. /kiosk?lon=139.578&lat=35.634&name=狛江市役所, never from geolocation.
 */
const kioskQuery = z.object({
	lon: z.coerce.number().min(-180).max(180),
	lat: z.coerce.number().min(-90).max(90),
	name: z.string().trim().max(100).optional(),
	hazard: z.enum(hazards).optional(),
	idle: z.coerce.number().int().min(15).max(3600).optional()
});

export interface KioskConfig {
	lon: number;
	lat: number;
	name: string | null;
	hazard: Hazard | null;
	/** Seconds without input before the screen resets to the start. */
	idleSeconds: number;
}

export const defaultIdleSeconds = 90;

export function parseKioskConfig(
	params: Pick<URLSearchParams, 'get'>
): { ok: true; config: KioskConfig } | { ok: false } {
	const raw = Object.fromEntries(
		['lon', 'lat', 'name', 'hazard', 'idle']
			.filter((key) => params.get(key) !== null && params.get(key) !== '')
			.map((key) => [key, params.get(key)])
	);
	const parsed = kioskQuery.safeParse(raw);
	if (!parsed.success) return { ok: false };
	const { lon, lat, name, hazard, idle } = parsed.data;
	return {
		ok: true,
		config: {
			lon,
			lat,
			name: name || null,
			hazard: hazard ?? null,
			idleSeconds: idle ?? defaultIdleSeconds
		}
	};
}

/**
 * Calls `onIdle` after `timeoutMs` without any input on `target`; any input restarts the wait.
 * Returns a stop function.
 */
export function startIdleTimer(options: {
	target: EventTarget;
	timeoutMs: number;
	onIdle: () => void;
	timers?: {
		setTimeout: (fn: () => void, ms: number) => unknown;
		clearTimeout: (handle: unknown) => void;
	};
}): () => void {
	const { target, timeoutMs, onIdle } = options;
	const timers = options.timers ?? {
		setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
		clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
	};
	const inputs = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input', 'scroll'];
	let handle = timers.setTimeout(onIdle, timeoutMs);
	const restart = () => {
		timers.clearTimeout(handle);
		handle = timers.setTimeout(onIdle, timeoutMs);
	};
	for (const type of inputs) target.addEventListener(type, restart, { passive: true });
	return () => {
		timers.clearTimeout(handle);
		for (const type of inputs) target.removeEventListener(type, restart);
	};
}
