/**
 * Items of the area-based meteorological telegrams (Body/Warning/Item with one Area each):
 * 気象警報・注意報 H27 (VPWW54) and R06 (VPWW55–61), 土砂災害警戒情報 (VXWW50), 竜巻注意情報
 * (VPHW50/51) and 記録的短時間大雨情報 (VPOA50).
 */
import { komae } from './komae.ts';
import { levelFromH27Warning, levelFromSignificancy } from './levels.ts';
import type { JmaItem } from './types.ts';
import { all, path, text, type XmlNode } from './xml.ts';

const inactive = new Set(['解除', 'なし', '発表警報・注意報はなし', '']);

/** The Body/Warning items whose Area is the most precise Komae area the telegram names. */
function komaeWarningItems(body: XmlNode | undefined, type: RegExp): { items: XmlNode[]; named: boolean } {
	const warnings = all(body, 'Warning').filter((w) => type.test(String(w['@_type'] ?? '')));
	for (const code of komae.warningAreas) {
		const items = warnings.flatMap((w) =>
			all(w, 'Item').filter((item) => path(item, 'Area', 'Code').some((c) => text(c) === code))
		);
		if (items.length > 0) return { items, named: true };
	}
	return { items: [], named: false };
}

function kindItem(
	kind: XmlNode,
	area: XmlNode | undefined,
	level: number | null,
	levelSource: JmaItem['levelSource']
): JmaItem {
	const name = text(kind, 'Name');
	const status = text(kind, 'Status');
	return {
		name,
		code: text(kind, 'Code'),
		status,
		active: name !== '' && name !== 'なし' && !inactive.has(status),
		level,
		levelSource: level === null ? null : levelSource,
		area: { code: text(area, 'Code'), name: text(area, 'Name') }
	};
}

/** 気象警報・注意報: H27 levels from JMA's correspondence, R06 levels from the telegram's Significancy. */
export function warningItems(body: XmlNode | undefined, scheme: 'h27' | 'r06') {
	const { items, named } = komaeWarningItems(body, /^気象警報・注意報（市町村等）$/);
	const parsed = items.flatMap((item) => {
		const area = all(item, 'Area')[0];
		return all(item, 'Kind').map((kind) => {
			if (scheme === 'r06') {
				const codes = path(kind, 'Property', 'SignificancyPart', 'Base', 'Significancy').map((s) =>
					levelFromSignificancy(text(s, 'Code'))
				);
				const levels = codes.filter((l): l is number => l !== null);
				return kindItem(kind, area, levels.length ? Math.max(...levels) : null, 'telegram');
			}
			const conditions = [
				text(kind, 'Condition'),
				...path(kind, 'Attention', 'Note').map((n) => text(n))
			].join(' ');
			return kindItem(kind, area, levelFromH27Warning(text(kind, 'Code'), conditions), 'table');
		});
	});
	return { items: parsed.filter((item) => item.name !== ''), named };
}

/** 土砂災害警戒情報 (incl. 2026 titles 「…レベル４土砂災害危険警報」): 警戒レベル４相当 while in effect. */
export function landslideItems(body: XmlNode | undefined) {
	const { items, named } = komaeWarningItems(body, /^土砂災害警戒情報$/);
	const parsed = items.flatMap((item) =>
		all(item, 'Kind').map((kind) => {
			const entry = kindItem(kind, all(item, 'Area')[0], null, null);
			return entry.active ? { ...entry, level: 4, levelSource: 'table' as const } : entry;
		})
	);
	return { items: parsed, named };
}

/** 竜巻注意情報 and 記録的短時間大雨情報: the most precise Komae area of any Warning. */
export function bulletinItems(body: XmlNode | undefined, type: RegExp) {
	const { items, named } = komaeWarningItems(body, type);
	const parsed = items.flatMap((item) =>
		all(item, 'Kind').map((kind) => kindItem(kind, all(item, 'Area')[0], null, null))
	);
	return { items: parsed, named };
}
