/**
 * Optional download of a source from its official publisher (configured `download` URL), used
 * only when the file is missing from the open-data folder and `--download` is given.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export async function downloadTo(url: string, target: string): Promise<void> {
	const response = await fetch(url, { redirect: 'follow' });
	if (!response.ok) throw new Error(`download ${url} failed: HTTP ${response.status}`);
	const body = new Uint8Array(await response.arrayBuffer());
	mkdirSync(dirname(target), { recursive: true });
	writeFileSync(target, body);
}
