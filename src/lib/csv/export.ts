/**
 * CSV exports (UTF-8 with BOM, CRLF, papaparse). Cells that a spreadsheet would run as a formula
 * (= + - @ tab CR at the start) are prefixed with "'" (papaparse escapeFormulae); the importer
 * removes that prefix again, so export → import round-trips.
 */
import Papa from 'papaparse';
import type { Report } from '../domain/report.ts';
import { shelterToOpenDataRow } from '../data/opendata-columns.ts';
import type { Need } from '../domain/vocabulary.ts';
import type { HqShelter } from '../hq/types.ts';
import { translate } from '../i18n/translate.ts';
import { bom, type CsvCity } from './city.ts';
import { crowdingLabels, kindLabels, reportColumns, shelterExportColumns, statusLabels } from './columns.ts';

const flag = (on: boolean) => (on ? '1' : '');
/** A count, or empty when not reported. */
const count = (value: number | null | undefined) =>
	value === null || value === undefined ? '' : String(value);

export function needsLabel(needs: readonly Need[]): string {
	return needs.map((need) => translate('ja', `domain.need.${need}`)).join('、');
}

/** Share of capacity in use, in whole percent; empty when capacity or evacuees are unknown. */
export function capacityShare(evacuees: number | null | undefined, capacity: number | null) {
	if (evacuees === null || evacuees === undefined || !capacity) return null;
	return Math.round((evacuees / capacity) * 100);
}

function addressParts(address: string, city: CsvCity) {
	const prefix = city.prefecture + city.name;
	const inCity = address.startsWith(prefix);
	return {
		prefecture: inCity ? city.prefecture : '',
		city: inCity ? city.name : '',
		rest: inCity ? address.slice(prefix.length) : ''
	};
}

export function shelterRow(shelter: HqShelter, city: CsvCity): Record<string, string> {
	const parts = addressParts(shelter.address, city);
	const status = shelter.status;
	const share = capacityShare(status?.evacuees, shelter.capacity);
	return {
		...shelterToOpenDataRow(shelter, city),
		// A shelter the city lists in a neighbouring town is not located in this city.
		所在地_全国地方公共団体コード: shelter.inside_city ? city.code : '',
		所在地_都道府県: parts.prefecture,
		所在地_市区町村: parts.city,
		所在地_番地以下: parts.rest,
		施設区分: kindLabels[shelter.kind],
		受入対象者: shelter.accepted_people ?? '',
		福祉避難所: flag(shelter.welfare),
		市外: flag(!shelter.inside_city),
		非公開: flag(shelter.hidden),
		臨時避難所: flag(shelter.ad_hoc),
		出典: shelter.sources.join(' '),
		開設状況: status ? statusLabels[status.status] : '',
		混雑度: status ? crowdingLabels[status.crowding] : '',
		避難者数: status?.evacuees == null ? '' : String(status.evacuees),
		収容率: share === null ? '' : `${share}%`,
		不足物資: status ? needsLabel(status.needs) : '',
		最終報告日時: status?.updated_at ?? '',
		訓練: flag(status?.drill ?? false)
	};
}

export function toCsv(fields: readonly string[], rows: Record<string, string>[]): string {
	const data = rows.map((row) => fields.map((field) => row[field] ?? ''));
	return (
		bom + Papa.unparse({ fields: [...fields], data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n'
	);
}

export function sheltersCsv(shelters: readonly HqShelter[], city: CsvCity): string {
	return toCsv(
		shelterExportColumns,
		shelters.map((shelter) => shelterRow(shelter, city))
	);
}

function reportRow(report: Report, names: ReadonlyMap<string, string>): string[] {
	const row: Record<string, string> = {
		受信日時: report.received_at,
		報告日時: report.reported_at,
		避難所ID: report.shelter_id,
		避難所名: names.get(report.shelter_id) ?? '',
		開設状況: statusLabels[report.status],
		混雑度: crowdingLabels[report.crowding],
		避難者数: count(report.evacuees),
		男: count(report.evacuees_male),
		女: count(report.evacuees_female),
		答えたくない: count(report.evacuees_undisclosed),
		世帯数: count(report.households),
		要配慮者数: count(report.needs_care),
		外部避難者数: count(report.external_evacuees),
		不足物資: needsLabel(report.needs),
		メモ: report.note,
		訓練: flag(report.drill),
		client_id: report.client_id
	};
	return reportColumns.map((field) => row[field] ?? '');
}

/** The reports CSV's first part: BOM and header line. */
export function reportsCsvHeader(): string {
	return bom + Papa.unparse([[...reportColumns]], { newline: '\r\n' }) + '\r\n';
}

/** Report lines without a header, to stream a long export page by page after reportsCsvHeader(). */
export function reportsCsvLines(reports: readonly Report[], names: ReadonlyMap<string, string>): string {
	if (reports.length === 0) return '';
	const data = reports.map((report) => reportRow(report, names));
	return Papa.unparse(data, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}

export function reportsCsv(reports: readonly Report[], names: ReadonlyMap<string, string>): string {
	return reportsCsvHeader() + reportsCsvLines(reports, names);
}

/** GeoJSON export: every shelter (hidden ones too: HQ only) with its full status. */
export function sheltersGeoJson(shelters: readonly HqShelter[], generatedAt: string) {
	return {
		type: 'FeatureCollection' as const,
		generated_at: generatedAt,
		features: shelters.map(({ lon, lat, ...properties }) => ({
			type: 'Feature' as const,
			geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
			properties: {
				...properties,
				capacity_share: capacityShare(properties.status?.evacuees, properties.capacity)
			}
		}))
	};
}
