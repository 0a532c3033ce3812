/** Showing JMA's text unaltered, but shortened where space is short — and saying so (一部を表示). */
export function shortened(text: string, max: number): { text: string; shortened: boolean } {
	const chars = [...text.trim()];
	if (chars.length <= max) return { text: chars.join(''), shortened: false };
	return { text: `${chars.slice(0, max).join('')}…`, shortened: true };
}

/** Active Komae items of a row, as JMA names them: 「大雨注意報（継続）」. */
export function itemLabels(items: { name: string; status: string; active?: boolean }[]): string[] {
	return items
		.filter((i) => i.active !== false)
		.map((i) => (i.status && i.status !== i.name ? `${i.name}（${i.status}）` : i.name));
}

/** Age in whole minutes between a saved time and now (never negative). */
export function ageMinutes(savedAt: string, now: number): number {
	return Math.max(0, Math.floor((now - Date.parse(savedAt)) / 60_000));
}
