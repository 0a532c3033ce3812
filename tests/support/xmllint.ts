/**
 * Schema validation with Debian's xmllint (libxml2-utils) against the standard schemas in
 * ../shared/schemas (read there at test time, never copied into the repo).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const schemasDir = resolve(process.env.BOSAI_SCHEMAS ?? '../shared/schemas');
const work = mkdtempSync(join(tmpdir(), 'xmllint-'));
let counter = 0;

/** '' when `xml` is valid, else xmllint's messages. */
export function xmllintErrors(xml: string, kind: 'cap' | 'atom'): string {
	const file = join(work, `doc-${++counter}.xml`);
	writeFileSync(file, xml);
	const args =
		kind === 'cap'
			? ['--noout', '--schema', join(schemasDir, 'cap-1.2.xsd'), file]
			: ['--noout', '--relaxng', join(schemasDir, 'atom.rng'), file];
	try {
		execFileSync('xmllint', args, { stdio: 'pipe' });
		return '';
	} catch (error) {
		return String((error as { stderr?: Buffer }).stderr ?? error);
	}
}
