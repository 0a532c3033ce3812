/**
 * Reader for the GSI 指定緊急避難場所 / 指定避難所 GeoJSON (one file per municipality and list).
 * Pure: takes the parsed JSON, returns validated entries and the rows it rejected.
 */
import { z } from '#lib/zod.ts';
import { gsiHazardColumns, hazards, type Hazard } from '#lib/domain/vocabulary.ts';
import {
	blankToNull,
	describeIssues,
	type ListKind,
	type ParseResult,
	type SourceEntry
} from './import-types.ts';
import { describeCommonIdProblem, parseCommonId } from './common-id.ts';

/** GSI flags are "1" when designated and "" (or absent) when not; anything else is an error. */
const flag = z.union([z.literal('1'), z.literal(''), z.null(), z.undefined()]);
const text = z.string().nullish();

const gsiPoint = z.object({
	type: z.literal('Point'),
	coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
});

const commonProps = {
	// Its structure (and the city's code) is checked by parseCommonId, which says which part is wrong.
	共通ID: z.string().max(64),
	都道府県名及び市町村名: text,
	'施設・場所名': z.string().trim().min(1, 'empty name').max(200),
	住所: z.string().max(300).nullish(),
	備考: text
};

const emergencyFeature = z.object({
	type: z.literal('Feature'),
	geometry: gsiPoint,
	properties: z.object({
		...commonProps,
		...Object.fromEntries(hazards.map((hazard) => [gsiHazardColumns[hazard], flag])),
		指定避難所との住所同一: flag
	})
});

const designatedFeature = z.object({
	type: z.literal('Feature'),
	geometry: gsiPoint,
	properties: z.object({
		...commonProps,
		指定緊急避難場所との住所同一: flag,
		その他市町村長が必要と認める事項: text,
		受入対象者: text
	})
});

const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** Why a row's 共通ID cannot be accepted from this list, or null when it can. */
function commonIdProblem(id: string, list: ListKind, cityCode: string | undefined): string | null {
	const parsed = parseCommonId(id, cityCode);
	if (!parsed.ok) return describeCommonIdProblem(id, parsed.problem);
	const expected = list === 'emergency' ? 'emergency_site' : 'shelter';
	if (parsed.value.major !== expected) {
		const listName = list === 'emergency' ? '指定緊急避難場所' : '指定避難所';
		return `共通ID ${JSON.stringify(id)}: 12文字目の種別が${listName}の一覧と合いません`;
	}
	return null;
}

export function parseGsiShelters(
	json: unknown,
	list: ListKind,
	file: string,
	sourceId = 'gsi-shelters',
	/** The city's 5-digit municipality code: a 共通ID of another city is reported. */
	cityCode?: string
): ParseResult {
	const result: ParseResult = { entries: [], rejected: [] };
	const parsedCollection = collection.safeParse(json);
	if (!parsedCollection.success) {
		result.rejected.push({
			file,
			line: 0,
			reason: `not a GeoJSON FeatureCollection: ${describeIssues(parsedCollection.error.issues)}`
		});
		return result;
	}
	const schema = list === 'emergency' ? emergencyFeature : designatedFeature;
	parsedCollection.data.features.forEach((raw, index) => {
		const line = index + 1;
		const parsed = schema.safeParse(raw);
		if (!parsed.success) {
			result.rejected.push({ file, line, reason: describeIssues(parsed.error.issues) });
			return;
		}
		const props = parsed.data.properties as Record<string, string | null | undefined>;
		const idProblem = commonIdProblem(props['共通ID'] as string, list, cityCode);
		if (idProblem) {
			result.rejected.push({ file, line, reason: idProblem });
			return;
		}
		const [lon, lat] = parsed.data.geometry.coordinates;
		const flagged: Hazard[] =
			list === 'emergency' ? hazards.filter((hazard) => props[gsiHazardColumns[hazard]] === '1') : [];
		const entry: SourceEntry = {
			list,
			sourceId,
			file,
			line,
			id: props['共通ID'] as string,
			name: (props['施設・場所名'] as string).trim(),
			address: blankToNull(props['住所']) ?? '',
			lon,
			lat,
			hazards: flagged,
			alsoOther:
				(list === 'emergency' ? props['指定避難所との住所同一'] : props['指定緊急避難場所との住所同一']) ===
				'1',
			accepted_people: list === 'designated' ? blankToNull(props['受入対象者']) : null,
			capacity: null,
			notes: blankToNull(props['備考'])
		};
		result.entries.push(entry);
	});
	return result;
}
