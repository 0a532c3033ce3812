/**
 * Bodies of the notification API (docs/notifications.md). These give a clear 400 early; the
 * security definer RPCs validate everything again (https: endpoint, RFC 8291 key sizes, at most
 * 20 areas, address syntax), since they are the boundary in Supabase mode too.
 */
import { z } from '#lib/zod.ts';
import { locales } from '../i18n/locales.ts';

import { maxAreas } from './limits.ts';

export { manageTokenHeader, maxAreas } from './limits.ts';

export const prefsSchema = z.strictObject({
	/** 町丁目 names, or ["all"] for 市内全域. */
	areas: z.array(z.string().min(1).max(100)).min(1).max(maxAreas),
	locale: z.enum(locales),
	drills: z.boolean().default(false),
	/** Also JMA's warnings of 警戒レベル3相当 and above for 狛江市 (気象警報も受け取る). */
	jma: z.boolean().default(false)
});
export type SubscriptionPrefs = z.infer<typeof prefsSchema>;

export const pushSubscribeSchema = prefsSchema.extend({
	endpoint: z.string().min(1).max(2048),
	keys: z.strictObject({ p256dh: z.string().min(1).max(100), auth: z.string().min(1).max(40) })
});

export const emailSubscribeSchema = prefsSchema.extend({ email: z.string().min(3).max(254) });

export const tokenSchema = z.strictObject({ token: z.string().regex(/^[0-9a-f]{64}$/) });

/** What the API answers about one's own subscription (never the full address). */
export interface SubscriptionView {
	channel: 'push' | 'email';
	areas: string[];
	locale: string;
	drills: boolean;
	jma: boolean;
	confirmed: boolean;
	email_hint: string | null;
	created_at: string;
}

export interface DeliveryCounts {
	alert_id: string;
	queued: number;
	sent: number;
	failed: number;
	push: number;
	email: number;
}
