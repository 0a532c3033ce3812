/**
 * The CAP 1.2 rules the XML Schema cannot check (../shared/schemas/README.md): every time with an
 * explicit ±hh:mm offset, polygons closed with ≥ 4 "lat,lon" pairs, `references` on Update/Cancel
 * pointing at sender,identifier,sent triples, one `language` per `info`. Run it after schema
 * validation (it reads elements with a simple scanner, which is enough for schema-valid CAP).
 */
import { capTimePattern } from './time.ts';

function decode(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Texts of every `<name>` element (no prefix handling: CAP is written in the default namespace). */
export function elementTexts(xml: string, name: string): string[] {
	const pattern = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g');
	return [...xml.matchAll(pattern)].map((match) => decode(match[1]!.trim()));
}

const pairPattern = /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/;

export function polygonProblems(polygon: string): string[] {
	const pairs = polygon.trim().split(/\s+/);
	const problems: string[] = [];
	if (pairs.length < 4) problems.push(`polygon has ${pairs.length} pairs, needs ≥ 4`);
	if (pairs[0] !== pairs[pairs.length - 1]) problems.push('polygon is not closed');
	for (const pair of pairs) {
		if (!pairPattern.test(pair)) {
			problems.push(`bad pair "${pair}"`);
			continue;
		}
		const [lat, lon] = pair.split(',').map(Number) as [number, number];
		if (Math.abs(lat) > 90 || Math.abs(lon) > 180) problems.push(`pair out of range "${pair}"`);
	}
	return problems;
}

export function capRuleViolations(xml: string): string[] {
	const problems: string[] = [];
	for (const name of ['sent', 'effective', 'onset', 'expires']) {
		for (const value of elementTexts(xml, name)) {
			if (!capTimePattern.test(value)) problems.push(`${name} "${value}" lacks a ±hh:mm offset`);
		}
	}
	for (const polygon of elementTexts(xml, 'polygon')) problems.push(...polygonProblems(polygon));
	const msgType = elementTexts(xml, 'msgType')[0];
	const references = elementTexts(xml, 'references');
	if ((msgType === 'Update' || msgType === 'Cancel') && references.length === 0) {
		problems.push(`${msgType} without references`);
	}
	for (const reference of references.join(' ').split(/\s+/).filter(Boolean)) {
		const parts = reference.split(',');
		if (parts.length !== 3 || !capTimePattern.test(parts[2]!)) {
			problems.push(`reference "${reference}" is not sender,identifier,sent`);
		}
	}
	const infos = elementTexts(xml, 'info');
	for (const info of infos) {
		if (elementTexts(info, 'language').length !== 1) problems.push('info without one language');
	}
	const languages = infos.map((info) => elementTexts(info, 'language')[0]);
	if (new Set(languages).size !== languages.length) problems.push('two infos share a language');
	return problems;
}
