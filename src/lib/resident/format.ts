import type { NearbyResult } from '#lib/geo/shelter-index.ts';
import type { MessageValues } from '#lib/i18n/translate.ts';

type Translate = (key: string, values?: MessageValues) => string;

/** "506 m" below a kilometre, "1.2 km" above (walking distances, so no more precision). */
export function distanceText(meters: number, t: Translate): string {
	if (meters < 1000) return t('resident.distance.m', { meters: Math.round(meters / 10) * 10 });
	return t('resident.distance.km', { km: Math.round(meters / 100) / 10 });
}

/** "西へ 510 m" / "510 m west". */
export function awayText(
	result: Pick<NearbyResult<unknown>, 'distance' | 'direction'>,
	t: Translate
): string {
	return t('resident.list.away', {
		direction: t(`resident.dir.${result.direction}`),
		distance: distanceText(result.distance, t)
	});
}
