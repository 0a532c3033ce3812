/**
 * The parser against every telegram of ../shared/data/jma, each expectation checked by hand
 * against the XML (line numbers in the comments), plus telegrams DERIVED from those samples at
 * test time (加工: codes recoded to Komae's, marked in the XML) for the kinds no real sample
 * names Komae in.
 */
import { describe, expect, it } from 'vitest';
import { parseTelegram, JmaXmlError } from '#lib/jma/telegram.ts';
import type { ParsedTelegram } from '#lib/jma/types.ts';
import {
	derivedEewTokyo,
	derivedH27Komae,
	derivedLandslideKomae,
	derivedR06Komae,
	derivedTamagawaFlood,
	jmaSchemaErrors,
	readSample,
	sampleTelegrams,
	withHead
} from '../support/jma.ts';

const parse = (name: string) => parseTelegram(readSample(name));
const brief = (t: ParsedTelegram) =>
	t.items.map((i) => [i.name, i.code, i.status, i.active, i.level, i.area.code]);

/** Telegrams in which nothing concerns 狛江市: another prefecture, river, region or kind. */
const notKomae: Record<string, string> = {
	'official-samples/15_12_02_161130_VPWW53.xml': 'VPWW53 is read as VPWW54 (one family per hazard)',
	'official-samples/15_17_01_250630_VPWW55.xml': '島根県',
	'official-samples/15_17_01_250630_VPWW56.xml': '島根県',
	'official-samples/16_02_01_220728_VXKOii.xml': '○○川 placeholder river',
	'official-samples/16_04_01_220728_VXKOii.xml': '○○川 placeholder river',
	'official-samples/16_06_01_220728_VXKOii.xml': '○○川 placeholder river',
	'official-samples-2026/16_08_01_260312_VXKOii.xml': '小矢部川 (富山県)',
	'official-samples/17_01_01_190529_VXWW50.xml': '福岡県',
	'official-samples/17_04_01_250630_VXWW50.xml': '神奈川県',
	'official-samples/18_03_01_190412_VPOA50.xml': '石狩・空知・後志地方',
	'official-samples/19_08_03_250630_VPHW50.xml': '埼玉県',
	'official-samples/32-35_06_01_240613_VXSE52.xml': 'VXSE52 carries no intensity',
	'official-samples/37_01_02_240613_VXSE43.xml': '四国・九州・中国 only',
	'official-samples/62_01_01_130412_VPNO50.xml': 'VPNO50 (報知) is not read',
	'official-samples/77_01_01_240613_VXSE45.xml': '地震動予報 is not read (VXSE43 is)',
	'official-samples/82_01_01_241031_VPBS50.xml': '千葉県',
	'official-samples/82_01_02_250630_VPBS50.xml': '網走・北見・紋別地方',
	'real-telegrams/20240312032903_0_VXSE51_010000.xml': 'no intensity in 東京都多摩東部',
	'real-telegrams/20240312032952_0_VXSE52_010000.xml': 'VXSE52 carries no intensity',
	'real-telegrams/20240312033044_0_VXSE53_010000.xml': 'no intensity in 狛江市'
};

describe('JMA telegram parser on the shared samples', () => {
	it('parses every telegram of the shared data, and each one validates against jmx.xsd', () => {
		const names = sampleTelegrams();
		expect(names.length).toBeGreaterThanOrEqual(26);
		for (const name of names) {
			const xml = readSample(name);
			expect(jmaSchemaErrors(xml), name).toBe('');
			expect(() => parseTelegram(xml), name).not.toThrow();
		}
	});

	it('finds nothing for 狛江市 in the telegrams of other areas and of kinds it does not read', () => {
		for (const name of sampleTelegrams().filter((n) => n in notKomae)) {
			const t = parse(name);
			expect([name, t.stream, t.items]).toEqual([name, null, []]);
		}
		// Every sample is either listed here or has its own test below.
		const own = [
			'15_12_02_161130_VPWW54',
			'15_14_01_170216_VPWW54',
			'19_01_01_091210_VPHW50',
			'19_04_01_140425_VPHW51',
			'32-35_06_03_240613_VXSE53',
			'32-35_07_01_100915_VXSE51'
		];
		for (const name of sampleTelegrams()) {
			expect(name in notKomae || own.some((o) => name.includes(o)), name).toBe(true);
		}
	});

	it('reads 狛江市 大雨・雷・洪水注意報 継続 from the H27 Tokyo warning (VPWW54 lines 1342–1378)', () => {
		const t = parse('official-samples/15_12_02_161130_VPWW54.xml');
		expect(t).toMatchObject({
			family: 'warning',
			stream: 'warning:h27',
			infoType: '発表',
			headTitle: '東京都気象警報・注意報',
			level: 2,
			serial: null,
			eventId: ''
		});
		expect(brief(t)).toEqual([
			['大雨注意報', '10', '継続', true, 2, '1321900'],
			['雷注意報', '14', '継続', true, null, '1321900'],
			['洪水注意報', '18', '継続', true, 2, '1321900']
		]);
		expect(t.items.every((i) => i.levelSource === 'table' || i.level === null)).toBe(true);
	});

	it('reads that 狛江市 has nothing in force from the 大雨特別警報 Tokyo telegram (VPWW54 lines 817–842)', () => {
		const t = parse('official-samples/15_14_01_170216_VPWW54.xml');
		expect(t).toMatchObject({
			stream: 'warning:h27',
			items: [],
			level: null,
			reportDateTime: '2017-01-26T17:20:00+09:00'
		});
		expect(t.headline).toContain('【特別警報（大雨）】');
	});

	it('reads 竜巻注意情報 発表 for 狛江市 with its ValidDateTime (VPHW50 lines 1414–1422, VPHW51 1429–1437)', () => {
		const a = parse('official-samples/19_01_01_091210_VPHW50.xml');
		expect(a).toMatchObject({
			family: 'tornado',
			stream: 'tornado',
			serial: 2,
			validUntil: '2009-08-10T08:40:00+09:00'
		});
		expect(brief(a)).toEqual([['竜巻注意情報', '1', '発表', true, null, '1321900']]);
		const b = parse('official-samples/19_04_01_140425_VPHW51.xml');
		expect(b).toMatchObject({
			controlTitle: '竜巻注意情報（目撃情報付き）',
			stream: 'tornado',
			validUntil: '2014-02-12T14:30:00+09:00'
		});
		expect(brief(b)).toEqual([['竜巻注意情報', '1', '発表', true, null, '1321900']]);
	});

	it('reads 震度３ in 東京都多摩東部 from the 震度速報 (VXSE51 line 114)', () => {
		const t = parse('official-samples/32-35_07_01_100915_VXSE51.xml');
		expect(t).toMatchObject({ family: 'quake', stream: 'quake', validUntil: '2009-08-11T20:09:00.000Z' });
		expect(brief(t)).toEqual([['震度3', '351', '3', true, null, '351']]);
	});

	it('reads 震度２ for 東京都多摩東部, 狛江市 and 狛江市和泉本町＊ 1321930 from 震源・震度情報 (VXSE53 lines 2109, 2138–2139)', () => {
		const t = parse('official-samples/32-35_06_03_240613_VXSE53.xml');
		expect(t).toMatchObject({ stream: 'quake', eventId: '20080614084350', serial: 1 });
		expect(t.items.map((i) => [i.area.name, i.status])).toEqual([
			['東京都多摩東部', '2'],
			['狛江市', '2'],
			['狛江市和泉本町＊', '2']
		]);
	});
});

describe('JMA telegram parser on telegrams derived from the samples (加工)', () => {
	it('reads the 2026 scheme: 「レベル３大雨警報」 with Significancy 警戒レベル３相当 as level 3 from the telegram', () => {
		const xml = derivedR06Komae();
		expect(jmaSchemaErrors(xml)).toBe('');
		const t = parseTelegram(xml);
		expect(t.stream).toBe('warning:r06:大雨');
		expect(brief(t)[0]).toEqual(['レベル３大雨警報', '03', '継続', true, 3, '1321900']);
		expect(t.items[0].levelSource).toBe('telegram');
		expect(t.level).toBe(3);
	});

	it('reads a 多摩川 flood forecast with the 基準観測所 levels of its stations', () => {
		const xml = derivedTamagawaFlood();
		expect(jmaSchemaErrors(xml)).toBe('');
		const t = parseTelegram(xml);
		expect(t).toMatchObject({
			family: 'flood',
			stream: 'flood:830305000100',
			headTitle: '多摩川レベル２氾濫注意報',
			level: 2,
			eventId: '830305000100'
		});
		expect(brief(t)).toEqual([
			['レベル２氾濫注意報', '20', 'レベル２氾濫注意報（発表）', true, 2, '830305000100']
		]);
		// The recoding also renames the station codes (they start with the river code). 水位・流量情報, refID 1 (現況): 津沢 4.22 m レベル0, 石動 2.63 m レベル2, 長江 6.00 m レベル2.
		expect(t.items[0].stations?.slice(0, 3)).toEqual([
			{ code: '83030500010000019', name: '津沢', waterLevel: 4.22, level: 0 },
			{ code: '83030500010000020', name: '石動', waterLevel: 2.63, level: 2 },
			{ code: '83030500010000021', name: '長江', waterLevel: 6, level: 2 }
		]);
	});

	it('reads a 土砂災害警戒情報 (「レベル４土砂災害危険警報」 title) for 狛江市 as 警戒レベル４相当', () => {
		const xml = derivedLandslideKomae();
		expect(jmaSchemaErrors(xml)).toBe('');
		const t = parseTelegram(xml);
		expect(t).toMatchObject({
			family: 'landslide',
			stream: 'landslide',
			headTitle: '神奈川県レベル４土砂災害危険警報',
			level: 4
		});
		expect(brief(t)).toEqual([['警戒', '3', '発表', true, 4, '1321900']]);
	});

	it('reads a 緊急地震速報（警報） for 東京 and lets it lapse after ten minutes', () => {
		const t = parseTelegram(derivedEewTokyo());
		expect(t).toMatchObject({ family: 'eew', stream: 'eew', validUntil: '2024-04-17T14:25:10.000Z' });
		expect(brief(t)).toEqual([['緊急地震速報（警報）', '31', '発表', true, null, '9131']]);
	});

	it('reads 解除 as not in effect, and keeps 訓練 and 取消 apart in the header', () => {
		const lifted = parseTelegram(derivedH27Komae('解除'));
		expect(lifted.items.map((i) => [i.status, i.active])).toEqual([
			['解除', false],
			['解除', false],
			['解除', false]
		]);
		expect(lifted.level).toBeNull();
		const drill = parseTelegram(
			withHead(readSample('official-samples/15_12_02_161130_VPWW54.xml'), {
				status: '訓練',
				infoType: '取消'
			})
		);
		expect(drill).toMatchObject({ controlStatus: '訓練', infoType: '取消' });
	});

	it('gives the same dedupe key to the same telegram and another one to its 訂正', () => {
		const xml = readSample('official-samples/32-35_06_03_240613_VXSE53.xml');
		expect(parseTelegram(xml).dedupeKey).toBe(parseTelegram(`${xml}\n`).dedupeKey);
		expect(parseTelegram(withHead(xml, { infoType: '訂正' })).dedupeKey).not.toBe(
			parseTelegram(xml).dedupeKey
		);
	});
});

describe('JMA telegram parser on bad input', () => {
	const good = readSample('official-samples/32-35_07_01_100915_VXSE51.xml');
	it.each([
		['truncated markup', good.slice(0, good.length / 2)],
		['a DOCTYPE with entities', `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><Report>&a;</Report>`],
		['an Atom feed instead of a telegram', readSample('feeds/eqvol_20211124T0801JST.xml')],
		['an unknown InfoType', good.replace('<InfoType>発表</InfoType>', '<InfoType>お知らせ</InfoType>')],
		[
			'a ReportDateTime that is not a date',
			good.replace(/<ReportDateTime>[^<]*</, '<ReportDateTime>yesterday<')
		],
		[
			'a Serial that is not a number',
			good.replace(/<Serial\s*\/>|<Serial>[^<]*<\/Serial>/, '<Serial>x</Serial>')
		]
	])('refuses %s with a JmaXmlError', (_what, xml) => {
		expect(() => parseTelegram(xml)).toThrow(JmaXmlError);
	});

	it('parses a telegram without the <?xml?> declaration', () => {
		const bare = good.replace(/^<\?xml[^>]*\?>\s*/, '');
		expect(parseTelegram(bare).items).toEqual(parseTelegram(good).items);
	});
});
