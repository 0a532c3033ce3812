/**
 * The national shelter id (共通ID): its structure check, 福祉避難所 derived from it on the real
 * Komae GSI data, and malformed ids reported by row in import-log.json (synthetic city 99999,
 * run through the real importer into a temporary folder).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cityConfigSchema } from '#lib/data/city-config.ts';
import { isWelfareId, parseCommonId } from '#lib/data/common-id.ts';
import { importCity } from '../../scripts/data/import-city.ts';

const root = resolve(import.meta.dirname, '../..');
const komaeDir = resolve(process.env.BOSAI_OPEN_DATA_DIR ?? resolve(root, '../shared/data'), 'komae');
const synthetic = resolve(root, 'tests/fixtures/synthetic');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('parseCommonId', () => {
	it('reads a 福祉避難所, a general 指定避難所 and a 指定緊急避難場所 from their ids', () => {
		expect(parseCommonId('E1321900032121', '13219')).toEqual({
			ok: true,
			value: { municipality: '13219', facility: '00032', major: 'shelter', welfare: true, serial: '1' }
		});
		expect(parseCommonId('E1321900008111')).toMatchObject({ ok: true, value: { welfare: false } });
		expect(parseCommonId('E132190000820z')).toMatchObject({
			ok: true,
			value: { major: 'emergency_site', welfare: false, serial: 'z' }
		});
		expect(isWelfareId('E1321900032121')).toBe(true);
		expect(isWelfareId('E1321900032111')).toBe(false);
		expect(isWelfareId('synthetic-1')).toBe(false);
	});

	it.each([
		['E132190003212', 'length'],
		['E13219000321210', 'length'],
		['X1321900032121', 'prefix'],
		['E13a1900032121', 'municipality'],
		['E132190A032121', 'facility'],
		['E1321900032321', 'major'],
		['E1321900032131', 'minor'],
		['E1321900032211', 'minor'],
		['E1321900032120', 'serial'],
		['E132190003212-', 'serial']
	])('refuses %s as %s', (id, problem) => {
		expect(parseCommonId(id)).toEqual({ ok: false, problem });
	});

	it('refuses a well-formed id of another municipality when the city is given', () => {
		expect(parseCommonId('E1320100032121', '13219')).toEqual({ ok: false, problem: 'other_city' });
		expect(parseCommonId('E1320100032121').ok).toBe(true);
	});
});

describe('共通ID on import', () => {
	const komaeConfig = cityConfigSchema.parse(json(join(root, 'data/cities/komae.json')));

	it('makes E1321900032121 (受入対象者 empty) a 福祉避難所 in the real GSI data, rejecting no row', async () => {
		const out = mkdtempSync(join(tmpdir(), 'bosai-common-id-komae-'));
		const summary = await importCity({ config: komaeConfig, city: 'komae', inputDir: komaeDir, outDir: out });
		expect(summary.rejected).toEqual([]);
		const { shelters } = json(join(out, 'shelters.json'));
		const curry = shelters.find((s: { id: string }) => s.id === 'E1321900032121');
		expect(curry).toMatchObject({ name: 'カレーショップ・メイ', welfare: true, accepted_people: null });
		// Every shelter whose id (or a merged row's id) says 福祉 is one; general ones stay general.
		expect(shelters.find((s: { id: string }) => s.id === 'E1321900008111').welfare).toBe(false);
	});

	it('lists each malformed id of a file with its row number in import-log.json and skips those rows', async () => {
		const input = mkdtempSync(join(tmpdir(), 'bosai-common-id-in-'));
		const out = mkdtempSync(join(tmpdir(), 'bosai-common-id-out-'));
		cpSync(synthetic, input, { recursive: true });
		const file = join(input, 'synthetic-gsi-designated.json');
		const designated = json(file);
		// Rows 2 and 3 get malformed ids; row 1 keeps its good one.
		designated.features[1].properties['共通ID'] = 'E99999000041'; // too short
		designated.features[2].properties['共通ID'] = 'E1321900005111'; // another city
		writeFileSync(file, JSON.stringify(designated));
		const emergencyFile = join(input, 'synthetic-gsi-emergency.json');
		const emergency = json(emergencyFile);
		emergency.features[0].properties['共通ID'] = 'E9999900001111'; // a 指定避難所 id in the other list
		writeFileSync(emergencyFile, JSON.stringify(emergency));
		const config = cityConfigSchema.parse(json(join(synthetic, 'synthetic-city.json')));
		await importCity({ config, city: 'synthetic', inputDir: input, outDir: out });
		const log = json(join(out, 'import-log.json'));
		const idRows = log.rejected.filter((row: { reason: string }) => row.reason.startsWith('共通ID'));
		expect(idRows).toEqual([
			{ file: 'synthetic-gsi-emergency.json', line: 1, reason: expect.stringContaining('E9999900001111') },
			{ file: 'synthetic-gsi-designated.json', line: 2, reason: expect.stringContaining('14文字') },
			{
				file: 'synthetic-gsi-designated.json',
				line: 3,
				reason: expect.stringContaining('この市のものではありません')
			}
		]);
		const ids = json(join(out, 'shelters.json')).shelters.map((s: { id: string }) => s.id);
		expect(ids).not.toContain('E99999000041');
		expect(ids).not.toContain('E1321900005111');
	});
});
