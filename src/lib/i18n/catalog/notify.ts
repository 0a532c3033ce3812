import type { AreaCatalog } from './types.ts';

/**
 * Messages of alert notifications (issue 13): the push notification, the e-mails, the resident's
 * subscribe / manage form and the HQ delivery counts. One row per key:
 * [ja, ja-x-easy, en, zh-Hans, ko]; 町丁目 names stay Japanese in every language.
 */
const rows: Record<string, [string, string, string, string, string]> = {
	'notify.city': ['狛江市', 'こまえし', 'Komae City', '狛江市', '고마에시'],
	'notify.all_areas': ['市内全域', 'しの ぜんぶ', 'the whole city', '全市', '시 전역'],
	'notify.more_areas': [
		'ほか{count}地区',
		'ほか {count}か所',
		'and {count} more',
		'等另外{count}个地区',
		'외 {count}개 지역'
	],
	'notify.drill': ['訓練', 'くんれん', 'Drill', '演练', '훈련'],
	'notify.cancelled': ['解除', 'おわり', 'Lifted', '解除', '해제'],
	'notify.push.title': ['{levelName}', '{levelName}', '{levelName}', '{levelName}', '{levelName}'],
	'notify.push.title_drill': [
		'【訓練】{levelName}',
		'【くんれん】{levelName}',
		'[DRILL] {levelName}',
		'【演练】{levelName}',
		'[훈련] {levelName}'
	],
	'notify.push.title_cancelled': [
		'解除：{levelName}',
		'おわり：{levelName}',
		'Lifted: {levelName}',
		'解除：{levelName}',
		'해제: {levelName}'
	],
	'notify.push.areas': ['対象：{areas}', 'どこ：{areas}', 'Areas: {areas}', '对象：{areas}', '대상: {areas}'],
	'notify.push.cancelled_body': [
		'この避難情報は解除されました。',
		'この ひなんの しらせは おわりました。',
		'This evacuation alert has been lifted.',
		'该避难信息已解除。',
		'이 대피 정보는 해제되었습니다.'
	],
	// E-mail
	'notify.mail.subject': [
		'【{city}】{levelName}',
		'【{city}】{levelName}',
		'【{city}】{levelName}',
		'【{city}】{levelName}',
		'【{city}】{levelName}'
	],
	'notify.mail.intro': [
		'{city}から避難情報です。',
		'{city}から ひなんの しらせ です。',
		'An evacuation alert from {city}.',
		'来自{city}的避难信息。',
		'{city}의 대피 정보입니다.'
	],
	'notify.mail.cancelled_intro': [
		'{city}の次の避難情報は解除されました。',
		'{city}の つぎの しらせは おわりました。',
		'{city} has lifted this evacuation alert.',
		'{city}的以下避难信息已解除。',
		'{city}의 다음 대피 정보가 해제되었습니다.'
	],
	'notify.mail.issued': ['発表：{time}', 'でた じかん：{time}', 'Issued: {time}', '发布：{time}', '발표: {time}'],
	'notify.mail.details': [
		'詳しくは：{url}',
		'くわしくは：{url}',
		'Details: {url}',
		'详情：{url}',
		'자세히: {url}'
	],
	'notify.mail.cap': [
		'CAP（機械可読）：{url}',
		'CAP（きかい よう）：{url}',
		'CAP (machine-readable): {url}',
		'CAP（机器可读）：{url}',
		'CAP(기계 판독용): {url}'
	],
	'notify.mail.manage': [
		'地区・言語の変更：{url}',
		'ばしょ・ことばを かえる：{url}',
		'Change my areas or language: {url}',
		'更改地区或语言：{url}',
		'지역·언어 변경: {url}'
	],
	'notify.mail.unsubscribe': [
		'配信停止：{url}',
		'メールを とめる：{url}',
		'Unsubscribe: {url}',
		'退订：{url}',
		'수신 거부: {url}'
	],
	'notify.mail.footer': [
		'このメールは、登録された方に{city}の防災マップから送っています。',
		'このメールは、とうろく した ひとに {city}の ぼうさい マップから おくって います。',
		'You receive this because you subscribed on the {city} disaster map.',
		'您订阅了{city}防灾地图，因此收到此邮件。',
		'{city} 방재 지도에서 구독하셨기 때문에 이 메일을 받으셨습니다.'
	],
	'notify.mail.confirm_subject': [
		'【{city}】メール配信の登録確認',
		'【{city}】メールの とうろくの かくにん',
		'[{city}] Confirm your alert e-mails',
		'【{city}】确认邮件订阅',
		'[{city}] 메일 수신 등록 확인'
	],
	'notify.mail.confirm_body': [
		'避難情報のメール配信に登録するには、48時間以内に次のリンクを開いてください。開かなければ何も届かず、登録は消えます。',
		'ひなんの しらせの メールを うけとるには、48じかん いないに つぎの リンクを ひらいて ください。ひらかないと なにも とどきません。',
		'To receive evacuation alerts by e-mail, open this link within 48 hours. If you do not, nothing will be sent and the request is dropped.',
		'如需通过邮件接收避难信息，请在48小时内打开以下链接。若不打开，将不会发送任何邮件。',
		'대피 정보를 메일로 받으려면 48시간 이내에 다음 링크를 여세요. 열지 않으면 아무것도 발송되지 않습니다.'
	],
	'notify.mail.confirm_link': [
		'登録を確認する：{url}',
		'とうろく する：{url}',
		'Confirm: {url}',
		'确认订阅：{url}',
		'등록 확인: {url}'
	],
	'notify.mail.confirm_ignore': [
		'心当たりがなければ、このメールは無視してください。',
		'わからない ときは、この メールを すてて ください。',
		'If you did not ask for this, ignore this mail.',
		'如果不是您本人申请，请忽略此邮件。',
		'본인이 신청하지 않았다면 이 메일을 무시하세요.'
	],
	'notify.mail.already_subject': [
		'【{city}】メール配信の登録について',
		'【{city}】メールの とうろくに ついて',
		'[{city}] About your alert e-mails',
		'【{city}】关于邮件订阅',
		'[{city}] 메일 수신 등록 안내'
	],
	'notify.mail.already_body': [
		'このアドレスはすでに登録されています。地区や言語は次のリンクから変えられます。',
		'この アドレスは もう とうろく されて います。ばしょや ことばは つぎの リンクで かえられます。',
		'This address is already subscribed. You can change its areas and language here.',
		'此地址已订阅。可通过以下链接更改地区和语言。',
		'이 주소는 이미 등록되어 있습니다. 지역과 언어는 다음 링크에서 바꿀 수 있습니다.'
	]
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const notify = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default notify;
