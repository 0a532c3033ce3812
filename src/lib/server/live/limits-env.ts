/**
 * The live stream limits a deployer may set (docs/security.md, "Live streams"):
 * BOSAI_LIVE_MAX_STREAMS (total), BOSAI_LIVE_MAX_STREAMS_PER_ADDRESS, BOSAI_LIVE_RETRY_AFTER
 * (seconds a refused client waits) and BOSAI_LIVE_REPLAY_RING (public messages kept for replay).
 * A value that is not a positive integer stops the start: a typo must not silently lift a cap.
 */
import { defaultStreamLimits } from './admission.ts';
import type { LiveHubOptions } from './hub.ts';
import { defaultRingCapacity } from './public-replay.ts';

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
		throw new Error(`${name} must be a positive integer, got "${raw}"`);
	}
	return Number(raw);
}

export function liveHubOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<LiveHubOptions> {
	return {
		ringCapacity: positiveInt(env, 'BOSAI_LIVE_REPLAY_RING', defaultRingCapacity),
		limits: {
			total: positiveInt(env, 'BOSAI_LIVE_MAX_STREAMS', defaultStreamLimits.total),
			perAddress: positiveInt(env, 'BOSAI_LIVE_MAX_STREAMS_PER_ADDRESS', defaultStreamLimits.perAddress),
			retryAfter: positiveInt(env, 'BOSAI_LIVE_RETRY_AFTER', defaultStreamLimits.retryAfter)
		}
	};
}
