import type { AreaCatalog } from './types.ts';

/**
 * Messages around JMA's information (気象庁の発表). JMA's own titles and texts are never
 * translated or reworded here: they are shown as JMA wrote them; these are only our labels.
 * One row per key: [ja, ja-x-easy, en, zh-Hans, ko].
 */
const rows: Record<string, [string, string, string, string, string]> = {
	'jma.panel.heading': [
		'気象庁の発表（狛江市）',
		'きしょうちょうの はっぴょう（こまえし）',
		'Japan Meteorological Agency (JMA) information for Komae',
		'气象厅发布（狛江市）',
		'기상청 발표(고마에시)'
	],
	'jma.strip.heading': [
		'気象庁の発表',
		'きしょうちょうの はっぴょう',
		'From the Japan Meteorological Agency (JMA)',
		'气象厅发布',
		'기상청 발표'
	],
	'jma.strip.note': [
		'気象庁が狛江市に発表している情報です。市の避難情報ではありません。',
		'きしょうちょうが こまえしに だしている じょうほうです。しの ひなん じょうほうでは ありません。',
		'Information JMA has issued for Komae. This is not an evacuation alert from the city.',
		'这是气象厅对狛江市发布的信息，不是市政府的避难信息。',
		'기상청이 고마에시에 발표한 정보입니다. 시의 피난 정보가 아닙니다.'
	],
	'jma.not_configured': [
		'気象庁情報の取得は未設定',
		'きしょうちょうの じょうほうは まだ とれません（せっていが ありません）',
		'Fetching JMA information is not configured',
		'尚未设置获取气象厅信息',
		'기상청 정보 수신이 설정되지 않았습니다'
	],
	'jma.none': [
		'狛江市に発表中の情報はありません。',
		'いま こまえしに でている じょうほうは ありません。',
		'JMA has nothing in effect for Komae.',
		'目前没有对狛江市发布的信息。',
		'현재 고마에시에 발표 중인 정보가 없습니다.'
	],
	'jma.source': [
		'出典：気象庁ホームページ',
		'しゅってん：きしょうちょう ホームページ',
		'Source: Japan Meteorological Agency website (出典：気象庁ホームページ)',
		'出处：气象厅网站（出典：気象庁ホームページ）',
		'출처: 기상청 홈페이지(出典：気象庁ホームページ)'
	],
	'jma.reported_at': ['{time} 発表', '{time} はっぴょう', 'Issued {time}', '{time} 发布', '{time} 발표'],
	'jma.level': [
		'警戒レベル{level}相当',
		'けいかい レベル{level} と おなじくらい',
		'Equivalent to alert level {level}',
		'相当于警戒等级{level}',
		'경계 레벨 {level} 상당'
	],
	'jma.level_table': [
		'（気象庁の対応表による）',
		'（きしょうちょうの ひょうに よる）',
		'(per JMA correspondence table)',
		'（依据气象厅对应表）',
		'(기상청 대응표 기준)'
	],
	'jma.shortened': ['一部を表示', 'いちぶだけ ひょうじ', 'Partly shown', '仅显示部分', '일부만 표시'],
	'jma.station': [
		'{name}：水位 {water} m（レベル{level}）',
		'{name}：みずの たかさ {water} m（レベル{level}）',
		'{name}: water level {water} m (level {level})',
		'{name}：水位 {water} 米（等级{level}）',
		'{name}: 수위 {water} m(레벨 {level})'
	],
	'jma.quake': [
		'最後の地震：狛江市の震度',
		'さいごの じしん：こまえしの しんど',
		'Last earthquake: seismic intensity in Komae',
		'最近的地震：狛江市的震度',
		'마지막 지진: 고마에시의 진도'
	],
	'jma.timeline': [
		'受信した電文（新しい順）',
		'うけとった じょうほう（あたらしい じゅん）',
		'Telegrams received (newest first)',
		'已接收的电文（按时间倒序）',
		'수신한 전문(최신순)'
	],
	'jma.voided': ['取消済み', 'とりけされました', 'Cancelled', '已取消', '취소됨'],
	'jma.drill': ['訓練・試験', 'くんれん・しけん', 'Drill / test', '演练・测试', '훈련・시험'],
	'jma.make_alert': [
		'この情報から避難情報を作成',
		'この じょうほうから ひなん じょうほうを つくる',
		'Draft an evacuation alert from this',
		'据此起草避难信息',
		'이 정보로 피난 정보 작성'
	],
	// The accessible name starts with the visible label (WCAG 2.5.3 label in name), then the item.
	'jma.make_alert_of': [
		'この情報から避難情報を作成：{title}',
		'この じょうほうから ひなん じょうほうを つくる：{title}',
		'Draft an evacuation alert from this: {title}',
		'据此起草避难信息：{title}',
		'이 정보로 피난 정보 작성: {title}'
	],
	'jma.prefilled': [
		'「{title}」から下書きを作りました。内容を確かめ、必要なら直してから発令してください（自動では発令しません）。',
		'「{title}」から したがきを つくりました。たしかめてから だしてください。じどうでは だしません。',
		'Drafted from “{title}”. Check and edit it, then issue it yourself (nothing is issued automatically).',
		'已根据“{title}”起草。请确认并修改后再发布（不会自动发布）。',
		'「{title}」로 초안을 만들었습니다. 확인·수정한 뒤 직접 발령하십시오(자동 발령되지 않습니다).'
	],
	'jma.prefill.source': [
		'（気象庁発表：{title} {time}）',
		'（きしょうちょうの はっぴょう：{title} {time}）',
		'(JMA: {title}, {time})',
		'（气象厅发布：{title} {time}）',
		'(기상청 발표: {title} {time})'
	],
	'jma.cached': [
		'通信できないため、{age}に受信した内容を表示しています。',
		'つうしん できないので、{age}に うけとった ないようを だしています。',
		'Offline: showing what was received {age}.',
		'无法连接，正在显示{age}接收的内容。',
		'연결할 수 없어 {age}에 받은 내용을 표시합니다.'
	],
	'jma.received': ['{time} 受信', '{time} うけとり', 'Received {time}', '{time} 接收', '{time} 수신']
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const jma = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default jma;
