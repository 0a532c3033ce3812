import type { AreaCatalog } from './types.ts';

/**
 * Messages of the numbers (issue 16): the split counts on the staff form, capacity (屋内 / 屋外),
 * 余力 and 定員状況, 「満員にする」, and the per-町丁目 totals on HQ. One row per key:
 * [ja, ja-x-easy, en, zh-Hans, ko].
 */
const rows: Record<string, [string, string, string, string, string]> = {
	'numbers.form.heading': [
		'内訳・世帯数など（任意）',
		'くわしい かず（なくても よい）',
		'Breakdown and households (optional)',
		'明细与户数（可选）',
		'내역·세대 수 등(선택)'
	],
	'numbers.form.hint': [
		'男・女・答えたくないを入れるときは、合計が避難者数と同じになるようにしてください。',
		'おとこ・おんな・こたえたくない を いれる ときは、たした かずを ひなん した ひとの かずと おなじに して ください。',
		'If you enter men / women / prefer not to say, they must add up to the number of evacuees.',
		'填写男／女／不愿回答时，合计须等于避难人数。',
		'남·여·응답 거부를 입력할 때는 합계가 피난자 수와 같아야 합니다.'
	],
	'numbers.field.evacuees_male': ['男', 'おとこ', 'Men', '男', '남'],
	'numbers.field.evacuees_female': ['女', 'おんな', 'Women', '女', '여'],
	'numbers.field.evacuees_undisclosed': [
		'答えたくない',
		'こたえたくない',
		'Prefer not to say',
		'不愿回答',
		'응답 거부'
	],
	'numbers.field.households': ['世帯数', 'かぞくの かず', 'Households', '户数', '세대 수'],
	'numbers.field.needs_care': [
		'要配慮者数',
		'たすけが ひつような ひとの かず',
		'People needing special care',
		'需特别照顾者人数',
		'배려 필요자 수'
	],
	'numbers.field.external_evacuees': [
		'外部避難者（在宅・車中泊）',
		'いえや くるまに いて ここを たよる ひと',
		'People supported outside (at home, in cars)',
		'外部避难者（在家・车内过夜）',
		'외부 피난자(재택·차중박)'
	],
	'numbers.error.count': [
		'0 から 100,000 までの整数で入力してください。',
		'0 から 100,000 までの すうじで いれて ください。',
		'Enter a whole number from 0 to 100,000.',
		'请输入 0 到 100,000 之间的整数。',
		'0부터 100,000까지의 정수로 입력하세요.'
	],
	'numbers.error.split_without_total': [
		'男・女・答えたくないを入れるときは、避難者数も入れてください。',
		'おとこ・おんな・こたえたくない を いれる ときは、ひなん した ひとの かずも いれて ください。',
		'Enter the number of evacuees when you give men / women / prefer not to say.',
		'填写男／女／不愿回答时，也请填写避难人数。',
		'남·여·응답 거부를 입력할 때는 피난자 수도 입력하세요.'
	],
	'numbers.error.split_sum': [
		'男・女・答えたくないの合計が避難者数と合いません。',
		'おとこ・おんな・こたえたくない を たした かずが、ひなん した ひとの かずと ちがいます。',
		'Men, women and prefer not to say do not add up to the number of evacuees.',
		'男、女、不愿回答的合计与避难人数不符。',
		'남·여·응답 거부의 합계가 피난자 수와 맞지 않습니다.'
	],
	'numbers.error.over_total': [
		'避難者数より多くすることはできません。',
		'ひなん した ひとの かずより おおく できません。',
		'This cannot be more than the number of evacuees.',
		'不能多于避难人数。',
		'피난자 수보다 많을 수 없습니다.'
	],
	'numbers.full.button': ['満員にする', 'いっぱいに する', 'Mark as full', '设为满员', '만원으로 표시'],
	'numbers.full.confirm': [
		'この避難所を「満員」として報告します。よろしいですか？',
		'この ひなんじょを「いっぱい」と しらせます。いいですか？',
		'Report this shelter as full?',
		'将此避难所报告为“满员”，确定吗？',
		'이 대피소를 "만원"으로 보고합니다. 괜찮습니까?'
	],
	'numbers.full.yes': [
		'満員として送る',
		'いっぱいと おくる',
		'Send as full',
		'按满员发送',
		'만원으로 보내기'
	],
	'numbers.full.no': ['やめる', 'やめる', 'Cancel', '取消', '취소'],
	'numbers.capacity.indoor': [
		'屋内収容人数',
		'たてものの なかに はいれる ひと',
		'Indoor capacity',
		'室内容纳人数',
		'실내 수용 인원'
	],
	'numbers.capacity.outdoor': [
		'屋外収容人数',
		'そとに いられる ひと',
		'Outdoor capacity',
		'室外容纳人数',
		'실외 수용 인원'
	],
	'numbers.capacity.remaining': [
		'余力 {count, number} 人',
		'あと {count, number} にん',
		'{count, number} places left',
		'尚余 {count, number} 人',
		'여유 {count, number}명'
	],
	'numbers.state.available': ['空きあり', 'あいて います', 'Places available', '有空位', '여유 있음'],
	'numbers.state.full': ['満員', 'いっぱい', 'Full', '满员', '만원'],
	'numbers.state.unknown': ['不明', 'わかりません', 'Unknown', '不明', '불명'],
	'numbers.summary.heading': [
		'定員と開設',
		'はいれる かずと あいた じかん',
		'Capacity and opening',
		'容量与开设',
		'정원과 개설'
	],
	'numbers.summary.capacity': [
		'屋内 {indoor} ／ 屋外 {outdoor}',
		'たてものの なか {indoor} ／ そと {outdoor}',
		'Indoor {indoor} / outdoor {outdoor}',
		'室内 {indoor} ／ 室外 {outdoor}',
		'실내 {indoor} / 실외 {outdoor}'
	],
	'numbers.summary.state': ['定員状況', 'こみぐあい', 'Capacity status', '容量状况', '정원 상황'],
	'numbers.summary.remaining': ['余力', 'あと なんにん', 'Places left', '余量', '여유'],
	'numbers.summary.opened_at': ['開設日時', 'あいた じかん', 'Opened', '开设时间', '개설 일시'],
	'numbers.summary.closed_at': ['閉鎖日時', 'しめた じかん', 'Closed', '关闭时间', '폐쇄 일시'],
	'numbers.summary.none': ['—', '—', '—', '—', '—'],
	'numbers.totals.heading': [
		'町丁目別の避難者数',
		'まちごとの ひなん した ひと',
		'Evacuees by district (町丁目)',
		'按町丁目统计的避难人数',
		'町丁目별 피난자 수'
	],
	'numbers.totals.town': ['町丁目', 'まち', 'District', '町丁目', '町丁目'],
	'numbers.totals.shelters_open': ['開設中', 'あいて いる', 'Open', '开设中', '개설 중'],
	'numbers.totals.evacuees': ['避難者数', 'ひなん した ひと', 'Evacuees', '避难人数', '피난자 수'],
	'numbers.totals.male': ['男', 'おとこ', 'Men', '男', '남'],
	'numbers.totals.female': ['女', 'おんな', 'Women', '女', '여'],
	'numbers.totals.households': ['世帯', 'かぞく', 'Households', '户', '세대'],
	'numbers.totals.needs_care': [
		'要配慮者',
		'たすけが ひつような ひと',
		'Special care',
		'需照顾者',
		'배려 필요자'
	],
	'numbers.totals.external': ['外部避難者', 'そとに いる ひと', 'Outside', '外部避难者', '외부 피난자'],
	'numbers.totals.city': ['市全体', 'し ぜんたい', 'Whole city', '全市', '시 전체'],
	'numbers.totals.other': [
		'（町丁目不明）',
		'（まちが わからない）',
		'(district unknown)',
		'（町丁目不明）',
		'(町丁目 불명)'
	]
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const numbers = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default numbers;
