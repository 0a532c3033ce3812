/**
 * 震度速報 (VXSE51: 細分区域 東京都多摩東部), 震源・震度に関する情報 (VXSE53: 狛江市 and the
 * station 狛江市和泉本町＊) and 緊急地震速報（警報） (VXSE43: 府県予報区 東京).
 */
import { komae } from './komae.ts';
import type { JmaItem } from './types.ts';
import { attr, path, text, type XmlNode } from './xml.ts';

function intensity(name: string, code: string, value: string): JmaItem {
	return {
		name: `震度${value}`,
		code,
		status: value,
		active: true,
		level: null,
		levelSource: null,
		area: { code, name }
	};
}

export function quakeItems(body: XmlNode | undefined): JmaItem[] {
	const prefs = path(body, 'Intensity', 'Observation', 'Pref');
	const items: JmaItem[] = [];
	for (const area of path({ Pref: prefs } as XmlNode, 'Pref', 'Area')) {
		if (text(area, 'Code') === komae.quakeArea && text(area, 'MaxInt') !== '') {
			items.push(intensity(text(area, 'Name'), text(area, 'Code'), text(area, 'MaxInt')));
		}
		for (const city of path(area, 'City')) {
			if (text(city, 'Code') !== komae.city) continue;
			if (text(city, 'MaxInt') !== '')
				items.push(intensity(text(city, 'Name'), text(city, 'Code'), text(city, 'MaxInt')));
			for (const station of path(city, 'IntensityStation')) {
				if ((komae.quakeStations as readonly string[]).includes(text(station, 'Code'))) {
					items.push(intensity(text(station, 'Name'), text(station, 'Code'), text(station, 'Int')));
				}
			}
		}
	}
	return items;
}

export function eewItems(head: XmlNode | undefined): JmaItem[] {
	const infos = path(head, 'Headline', 'Information').filter(
		(i) => attr(i, 'type') === '緊急地震速報（府県予報区）'
	);
	return path({ Information: infos } as XmlNode, 'Information', 'Item').flatMap((item) => {
		const area = path(item, 'Areas', 'Area').find((a) =>
			(komae.eewAreas as readonly string[]).includes(text(a, 'Code'))
		);
		if (!area) return [];
		const kind = path(item, 'Kind')[0];
		return [
			{
				name: text(kind, 'Name'),
				code: text(kind, 'Code'),
				status: '発表',
				active: true,
				level: null,
				levelSource: null,
				area: { code: text(area, 'Code'), name: text(area, 'Name') }
			}
		];
	});
}
