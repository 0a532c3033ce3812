/**
 * 指定河川洪水予報 (VXKO): the forecast for 多摩川 or 野川・仙川 and the 現況 of its stations
 * (水位 and レベル at the first time of 水位・流量情報).
 */
import { komae } from './komae.ts';
import { levelFromFloodCode } from './levels.ts';
import type { JmaItem, JmaStation } from './types.ts';
import { all, attr, first, path, text, type XmlNode } from './xml.ts';

function stations(body: XmlNode | undefined): JmaStation[] {
	const infos = all(body, 'MeteorologicalInfos').filter((m) => attr(m, 'type') === '水位・流量情報');
	const items = path(infos[0], 'TimeSeriesInfo', 'Item');
	const firstId = attr(path(infos[0], 'TimeSeriesInfo', 'TimeDefines', 'TimeDefine')[0], 'timeId');
	return items.flatMap((item) => {
		const station = first(item, 'Station');
		if (!station) return [];
		const values = path(item, 'Kind', 'Property', 'WaterLevelPart', 'WaterLevel').filter(
			(v) => attr(v, 'refID') === firstId
		);
		const value = (type: string) => {
			const raw = text(values.find((v) => attr(v, 'type') === type));
			return raw === '' || Number.isNaN(Number(raw)) ? null : Number(raw);
		};
		return [
			{
				code: text(station, 'Code'),
				name: text(station, 'Name'),
				waterLevel: value('水位'),
				level: value('レベル')
			}
		];
	});
}

export function floodItems(head: XmlNode | undefined, body: XmlNode | undefined) {
	const infos = path(head, 'Headline', 'Information').filter(
		(i) => attr(i, 'type') === '指定河川洪水予報（予報区域）'
	);
	for (const item of path(infos[0], 'Item')) {
		const area = path(item, 'Areas', 'Area').find((a) => text(a, 'Code') in komae.rivers);
		if (!area) continue;
		const kind = first(item, 'Kind');
		const code = text(kind, 'Code');
		const level = levelFromFloodCode(code);
		const entry: JmaItem = {
			name: text(kind, 'Name'),
			code,
			status: text(kind, 'Condition'),
			active: level !== null,
			level,
			levelSource: level === null ? null : 'table',
			area: { code: text(area, 'Code'), name: text(area, 'Name') },
			stations: stations(body)
		};
		return { items: [entry], river: entry.area.code };
	}
	return { items: [], river: null };
}
