import type { AreaCatalog } from './types.ts';

/**
 * Messages of the printable pages (/print/shelters for residents, /hq/print/* for HQ), loaded with
 * those routes only. One row per key: [ja, ja-x-easy, en, zh-Hans, ko].
 */
const rows: Record<string, [string, string, string, string, string]> = {
	// Printing
	'print.button': ['印刷する', 'いんさつ する', 'Print', '打印', '인쇄'],
	'print.hint': [
		'印刷用のページです（A4）。',
		'いんさつ するための ページです（A4）。',
		'A page for printing (A4).',
		'打印用页面（A4）。',
		'인쇄용 페이지입니다(A4).'
	],
	'print.printed_at': ['{time} 現在', '{time} の じょうほう', 'As of {time}', '截至 {time}', '{time} 기준'],
	'print.shelters_title': ['避難所一覧', 'ひなんじょの リスト', 'Shelter list', '避难所一览', '대피소 목록'],
	'print.shelters_note': [
		'開設状況は変わります。QRコードで最新の状況を確かめてください。',
		'あいているかは かわります。QRコードで あたらしい じょうほうを みて ください。',
		'Opening changes: scan a QR code for the live status.',
		'开设状况会变化，请扫描二维码查看最新状况。',
		'개설 상황은 바뀝니다. QR 코드로 최신 상황을 확인하세요.'
	],
	'print.no_shelters': [
		'避難所のデータがありません。',
		'ひなんじょの データが ありません。',
		'No shelter data.',
		'没有避难所数据。',
		'대피소 데이터가 없습니다.'
	],
	'print.for_hazard': [
		'{hazard}のときの避難先',
		'{hazard}の ときに にげる ところ',
		'Where to go: {hazard}',
		'{hazard}时的避难地点',
		'{hazard} 시 대피 장소'
	],
	'print.outline': [
		'{hazard}の避難先の位置（番号は一覧と同じ。上が北）',
		'{hazard}の ときに にげる ところの ばしょ（ばんごうは リストと おなじ。うえが きた）',
		'Where the shelters for {hazard} are (numbers as in the list; north up)',
		'{hazard}避难地点的位置（编号与列表相同，上为北）',
		'{hazard} 대피 장소 위치(번호는 목록과 같음, 위쪽이 북쪽)'
	],
	'print.welfare': [
		'福祉避難所（要配慮者向け）',
		'ふくし ひなんじょ（たすけが ひつような ひとの ため）',
		'Welfare shelter (for people needing care)',
		'福利避难所（面向需要照顾者）',
		'복지 대피소(배려 필요자용)'
	],
	'print.outside': ['市外', 'しの そと', 'Outside the city', '市外', '시외'],
	'print.qr_of': [
		'{name}の最新の状況（QRコード）',
		'{name}の あたらしい じょうほう（QRコード）',
		'Live status of {name} (QR code)',
		'{name}的最新状况（二维码）',
		'{name}의 최신 상황(QR 코드)'
	],
	'print.status_title': [
		'避難所状況表',
		'ひなんじょの じょうきょう',
		'Shelter status sheet',
		'避难所状况表',
		'대피소 현황표'
	],
	'print.forms_title': [
		'避難所報告用紙',
		'ひなんじょの ほうこくの かみ',
		'Shelter report forms',
		'避难所报告表',
		'대피소 보고 용지'
	],
	'print.last_report': ['最終報告', 'さいごの ほうこく', 'Last report', '最后报告', '마지막 보고'],
	'print.hq_only': [
		'このページは災害対策本部の担当者だけが使えます。本部の画面でサインインしてください。',
		'この ページは ほんぶの ひとだけ つかえます。ほんぶの がめんで サインイン して ください。',
		'Only HQ staff can use this page. Sign in on the HQ screen.',
		'此页面仅限本部人员使用。请在本部页面登录。',
		'이 페이지는 본부 담당자만 사용할 수 있습니다. 본부 화면에서 로그인하세요.'
	],
	'print.load_failed': [
		'読み込めませんでした。',
		'よみこめませんでした。',
		'Could not load.',
		'无法加载。',
		'불러올 수 없습니다.'
	],
	'print.shelter_id': ['避難所ID', 'ひなんじょ ID', 'Shelter ID', '避难所ID', '대피소 ID'],
	'print.qr_staff': [
		'避難所端末の画面（QRコード）',
		'ひなんじょの たんまつの がめん（QRコード）',
		'The shelter terminal (QR code)',
		'避难所终端页面（二维码）',
		'대피소 단말 화면(QR 코드)'
	],
	'print.report_time': [
		'報告日時',
		'ほうこくした ひにちと じかん',
		'Date and time',
		'报告日期时间',
		'보고 일시'
	],
	'print.evacuees': ['避難者数', 'ひなん している ひとの かず', 'Evacuees', '避难人数', '피난자 수'],
	'print.people': ['人', 'にん', 'people', '人', '명'],
	'print.reporter': ['記入者', 'かいた ひと', 'Filled in by', '填写人', '작성자']
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const print = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default print;
