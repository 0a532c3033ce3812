/**
 * 府県気象防災速報 (VPBS50, since 2026 the home of 記録的短時間大雨 and 線状降水帯): its 情報タグ
 * names the 一次細分 areas concerned.
 */
import { komae } from './komae.ts';
import type { JmaItem } from './types.ts';
import { attr, path, text, type XmlNode } from './xml.ts';

export function bulletinTagItems(head: XmlNode | undefined): JmaItem[] {
	const infos = path(head, 'Headline', 'Information').filter((i) => attr(i, 'type') === '情報タグ');
	return path({ Information: infos } as XmlNode, 'Information', 'Item').flatMap((item) => {
		const area = path(item, 'Areas', 'Area').find((a) =>
			(komae.warningAreas as readonly string[]).includes(text(a, 'Code'))
		);
		if (!area) return [];
		const condition = text(path(item, 'Kind')[0], 'Condition');
		return [
			{
				name: condition,
				code: '',
				status: '発表',
				active: true,
				level: null,
				levelSource: null,
				area: { code: text(area, 'Code'), name: text(area, 'Name') }
			}
		];
	});
}
