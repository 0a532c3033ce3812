/**
 * Every open-data source the app can show, with the credit its licence asks for.
 * Used by the map's attribution control, the about page and the README.
 */
export interface DataCredit {
	id: string;
	title: string;
	publisher: string;
	licence: string;
	licenceUrl: string;
	credit: string;
	url: string;
}

export const dataCredits: DataCredit[] = [
	{
		id: 'jma-xml',
		title: '気象庁防災情報XML（気象警報・注意報、土砂災害警戒情報、指定河川洪水予報、地震情報 ほか）',
		publisher: '気象庁',
		licence: '気象庁ホームページ利用規約（公共データ利用規約 第1.0版 準拠）',
		licenceUrl: 'https://www.jma.go.jp/jma/kishou/info/coment.html',
		credit: '出典：気象庁ホームページ（https://xml.kishou.go.jp/）',
		url: 'https://xml.kishou.go.jp/'
	},
	{
		id: 'gsi-shelters',
		title: '指定緊急避難場所・指定避難所データ',
		publisher: '国土地理院',
		licence: '国土地理院コンテンツ利用規約',
		licenceUrl: 'https://www.gsi.go.jp/kikakuchousei/kikakuchousei40182.html',
		credit: '出典：国土地理院 指定緊急避難場所・指定避難所データ',
		url: 'https://www.gsi.go.jp/bousaichiri/hinanbasho.html'
	},
	{
		id: 'ksj-n03',
		title: '行政区域データ（N03, 2022）',
		publisher: '国土交通省 国土数値情報',
		licence: '国土数値情報 利用規約（CC BY 4.0 互換）',
		licenceUrl: 'https://nlftp.mlit.go.jp/ksj/other/agreement.html',
		credit: '出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成',
		url: 'https://nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-N03-v3_1.html'
	},
	{
		id: 'ksj-n02',
		title: '鉄道データ（N02）',
		publisher: '国土交通省 国土数値情報',
		licence: '国土数値情報 利用規約（CC BY 4.0 互換）',
		licenceUrl: 'https://nlftp.mlit.go.jp/ksj/other/agreement.html',
		credit: '出典：国土数値情報（鉄道データ）（国土交通省）を加工して作成',
		url: 'https://nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-N02-2023.html'
	},
	{
		id: 'geolonia-addresses',
		title: 'Geolonia 住所データ（町丁目の代表点）',
		publisher: 'Geolonia（国土数値情報 位置参照情報・日本郵便 郵便番号データを加工）',
		licence: 'CC BY 4.0',
		licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
		credit: 'Geolonia 住所データ（CC BY 4.0）',
		url: 'https://github.com/geolonia/japanese-addresses'
	},
	{
		id: 'osm',
		title: '河川・主要道路（OpenStreetMap）',
		publisher: 'OpenStreetMap contributors',
		licence: 'ODbL 1.0',
		licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
		credit: '© OpenStreetMap contributors',
		url: 'https://www.openstreetmap.org/copyright'
	},
	{
		id: 'gsi-tiles',
		title: '地理院タイル（淡色地図）— オンライン地図（任意）',
		publisher: '国土地理院',
		licence: '国土地理院コンテンツ利用規約',
		licenceUrl: 'https://www.gsi.go.jp/kikakuchousei/kikakuchousei40182.html',
		credit: '出典：地理院タイル',
		url: 'https://maps.gsi.go.jp/development/ichiran.html'
	},
	{
		id: 'disaportal',
		title: 'ハザードマップポータルサイト（洪水・内水・土石流）— オンライン地図（任意）',
		publisher: '国土交通省・国土地理院',
		licence: 'ハザードマップポータルサイト 利用規約（出典明示）',
		licenceUrl: 'https://disaportal.gsi.go.jp/hazardmap/copyright/opendata.html',
		credit: '出典：ハザードマップポータルサイト',
		url: 'https://disaportal.gsi.go.jp/'
	},
	{
		id: 'noto-sans',
		title: 'Noto Sans（地図の欧文フォント）',
		publisher: 'Google / Noto project',
		licence: 'SIL Open Font License 1.1',
		licenceUrl: 'https://openfontlicense.org/',
		credit: 'Noto Sans © Google (SIL OFL 1.1)',
		url: 'https://fonts.google.com/noto/specimen/Noto+Sans'
	}
];
