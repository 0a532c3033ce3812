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
	'notify.mail.issued': [
		'発表：{time}',
		'でた じかん：{time}',
		'Issued: {time}',
		'发布：{time}',
		'발표: {time}'
	],
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
	],
	// Resident subscribe / manage
	'notify.ui.title': ['通知を受け取る', 'しらせを うけとる', 'Get alerts', '接收通知', '알림 받기'],
	'notify.ui.intro': [
		'アプリを閉じていても、選んだ地区の避難情報（警戒レベル3〜5）がすぐに届きます。',
		'アプリを とじて いても、えらんだ ばしょの ひなんの しらせが すぐ とどきます。',
		'Evacuation alerts (levels 3–5) for the areas you choose reach you at once, even with the app closed.',
		'即使关闭应用，也能立即收到所选地区的避难信息（警戒等级3–5）。',
		'앱을 닫아도 선택한 지역의 대피 정보(경계 레벨 3~5)가 바로 도착합니다.'
	],
	'notify.ui.areas': [
		'地区（20まで）',
		'ばしょ（20まで）',
		'Areas (up to 20)',
		'地区（最多20个）',
		'지역(최대 20개)'
	],
	'notify.ui.all': ['市内全域', 'しの ぜんぶ', 'The whole city', '全市', '시 전역'],
	'notify.ui.language': ['言語', 'ことば', 'Language', '语言', '언어'],
	'notify.ui.drills': [
		'訓練の情報も受け取る',
		'くんれんの しらせも うけとる',
		'Also receive drill alerts',
		'也接收演练信息',
		'훈련 정보도 받기'
	],
	'notify.ui.jma': [
		'気象警報も受け取る（警戒レベル3相当以上・気象庁の発表）',
		'きしょうけいほうも うけとる（けいかいレベル3そうとう いじょう・きしょうちょうの はっぴょう）',
		'Also receive weather warnings (alert level 3 equivalent and above, issued by the Japan Meteorological Agency)',
		'也接收气象警报（相当于警戒级别3及以上・气象厅发布）',
		'기상 경보도 받기(경계 레벨 3 상당 이상・기상청 발표)'
	],
	'notify.ui.jma_note': [
		'気象庁が発表する情報です。狛江市の避難情報ではありません。',
		'きしょうちょうが だす じょうほうです。こまえしの ひなんの しらせでは ありません。',
		'This is information from the Japan Meteorological Agency, not Komae City’s evacuation information.',
		'这是气象厅发布的信息，不是狛江市的避难信息。',
		'기상청이 발표하는 정보이며, 고마에시의 피난 정보가 아닙니다.'
	],
	'notify.jma.title': [
		'気象庁：{title}（狛江市）',
		'きしょうちょう：{title}（こまえし）',
		'JMA: {title} (Komae)',
		'气象厅：{title}（狛江市）',
		'기상청: {title}(고마에시)'
	],
	'notify.jma.title_ended': [
		'気象庁：{title}（狛江市）解除',
		'きしょうちょう：{title}（こまえし）おわり',
		'JMA: {title} (Komae) lifted',
		'气象厅：{title}（狛江市）解除',
		'기상청: {title}(고마에시) 해제'
	],
	'notify.jma.not_city': [
		'気象庁の発表です。狛江市の避難情報ではありません。',
		'きしょうちょうの はっぴょうです。こまえしの ひなんの しらせでは ありません。',
		'Issued by the Japan Meteorological Agency; not Komae City’s evacuation information.',
		'气象厅发布，不是狛江市的避难信息。',
		'기상청 발표이며, 고마에시의 피난 정보가 아닙니다.'
	],
	'notify.jma.ended_body': [
		'この情報は解除されたか、警戒レベル3相当未満になりました。',
		'この じょうほうは おわったか、けいかいレベル3そうとうより ひくく なりました。',
		'This has been lifted or is now below alert level 3 equivalent.',
		'该信息已解除，或已低于相当于警戒级别3。',
		'이 정보는 해제되었거나 경계 레벨 3 상당 미만이 되었습니다.'
	],
	'notify.jma.mail_subject': [
		'【気象庁の発表】{title}（狛江市）',
		'【気象庁の発表】{title}（狛江市）',
		'【気象庁の発表】{title}（狛江市）',
		'【気象庁の発表】{title}（狛江市）',
		'【気象庁の発表】{title}（狛江市）'
	],
	'notify.jma.mail_intro': [
		'気象庁が狛江市に発表した警戒レベル3相当以上の情報をお知らせします。',
		'きしょうちょうが こまえしに だした けいかいレベル3そうとう いじょうの じょうほうです。',
		'Information of alert level 3 equivalent or above that the Japan Meteorological Agency issued for Komae.',
		'气象厅对狛江市发布的相当于警戒级别3及以上的信息。',
		'기상청이 고마에시에 발표한 경계 레벨 3 상당 이상의 정보입니다.'
	],
	'notify.ui.push_button': [
		'この端末で通知を受け取る',
		'この きかいで うけとる',
		'Notify this device',
		'在此设备上接收通知',
		'이 기기에서 알림 받기'
	],
	'notify.ui.email_label': [
		'メールアドレス',
		'メールアドレス',
		'E-mail address',
		'电子邮件地址',
		'이메일 주소'
	],
	'notify.ui.email_button': [
		'メールで受け取る',
		'メールで うけとる',
		'Get alerts by e-mail',
		'通过邮件接收',
		'메일로 받기'
	],
	'notify.ui.email_sent': [
		'確認メールを送りました。48時間以内にリンクを開くと登録が完了します。',
		'かくにんの メールを おくりました。48じかん いないに リンクを ひらいて ください。',
		'We sent a confirmation mail. Open its link within 48 hours to finish.',
		'已发送确认邮件。请在48小时内打开链接完成订阅。',
		'확인 메일을 보냈습니다. 48시간 이내에 링크를 열면 등록이 완료됩니다.'
	],
	'notify.ui.mail_off': [
		'メールでの配信は、このサーバーでは設定されていません。',
		'メールの しらせは いま つかえません。',
		'E-mail alerts are not set up on this server.',
		'本服务器未设置邮件通知。',
		'이 서버에는 메일 알림이 설정되어 있지 않습니다.'
	],
	'notify.ui.push_done': [
		'この端末で通知を受け取ります。',
		'この きかいで しらせを うけとります。',
		'This device will get alerts.',
		'此设备将接收通知。',
		'이 기기에서 알림을 받습니다.'
	],
	'notify.ui.push_unsupported': [
		'このブラウザはプッシュ通知に対応していません。メールをお使いください。',
		'この ブラウザでは つかえません。メールを つかって ください。',
		'This browser does not support push notifications. Please use e-mail.',
		'此浏览器不支持推送通知，请使用邮件。',
		'이 브라우저는 푸시 알림을 지원하지 않습니다. 메일을 이용하세요.'
	],
	'notify.ui.push_denied': [
		'通知が許可されませんでした。ブラウザの設定で許可してください。',
		'しらせが ゆるされませんでした。ブラウザの せっていを みて ください。',
		'Notifications were not allowed. Allow them in your browser settings.',
		'未获准显示通知，请在浏览器设置中允许。',
		'알림이 허용되지 않았습니다. 브라우저 설정에서 허용해 주세요.'
	],
	'notify.ui.save': ['変更を保存', 'かえる', 'Save changes', '保存更改', '변경 저장'],
	'notify.ui.saved': ['保存しました。', 'かえました。', 'Saved.', '已保存。', '저장했습니다.'],
	'notify.ui.stop': ['通知をやめる', 'しらせを やめる', 'Stop alerts', '停止通知', '알림 중지'],
	'notify.ui.stopped': [
		'通知をやめました。登録は削除されました。',
		'しらせを やめました。とうろくは けしました。',
		'Alerts stopped. Your subscription has been deleted.',
		'已停止通知，订阅已删除。',
		'알림을 중지했습니다. 등록이 삭제되었습니다.'
	],
	'notify.ui.failed': [
		'うまくいきませんでした。時間をおいてもう一度お試しください。',
		'うまく いきませんでした。あとで もう いちど して ください。',
		'That did not work. Please try again later.',
		'操作未成功，请稍后再试。',
		'실패했습니다. 잠시 후 다시 시도해 주세요.'
	],
	'notify.ui.rate_limited': [
		'申し込みが多すぎます。しばらくしてからお試しください。',
		'もうしこみが おおすぎます。あとで して ください。',
		'Too many requests. Please try again in a while.',
		'请求过多，请稍后再试。',
		'요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.'
	],
	'notify.ui.bad_email': [
		'メールアドレスを確かめてください。',
		'メールアドレスを みなおして ください。',
		'Please check the e-mail address.',
		'请检查电子邮件地址。',
		'이메일 주소를 확인해 주세요.'
	],
	'notify.ui.choose_areas': [
		'地区を1つ以上、20まで選んでください。',
		'ばしょを 1つ いじょう、20まで えらんで ください。',
		'Choose 1 to 20 areas.',
		'请选择1至20个地区。',
		'지역을 1~20개 선택해 주세요.'
	],
	'notify.ui.manage_title': ['通知の設定', 'しらせの せってい', 'Alert settings', '通知设置', '알림 설정'],
	'notify.ui.link_invalid': [
		'リンクが無効か、期限切れです。',
		'この リンクは つかえません。',
		'This link is invalid or has expired.',
		'链接无效或已过期。',
		'링크가 잘못되었거나 만료되었습니다.'
	],
	'notify.ui.confirm_title': [
		'メール配信の登録確認',
		'メールの とうろくの かくにん',
		'Confirm alert e-mails',
		'确认邮件订阅',
		'메일 수신 등록 확인'
	],
	'notify.ui.confirmed': [
		'登録が完了しました。避難情報をメールでお届けします。',
		'とうろく できました。ひなんの しらせを メールで おくります。',
		'Done. Evacuation alerts will be sent to you by e-mail.',
		'订阅完成，我们将通过邮件发送避难信息。',
		'등록이 완료되었습니다. 대피 정보를 메일로 보내 드립니다.'
	],
	'notify.ui.working': ['処理しています…', 'まって ください…', 'Working…', '处理中…', '처리 중…'],
	'notify.ui.email_of': [
		'宛先：{hint}',
		'あてさき：{hint}',
		'To: {hint}',
		'收件人：{hint}',
		'받는 사람: {hint}'
	],
	// HQ
	'notify.hq.title': [
		'住民への通知',
		'じゅうみんへの しらせ',
		'Resident notifications',
		'居民通知',
		'주민 알림'
	],
	'notify.hq.mail_off': [
		'メール配信は未設定',
		'メールは せってい されて いません',
		'E-mail delivery is not configured',
		'邮件推送未设置',
		'메일 발송 미설정'
	],
	'notify.hq.subscribers': [
		'登録：プッシュ {push}・メール {email}',
		'とうろく：プッシュ {push}・メール {email}',
		'Subscribers: push {push} · e-mail {email}',
		'订阅：推送 {push} · 邮件 {email}',
		'구독: 푸시 {push} · 메일 {email}'
	],
	'notify.hq.alert_counts': [
		'{levelName}（{time}）：待機 {queued}・送信済み {sent}・失敗 {failed}',
		'{levelName}（{time}）：まち {queued}・おくった {sent}・だめ {failed}',
		'{levelName} ({time}): queued {queued} · sent {sent} · failed {failed}',
		'{levelName}（{time}）：排队 {queued} · 已发送 {sent} · 失败 {failed}',
		'{levelName} ({time}): 대기 {queued} · 발송 {sent} · 실패 {failed}'
	],
	'notify.hq.none': [
		'配信はまだありません。',
		'まだ ありません。',
		'No deliveries yet.',
		'暂无推送。',
		'아직 발송이 없습니다.'
	],
	// /about
	'notify.privacy.title': [
		'通知の登録で保存するもの',
		'しらせの とうろくで のこす もの',
		'What a notification subscription keeps',
		'通知订阅保存的信息',
		'알림 등록 시 보관하는 정보'
	],
	'notify.privacy.body': [
		'選んだ地区・言語・訓練と気象警報の受け取りの有無と、プッシュ通知ならブラウザの通知用アドレスと鍵、メールならメールアドレスだけを保存します。本部を含め誰も一覧を見られず、本部には地区ごとの件数だけが見えます。確認されなかったメール登録には何も届きません（確認リンクは48時間で無効）。通知をやめると、アドレスもすぐに削除されます。配信の記録（件数）はアドレスなしで残ります。',
		'えらんだ ばしょ・ことば・くんれんと きしょうけいほうの ありなしと、プッシュなら ブラウザの あて先、メールなら メールアドレス だけを のこします。だれも いちらんを みられません。しらせを やめると すぐ けします。',
		'We keep only the areas, language, drill and weather-warning choices you made, plus your browser’s push address and keys (push) or your e-mail address (mail). Nobody — headquarters included — can list subscriptions; headquarters sees counts per area only. Unconfirmed e-mail sign-ups receive nothing. Stopping alerts deletes the address at once; delivery counts stay without it.',
		'仅保存您选择的地区、语言、是否接收演练和气象警报，以及浏览器推送地址与密钥（推送）或电子邮件地址（邮件）。包括本部在内，任何人都无法查看列表，本部只能看到各地区的数量。未确认的邮件订阅不会收到任何邮件。停止通知后地址立即删除，推送记录只保留数量。',
		'선택한 지역·언어·훈련 및 기상 경보 수신 여부와, 푸시라면 브라우저의 푸시 주소와 키, 메일이라면 메일 주소만 보관합니다. 본부를 포함해 누구도 목록을 볼 수 없으며 본부는 지역별 건수만 봅니다. 확인되지 않은 메일 등록에는 아무것도 보내지 않습니다. 알림을 중지하면 주소는 즉시 삭제되고 발송 기록은 건수만 남습니다.'
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
