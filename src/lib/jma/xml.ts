/**
 * fast-xml-parser set up for JMA XML: every element is an array (repeated elements never change
 * shape), text stays text (`<Code>03</Code>` must not become 3), namespace prefixes are dropped
 * (`jmx_eb:Precipitation` → `Precipitation`). Telegrams are checked strictly; feeds leniently.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = { [name: string]: XmlNode[] | string | undefined };

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	removeNSPrefix: true,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	processEntities: true,
	isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute
});

export class JmaXmlError extends Error {}

/** Parses a document; a DOCTYPE (entity expansion) or malformed markup is refused. */
export function parseXml(xml: string): XmlNode {
	if (/<!DOCTYPE/i.test(xml)) throw new JmaXmlError('DOCTYPE is not allowed in JMA XML');
	const valid = XMLValidator.validate(xml);
	if (valid !== true) {
		throw new JmaXmlError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
	}
	return parser.parse(xml) as XmlNode;
}

/** Child elements named `name` (none → []). */
export function all(node: XmlNode | undefined, name: string): XmlNode[] {
	const value = node?.[name];
	if (!Array.isArray(value)) return [];
	// A leaf with no attributes comes out as a plain string: wrap it so callers see one shape.
	return value.map((child) => (typeof child === 'string' ? { '#text': child } : child));
}

export function first(node: XmlNode | undefined, name: string): XmlNode | undefined {
	return all(node, name)[0];
}

/** The text of the first child `name` ('' when absent or empty). */
export function text(node: XmlNode | undefined, name?: string): string {
	const target = name === undefined ? node : first(node, name);
	const value = target?.['#text'];
	return typeof value === 'string' ? value : '';
}

export function attr(node: XmlNode | undefined, name: string): string {
	const value = node?.[`@_${name}`];
	return typeof value === 'string' ? value : '';
}

/** Follows a path of child names, collecting every match. */
export function path(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
	let nodes = node ? [node] : [];
	for (const name of names) nodes = nodes.flatMap((n) => all(n, name));
	return nodes;
}
