/**
 * JMA test material, read from ../shared/data/jma at run time (never copied into the repo), and
 * telegrams DERIVED from those real samples at run time: each derived one is 加工 (edited) —
 * codes, statuses, serials or times changed — and says so in an XML comment and in its name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const jmaDir = resolve(process.env.BOSAI_JMA_DATA ?? '../shared/data/jma');
export const telegramDirs = ['official-samples', 'official-samples-2026', 'real-telegrams'];

/** Every telegram of the shared data as `dir/file`. */
export function sampleTelegrams(): string[] {
	return telegramDirs.flatMap((dir) =>
		readdirSync(join(jmaDir, dir))
			.filter((f) => f.endsWith('.xml'))
			.map((f) => `${dir}/${f}`)
	);
}

export function readSample(name: string): string {
	return readFileSync(join(jmaDir, name), 'utf8');
}

/** Replaces `from` by `to` and fails loudly if `from` is absent (a sample changed under us). */
function edit(xml: string, from: string | RegExp, to: string): string {
	const found = typeof from === 'string' ? xml.includes(from) : from.test(xml);
	if (!found) throw new Error(`derived fixture: ${String(from)} not in the sample`);
	return typeof from === 'string' ? xml.split(from).join(to) : xml.replace(from, to);
}

function marked(xml: string, what: string): string {
	const note = `<!-- 加工 (synthetic, derived at test time by bosai-map tests): ${what}. 出典：気象庁ホームページ（https://xml.kishou.go.jp/）を加工して作成 -->`;
	return xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}\n${note}\n`);
}

/** Head fields of a derived telegram. */
export function withHead(
	xml: string,
	head: {
		infoType?: string;
		serial?: string;
		reportDateTime?: string;
		validDateTime?: string;
		eventId?: string;
		status?: string;
	}
): string {
	let out = xml;
	if (head.infoType) out = edit(out, /<InfoType>[^<]*<\/InfoType>/, `<InfoType>${head.infoType}</InfoType>`);
	if (head.serial !== undefined)
		out = edit(out, /<Serial\s*\/>|<Serial>[^<]*<\/Serial>/, `<Serial>${head.serial}</Serial>`);
	if (head.eventId !== undefined)
		out = edit(out, /<EventID\s*\/>|<EventID>[^<]*<\/EventID>/, `<EventID>${head.eventId}</EventID>`);
	if (head.status) out = edit(out, /<Status>通常<\/Status>/, `<Status>${head.status}</Status>`);
	if (head.reportDateTime) {
		out = edit(
			out,
			/<ReportDateTime>[^<]*<\/ReportDateTime>/,
			`<ReportDateTime>${head.reportDateTime}</ReportDateTime>`
		);
	}
	if (head.validDateTime) {
		out = edit(
			out,
			/<ValidDateTime>[^<]*<\/ValidDateTime>/,
			`<ValidDateTime>${head.validDateTime}</ValidDateTime>`
		);
	}
	return marked(out, `Head changed to ${JSON.stringify(head)}`);
}

/** 2026-scheme 大雨 warning (VPWW55, 島根県) with 松江市 3220100 recoded as 狛江市 1321900. */
export function derivedR06Komae(): string {
	const xml = edit(
		readSample('official-samples/15_17_01_250630_VPWW55.xml'),
		/<Name>松江市<\/Name>\s*<Code>3220100<\/Code>/g,
		'<Name>狛江市</Name>\n<Code>1321900</Code>'
	);
	return marked(xml, 'VPWW55 島根県 with 松江市 3220100 recoded as 狛江市 1321900');
}

/** 2026 VXKO (小矢部川レベル２氾濫注意報) recoded as 多摩川 830305000100. */
export function derivedTamagawaFlood(): string {
	let xml = readSample('official-samples-2026/16_08_01_260312_VXKOii.xml');
	xml = edit(xml, '840410000100', '830305000100');
	xml = edit(xml, '小矢部川', '多摩川');
	return marked(xml, '16_08_01_260312_VXKOii 小矢部川 840410000100 recoded as 多摩川 830305000100');
}

/** 緊急地震速報（警報） VXSE43 with 府県予報区 愛媛 9380 recoded as 東京 9131. */
export function derivedEewTokyo(): string {
	const xml = edit(
		readSample('official-samples/37_01_02_240613_VXSE43.xml'),
		'<Name>愛媛</Name><Code>9380</Code>',
		'<Name>東京</Name><Code>9131</Code>'
	);
	return marked(xml, 'VXSE43 with 愛媛 9380 recoded as 東京 9131');
}

/** 土砂災害警戒情報 (神奈川県レベル４土砂災害危険警報) with 小田原市 1420600 recoded as 狛江市 1321900. */
export function derivedLandslideKomae(): string {
	const xml = edit(
		readSample('official-samples/17_04_01_250630_VXWW50.xml'),
		/<Name>小田原市<\/Name>(\s*)<Code>1420600<\/Code>/g,
		'<Name>狛江市</Name>$1<Code>1321900</Code>'
	);
	return marked(xml, 'VXWW50 神奈川県 with 小田原市 1420600 recoded as 狛江市 1321900');
}

/**
 * The real H27 Tokyo warning (15_12_02 VPWW54: 狛江市 大雨・雷・洪水注意報 継続) with 狛江市's Kind
 * statuses in the 市町村等 Body part set to `status` (発表, 継続 or 解除).
 */
export function derivedH27Komae(status: '発表' | '継続' | '解除'): string {
	const xml = readSample('official-samples/15_12_02_161130_VPWW54.xml');
	const part = xml.indexOf('<Warning type="気象警報・注意報（市町村等）">');
	const area = xml.indexOf('<Code>1321900</Code>', part);
	const start = xml.lastIndexOf('<Item>', area);
	if (part < 0 || area < 0 || start < part)
		throw new Error('derived fixture: 狛江市 not in the VPWW54 sample');
	const item = xml.slice(start, area).replace(/<Status>継続<\/Status>/g, `<Status>${status}</Status>`);
	return marked(
		xml.slice(0, start) + item + xml.slice(area),
		`VPWW54 with 狛江市's statuses set to ${status}`
	);
}

const work = mkdtempSync(join(tmpdir(), 'jma-xmllint-'));
let counter = 0;

/** '' when `xml` validates against JMA's jmx.xsd, else xmllint's messages. */
export function jmaSchemaErrors(xml: string): string {
	const file = join(work, `telegram-${++counter}.xml`);
	writeFileSync(file, xml);
	try {
		execFileSync('xmllint', ['--noout', '--schema', join(jmaDir, 'schema/jmx.xsd'), file], { stdio: 'pipe' });
		return '';
	} catch (error) {
		return String((error as { stderr?: Buffer }).stderr ?? error);
	}
}
