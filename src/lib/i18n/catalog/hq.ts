import type { AreaCatalog } from './types.ts';

/**
 * Messages of the HQ screens (and of the CAP/Atom texts HQ publishes). One row per key:
 * [ja, ja-x-easy, en, zh-Hans, ko]; proper nouns (町丁目) stay Japanese in every language.
 */
const rows: Record<string, [string, string, string, string, string]> = {
	'hq.title': [
		'災害対策本部',
		'さいがい たいさく ほんぶ',
		'Disaster headquarters',
		'灾害对策本部',
		'재해대책본부'
	],
	// CAP / Atom
	'hq.cap.whole_city': [
		'狛江市全域',
		'こまえしの ぜんぶ',
		'All of Komae City',
		'狛江市全域',
		'고마에시 전역'
	],
	'hq.cap.drill_prefix': ['【訓練】', '【くんれん】', '[DRILL] ', '【演练】', '[훈련] '],
	'hq.cap.drill_note': [
		'これは訓練です。',
		'これは くんれん です。',
		'This is a drill.',
		'这是演练。',
		'이것은 훈련입니다.'
	],
	'hq.cap.event': [
		'{levelName}（{hazard}）',
		'{levelName}（{hazard}）',
		'{levelName} ({hazard})',
		'{levelName}（{hazard}）',
		'{levelName} ({hazard})'
	],
	'hq.cap.headline': [
		'{drill}狛江市 {levelName}（{hazard}）',
		'{drill}こまえし {levelName}（{hazard}）',
		'{drill}Komae City: {levelName} ({hazard})',
		'{drill}狛江市 {levelName}（{hazard}）',
		'{drill}고마에시 {levelName} ({hazard})'
	],
	'hq.cap.cancel_headline': [
		'{drill}狛江市 解除：{levelName}（{hazard}）',
		'{drill}こまえし おわり：{levelName}（{hazard}）',
		'{drill}Komae City: cancelled: {levelName} ({hazard})',
		'{drill}狛江市 解除：{levelName}（{hazard}）',
		'{drill}고마에시 해제: {levelName} ({hazard})'
	],
	'hq.cap.sender_name': [
		'狛江市災害対策本部',
		'こまえし さいがい たいさく ほんぶ',
		'Komae City Disaster Headquarters',
		'狛江市灾害对策本部',
		'고마에시 재해대책본부'
	],
	'hq.atom.title': [
		'狛江市 避難情報',
		'こまえし にげる じょうほう',
		'Komae City evacuation alerts',
		'狛江市 避难信息',
		'고마에시 대피 정보'
	],
	// Alert text templates for the other locales (HQ edits them before issuing)
	'hq.template.body': [
		'{area}に{levelName}を発令しました（{hazard}）。',
		'{area}に {levelName}。（{hazard}）',
		'{levelName} has been issued for {area} ({hazard}).',
		'已对{area}发布{levelName}（{hazard}）。',
		'{area}에 {levelName}이(가) 발령되었습니다 ({hazard}).'
	],
	// Session
	'hq.signin.heading': ['ログイン', 'ログイン', 'Sign in', '登录', '로그인'],
	'hq.signin.username': ['ユーザー名', 'ユーザーの なまえ', 'User name', '用户名', '사용자 이름'],
	'hq.signin.password': ['パスワード', 'パスワード', 'Password', '密码', '비밀번호'],
	'hq.signin.submit': ['ログインする', 'ログイン する', 'Sign in', '登录', '로그인'],
	'hq.signin.failed': [
		'ログインできませんでした：{message}',
		'ログイン できません でした：{message}',
		'Could not sign in: {message}',
		'无法登录：{message}',
		'로그인할 수 없습니다: {message}'
	],
	'hq.signout': ['ログアウト', 'ログアウト', 'Sign out', '退出', '로그아웃'],
	'hq.forbidden': [
		'この画面は災害対策本部の担当者だけが使えます。',
		'この がめんは さいがい たいさく ほんぶの ひとだけ つかえます。',
		'Only disaster headquarters staff can use this screen.',
		'只有灾害对策本部人员可以使用此页面。',
		'이 화면은 재해대책본부 담당자만 사용할 수 있습니다.'
	],
	'hq.signed_in_as': [
		'{user} でログイン中',
		'{user} で ログイン して います',
		'Signed in as {user}',
		'已登录：{user}',
		'{user}(으)로 로그인됨'
	],
	'hq.error': [
		'エラー：{message}',
		'エラー：{message}',
		'Error: {message}',
		'错误：{message}',
		'오류: {message}'
	],
	'hq.loading': ['読み込み中…', 'よみこんで います…', 'Loading…', '加载中…', '불러오는 중…'],
	// Live connection
	'hq.live.connecting': ['接続中', 'つないで います', 'Connecting', '连接中', '연결 중'],
	'hq.live.live': ['リアルタイム更新中', 'すぐに かわります', 'Live', '实时更新中', '실시간 업데이트 중'],
	'hq.live.reconnecting': [
		'再接続中（再接続後に取り直します）',
		'つなぎなおして います',
		'Reconnecting (will catch up)',
		'重新连接中（连接后补取）',
		'재연결 중 (재연결 후 다시 불러옴)'
	],
	'hq.live.closed': ['接続していません', 'つながって いません', 'Not connected', '未连接', '연결되지 않음'],
	// Drill
	'hq.drill.banner': [
		'訓練モード：いま作る警報・報告・メッセージはすべて訓練として扱われます',
		'くんれん ちゅう：いま だす おしらせは ぜんぶ くんれん です',
		'Drill mode: every alert, report and message made now is a drill',
		'演练模式：现在发布的警报、报告和消息都作为演练处理',
		'훈련 모드: 지금 만드는 경보·보고·메시지는 모두 훈련으로 처리됩니다'
	],
	'hq.drill.heading': ['訓練モード', 'くんれん モード', 'Drill mode', '演练模式', '훈련 모드'],
	'hq.drill.switch': [
		'訓練モードにする',
		'くんれん モードに する',
		'Drill mode on',
		'开启演练模式',
		'훈련 모드 켜기'
	],
	'hq.drill.on': ['訓練中', 'くんれん ちゅう', 'Drill on', '演练中', '훈련 중'],
	'hq.drill.off': [
		'通常（実災害）',
		'ふつう（ほんとうの さいがい）',
		'Normal (real events)',
		'正常（实际灾害）',
		'일반 (실제 재해)'
	],
	// Totals
	'hq.totals.heading': ['概況', 'いまの ようす', 'Overview', '概况', '개요'],
	'hq.totals.shelters': ['避難所', 'ひなんじょ', 'Shelters', '避难所', '대피소'],
	'hq.totals.open': ['開設', 'あいて いる', 'Open', '已开设', '개설'],
	'hq.totals.full': ['満', 'いっぱい', 'Full', '已满', '만원'],
	'hq.totals.not_reported': ['未報告', 'まだ れんらく なし', 'Not reported', '未报告', '미보고'],
	'hq.totals.stale': ['報告途絶', 'れんらくが とまって いる', 'Stale', '报告中断', '보고 끊김'],
	'hq.totals.evacuees': ['避難者数', 'ひなん して いる ひと', 'Evacuees', '避难人数', '대피자 수'],
	'hq.totals.unknown_evacuees': [
		'（うち人数不明の開設避難所 {count} か所）',
		'（ひとの かずが わからない ところ {count}）',
		'({count} open shelters with unknown count)',
		'（其中人数不明的开设避难所 {count} 处）',
		'(인원 불명 개설 대피소 {count}곳)'
	],
	// Stale
	'hq.stale.label': [
		'報告途絶とみなす時間（分）',
		'れんらくが とまったと みる じかん（ふん）',
		'Flag as stale after (minutes)',
		'视为报告中断的时间（分钟）',
		'보고 끊김으로 볼 시간(분)'
	],
	'hq.stale.flag': ['報告途絶', 'れんらく なし', 'Stale', '报告中断', '보고 끊김'],
	// Table
	'hq.table.heading': ['避難所一覧', 'ひなんじょの リスト', 'All shelters', '避难所列表', '대피소 목록'],
	'hq.table.search': [
		'名称・住所で絞り込み',
		'なまえ・じゅうしょで さがす',
		'Filter by name or address',
		'按名称或地址筛选',
		'이름·주소로 필터'
	],
	'hq.table.status_filter': ['状況', 'ようす', 'Status', '状态', '상태'],
	'hq.table.all': ['すべて', 'ぜんぶ', 'All', '全部', '전체'],
	'hq.table.not_reported': ['未報告', 'まだ れんらく なし', 'Not reported', '未报告', '미보고'],
	'hq.table.stale_only': ['報告途絶のみ', 'れんらく なしだけ', 'Stale only', '仅报告中断', '보고 끊김만'],
	'hq.table.count': [
		'{shown} / {total} か所',
		'{shown} / {total}',
		'{shown} of {total}',
		'{shown} / {total} 处',
		'{shown} / {total}곳'
	],
	// Links to the printable pages (their own messages load with them: catalog/print.ts)
	'hq.print.status_link': [
		'状況表を印刷',
		'じょうきょうの ひょうを いんさつ',
		'Print status sheet',
		'打印状况表',
		'현황표 인쇄'
	],
	'hq.print.forms_link': [
		'報告用紙を印刷',
		'ほうこくの かみを いんさつ',
		'Print report forms',
		'打印报告表',
		'보고 용지 인쇄'
	],
	'hq.table.col.name': ['避難所', 'ひなんじょ', 'Shelter', '避难所', '대피소'],
	'hq.table.col.status': ['状況', 'ようす', 'Status', '状态', '상태'],
	'hq.table.col.crowding': ['混雑', 'こみぐあい', 'Crowding', '拥挤程度', '혼잡'],
	'hq.table.col.evacuees': ['避難者', 'ひなんした ひと', 'Evacuees', '避难人数', '대피자'],
	'hq.table.col.share': ['収容率', 'はいれる わりあい', 'Capacity used', '收容率', '수용률'],
	'hq.table.col.remaining': ['余力', 'あと はいれる ひと', 'Room left', '剩余容量', '여유 인원'],
	'hq.table.col.needs': ['不足', 'たりない もの', 'Needs', '所需物资', '부족'],
	'hq.table.col.age': ['最終報告', 'さいごの れんらく', 'Last report', '最后报告', '최종 보고'],
	'hq.table.col.actions': ['操作', 'そうさ', 'Actions', '操作', '작업'],
	'hq.table.sort': [
		'{column}で並べ替え',
		'{column}で ならべる',
		'Sort by {column}',
		'按{column}排序',
		'{column}(으)로 정렬'
	],
	'hq.table.age.minutes': ['{n}分前', '{n}ふん まえ', '{n} min ago', '{n}分钟前', '{n}분 전'],
	'hq.table.age.hours': ['{n}時間前', '{n}じかん まえ', '{n} h ago', '{n}小时前', '{n}시간 전'],
	'hq.table.unknown': ['不明', 'わからない', 'Unknown', '不明', '불명'],
	'hq.table.none': ['なし', 'なし', 'None', '无', '없음'],
	'hq.table.hidden': ['非公開', 'ひこうかい', 'Hidden', '不公开', '비공개'],
	'hq.table.ad_hoc': ['臨時', 'りんじ', 'Ad hoc', '临时', '임시'],
	'hq.table.outside': ['市外', 'しの そと', 'Outside city', '市外', '시외'],
	'hq.table.history': ['履歴', 'りれき', 'History', '历史', '이력'],
	'hq.table.edit': ['編集', 'なおす', 'Edit', '编辑', '편집'],
	'hq.table.history_of': [
		'{name}の履歴',
		'{name}の りれき',
		'History of {name}',
		'{name}的历史',
		'{name} 이력'
	],
	'hq.table.edit_of': ['{name}を編集', '{name}を なおす', 'Edit {name}', '编辑{name}', '{name} 편집'],
	// Map
	'hq.map.heading': ['地図', 'ちず', 'Map', '地图', '지도'],
	'hq.map.list_note': [
		'地図と同じ内容は下の一覧にもあります。',
		'ちずと おなじ ことは したの リストにも あります。',
		'The list below has the same content as the map.',
		'地图上的内容也在下面的列表中。',
		'지도와 같은 내용이 아래 목록에도 있습니다.'
	],
	// History
	'hq.history.heading': [
		'{name} の報告履歴',
		'{name}の れんらくの りれき',
		'Reports of {name}',
		'{name} 的报告历史',
		'{name} 보고 이력'
	],
	'hq.history.chart': [
		'避難者数（実線）と混雑度（階段線）の推移。最大 {max} 人',
		'ひなんした ひとの かず（せん）と こみぐあい（かいだん）。いちばん おおい とき {max}にん',
		'Evacuees (line) and crowding (steps) over time. Peak {max}',
		'避难人数（实线）和拥挤程度（阶梯线）的变化。最多 {max} 人',
		'대피자 수(실선)와 혼잡도(계단선) 추이. 최대 {max}명'
	],
	'hq.history.legend_evacuees': ['避難者数', 'ひなんした ひと', 'Evacuees', '避难人数', '대피자 수'],
	'hq.history.legend_crowding': ['混雑度', 'こみぐあい', 'Crowding', '拥挤程度', '혼잡도'],
	'hq.history.time': ['受信時刻', 'うけとった じかん', 'Received', '接收时间', '수신 시각'],
	'hq.history.empty': [
		'報告はまだありません。',
		'れんらくは まだ ありません。',
		'No reports yet.',
		'还没有报告。',
		'아직 보고가 없습니다.'
	],
	'hq.history.close': ['閉じる', 'とじる', 'Close', '关闭', '닫기'],
	// Alerts
	'hq.alerts.heading': [
		'避難情報の発令',
		'にげる じょうほうを だす',
		'Issue evacuation alerts',
		'发布避难信息',
		'대피 정보 발령'
	],
	'hq.alerts.level': ['警戒レベル', 'けいかい レベル', 'Alert level', '警戒级别', '경계 레벨'],
	'hq.alerts.hazard': ['災害の種類', 'さいがいの しゅるい', 'Hazard', '灾害类型', '재해 종류'],
	'hq.alerts.area': ['対象地域', 'ばしょ', 'Area', '对象地区', '대상 지역'],
	'hq.alerts.whole_city': ['市内全域', 'しの ぜんぶ', 'Whole city', '全市', '시 전역'],
	'hq.alerts.towns': [
		'町丁目を選ぶ',
		'まちを えらぶ',
		'Choose districts (町丁目)',
		'选择町丁目',
		'동네(町丁目) 선택'
	],
	'hq.alerts.towns_missing': [
		'町丁目の一覧を読み込めません（data/out が未生成）。市内全域のみ選べます。',
		'まちの リストが ありません。しの ぜんぶ だけ えらべます。',
		'The district list is not available (data not built). Only the whole city can be chosen.',
		'无法读取町丁目列表（数据未生成）。只能选择全市。',
		'동네 목록을 불러올 수 없습니다(데이터 미생성). 시 전역만 선택할 수 있습니다.'
	],
	'hq.alerts.text': [
		'本文（{language}）',
		'ぶん（{language}）',
		'Text ({language})',
		'正文（{language}）',
		'본문 ({language})'
	],
	'hq.alerts.fill_templates': [
		'他の言語をテンプレートで作る',
		'ほかの ことばを ひながたで つくる',
		'Fill other languages from templates',
		'用模板生成其他语言',
		'다른 언어를 템플릿으로 작성'
	],
	'hq.alerts.expires': [
		'有効期限（任意）',
		'おわる じかん（なくても よい）',
		'Expires (optional)',
		'有效期限（可选）',
		'만료 (선택)'
	],
	'hq.alerts.confirm': [
		'内容を確認しました。発令すると住民の画面にすぐ表示されます',
		'なかみを たしかめました。だすと すぐ みんなの がめんに でます',
		'I checked the content. Issuing shows it on residents’ screens at once',
		'已确认内容。发布后将立即显示在居民页面上',
		'내용을 확인했습니다. 발령하면 주민 화면에 바로 표시됩니다'
	],
	'hq.alerts.issue': ['発令する', 'だす', 'Issue alert', '发布', '발령'],
	'hq.alerts.issued': ['発令しました', 'だしました', 'Alert issued', '已发布', '발령했습니다'],
	'hq.alerts.current': [
		'発令中・過去の避難情報',
		'だして いる じょうほう',
		'Alerts',
		'避难信息',
		'대피 정보'
	],
	'hq.alerts.none': [
		'避難情報はありません。',
		'じょうほうは ありません。',
		'No alerts.',
		'没有避难信息。',
		'대피 정보가 없습니다.'
	],
	'hq.alerts.cancel': ['解除する', 'おわりに する', 'Cancel alert', '解除', '해제'],
	'hq.alerts.cancel_of': [
		'{name}を解除する',
		'{name}を おわりに する',
		'Cancel {name}',
		'解除{name}',
		'{name} 해제'
	],
	'hq.alerts.cancelled': [
		'解除済み（{time}）',
		'おわり（{time}）',
		'Cancelled ({time})',
		'已解除（{time}）',
		'해제됨 ({time})'
	],
	'hq.alerts.active': ['発令中', 'だして いる', 'Active', '发布中', '발령 중'],
	'hq.alerts.cap': ['CAP 1.2（XML）', 'CAP 1.2（XML）', 'CAP 1.2 (XML)', 'CAP 1.2（XML）', 'CAP 1.2 (XML)'],
	'hq.alerts.atom': [
		'Atom フィード（発令中のみ）',
		'Atom フィード',
		'Atom feed (current alerts)',
		'Atom 订阅（仅发布中）',
		'Atom 피드 (발령 중만)'
	],
	'hq.alerts.need_area': [
		'対象地域を選んでください。',
		'ばしょを えらんで ください。',
		'Choose an area.',
		'请选择对象地区。',
		'대상 지역을 선택하세요.'
	],
	'hq.alerts.need_confirm': [
		'確認のチェックを入れてください。',
		'たしかめた しるしを つけて ください。',
		'Tick the confirmation first.',
		'请先勾选确认。',
		'확인란에 체크하세요.'
	],
	// Messages
	'hq.messages.heading': [
		'避難所へのメッセージ',
		'ひなんじょへの メッセージ',
		'Messages to shelters',
		'发给避难所的消息',
		'대피소에 메시지'
	],
	'hq.messages.to': ['宛先', 'だれに', 'To', '收件方', '받는 곳'],
	'hq.messages.to_all': ['全避難所', 'ぜんぶの ひなんじょ', 'All shelters', '所有避难所', '모든 대피소'],
	'hq.messages.body': ['本文', 'ぶん', 'Message', '正文', '본문'],
	'hq.messages.send': ['送信する', 'おくる', 'Send', '发送', '보내기'],
	'hq.messages.sent': ['送信しました', 'おくりました', 'Sent', '已发送', '보냈습니다'],
	'hq.messages.list': ['送信済み', 'おくった メッセージ', 'Sent messages', '已发送', '보낸 메시지'],
	'hq.messages.read': [
		'既読（{time}）',
		'よんだ（{time}）',
		'Read ({time})',
		'已读（{time}）',
		'읽음 ({time})'
	],
	'hq.messages.unread': ['未読', 'まだ よんで いない', 'Unread', '未读', '읽지 않음'],
	'hq.messages.none': [
		'メッセージはありません。',
		'メッセージは ありません。',
		'No messages.',
		'没有消息。',
		'메시지가 없습니다.'
	],
	// Export / import
	'hq.export.heading': ['データの書き出し', 'データを だす', 'Export', '导出', '내보내기'],
	'hq.export.shelters_csv': [
		'避難所と現況（CSV・デジタル庁形式）',
		'ひなんじょ（CSV）',
		'Shelters and status (CSV, Digital Agency layout)',
		'避难所和现状（CSV，数字厅格式）',
		'대피소와 현황 (CSV, 디지털청 형식)'
	],
	'hq.export.shelters_geojson': [
		'避難所と現況（GeoJSON）',
		'ひなんじょ（GeoJSON）',
		'Shelters and status (GeoJSON)',
		'避难所和现状（GeoJSON）',
		'대피소와 현황 (GeoJSON)'
	],
	'hq.export.reports_csv': [
		'全報告（CSV）',
		'ぜんぶの れんらく（CSV）',
		'All reports (CSV)',
		'全部报告（CSV）',
		'전체 보고 (CSV)'
	],
	'hq.import.heading': [
		'避難所データの取り込み（CSV）',
		'ひなんじょ データを いれる（CSV）',
		'Import shelters (CSV)',
		'导入避难所（CSV）',
		'대피소 가져오기 (CSV)'
	],
	'hq.import.file': [
		'CSV ファイル（デジタル庁形式）',
		'CSV ファイル',
		'CSV file (Digital Agency layout)',
		'CSV 文件（数字厅格式）',
		'CSV 파일 (디지털청 형식)'
	],
	'hq.import.preview': [
		'確認する（まだ書き込みません）',
		'たしかめる（まだ いれません）',
		'Preview (writes nothing)',
		'预览（不写入）',
		'미리보기 (아직 저장 안 함)'
	],
	'hq.import.commit': [
		'{count} 件を取り込む',
		'{count}けん いれる',
		'Import {count} shelters',
		'导入 {count} 条',
		'{count}건 가져오기'
	],
	'hq.import.ok': [
		'{count} 件を読み込めます（新規 {added}、更新 {updated}）。',
		'{count}けん よめます。',
		'{count} rows are valid ({added} new, {updated} updated).',
		'{count} 行有效（新增 {added}，更新 {updated}）。',
		'{count}행 유효 (신규 {added}, 갱신 {updated}).'
	],
	'hq.import.errors': [
		'{count} 行にエラーがあります。何も書き込んでいません。',
		'{count}この まちがいが あります。なにも いれて いません。',
		'{count} rows have errors. Nothing was written.',
		'{count} 行有错误。未写入任何内容。',
		'{count}행에 오류가 있습니다. 아무것도 저장하지 않았습니다.'
	],
	'hq.import.row_error': [
		'{row} 行目 {column}：{message}',
		'{row}ぎょうめ {column}：{message}',
		'Row {row} {column}: {message}',
		'第 {row} 行 {column}：{message}',
		'{row}행 {column}: {message}'
	],
	'hq.import.problem.range': [
		'{column}：{min}〜{max} の数値が必要です（"{value}"）',
		'{column}：{min}〜{max}の かずを いれて ください（"{value}"）',
		'{column}: needs a number from {min} to {max} ("{value}")',
		'{column}：需要 {min}〜{max} 的数值（"{value}"）',
		'{column}: {min}~{max} 사이의 숫자가 필요합니다 ("{value}")'
	],
	'hq.import.problem.flag': [
		'{column}：1 か空欄が必要です（"{value}"）',
		'{column}：1 か からに して ください（"{value}"）',
		'{column}: must be 1 or empty ("{value}")',
		'{column}：必须为 1 或空白（"{value}"）',
		'{column}: 1 또는 빈칸이어야 합니다 ("{value}")'
	],
	'hq.import.problem.missing': [
		'{column} がありません',
		'{column}が ありません',
		'{column} is missing',
		'缺少 {column}',
		'{column}이(가) 없습니다'
	],
	'hq.import.problem.integer': [
		'{column} は整数です',
		'{column}は せいすう です',
		'{column} must be a whole number',
		'{column} 必须为整数',
		'{column}은(는) 정수여야 합니다'
	],
	'hq.import.problem.unknown_value': [
		'{column} の値が不明です（"{value}"）',
		'{column}の あたいが わかりません（"{value}"）',
		'Unknown {column} ("{value}")',
		'{column} 的值不明（"{value}"）',
		'{column} 값을 알 수 없습니다 ("{value}")'
	],
	'hq.import.problem.invalid': [
		'{column}：{detail}',
		'{column}：{detail}',
		'{column}: {detail}',
		'{column}：{detail}',
		'{column}: {detail}'
	],
	'hq.import.problem.layout': [
		'自治体標準オープンデータセット（または推奨データセット v1）の列がそろっていません',
		'ひつような れつが そろって いません',
		'The columns of the Digital Agency standard dataset (or recommended dataset v1) are missing',
		'缺少数字厅标准开放数据集（或推荐数据集 v1）的列',
		'디지털청 표준 오픈데이터셋(또는 권장 데이터셋 v1)의 열이 부족합니다'
	],
	'hq.import.problem.too_many': [
		'行が多すぎます（最大 {max} 行）',
		'ぎょうが おおすぎます（{max}まで）',
		'Too many rows (at most {max})',
		'行数过多（最多 {max} 行）',
		'행이 너무 많습니다 (최대 {max}행)'
	],
	'hq.import.problem.parse': [
		'CSV として読めません：{detail}',
		'CSV として よめません：{detail}',
		'Not readable as CSV: {detail}',
		'无法作为 CSV 读取：{detail}',
		'CSV로 읽을 수 없습니다: {detail}'
	],
	'hq.import.problem.duplicate': [
		'ID が {first} 行目と重複しています',
		'ID が {first}ぎょうめと おなじです',
		'ID repeats row {first}',
		'ID 与第 {first} 行重复',
		'ID가 {first}행과 중복됩니다'
	],
	'hq.import.problem.id_format': [
		'ID に使えない文字があります（"{value}"）。使えるのは半角英数字と . _ - で、64 文字までです',
		'ID に つかえない もじが あります（"{value}"）',
		'The ID contains characters that are not allowed ("{value}"): use up to 64 of A–Z, a–z, 0–9, . _ -',
		'ID 含有不允许的字符（"{value}"）：只能使用最多 64 个半角字母、数字及 . _ -',
		'ID에 사용할 수 없는 문자가 있습니다 ("{value}"). 반각 영숫자와 . _ - 로 64자까지 사용할 수 있습니다'
	],
	'hq.import.problem.common_id_length': [
		'共通ID「{value}」が14文字ではありません',
		'きょうつうID「{value}」が 14もじでは ありません',
		'The national shelter id "{value}" is not 14 characters long',
		'全国共通避难所 ID“{value}”不是 14 个字符',
		'전국 공통 대피소 ID "{value}"가 14자가 아닙니다'
	],
	'hq.import.problem.common_id_char': [
		'共通ID「{value}」の {position} 文字目が正しくありません',
		'きょうつうID「{value}」の {position}もじめが ちがいます',
		'Character {position} of the national shelter id "{value}" is not valid',
		'全国共通避难所 ID“{value}”的第 {position} 个字符不正确',
		'전국 공통 대피소 ID "{value}"의 {position}번째 문자가 올바르지 않습니다'
	],
	'hq.import.done': [
		'{count} 件を取り込みました（告知はしていません）。',
		'{count}けん いれました。',
		'Imported {count} shelters (nothing was announced).',
		'已导入 {count} 条（未发布通知）。',
		'{count}건을 가져왔습니다 (공지하지 않음).'
	],
	// Shelter edit
	'hq.edit.heading': [
		'避難所の基本情報',
		'ひなんじょの じょうほう',
		'Shelter master data',
		'避难所基本信息',
		'대피소 기본 정보'
	],
	'hq.edit.add_ad_hoc': [
		'臨時避難所を追加',
		'りんじの ひなんじょを ふやす',
		'Add an ad-hoc shelter',
		'添加临时避难所',
		'임시 대피소 추가'
	],
	'hq.edit.name': ['名称', 'なまえ', 'Name', '名称', '이름'],
	'hq.edit.address': ['住所', 'じゅうしょ', 'Address', '地址', '주소'],
	'hq.edit.capacity': [
		'想定収容人数（空欄は不明）',
		'はいれる ひとの かず（わからない ときは から）',
		'Capacity (empty = unknown)',
		'预计容纳人数（空白为不明）',
		'수용 인원 (빈칸 = 불명)'
	],
	'hq.edit.lat': ['緯度', 'いど', 'Latitude', '纬度', '위도'],
	'hq.edit.lon': ['経度', 'けいど', 'Longitude', '经度', '경도'],
	'hq.edit.kind': ['施設区分', 'しせつの しゅるい', 'Kind', '设施类别', '시설 구분'],
	'hq.edit.hidden': [
		'非公開（住民に表示しない）',
		'みんなには みせない',
		'Hidden (not shown to residents)',
		'不公开（不向居民显示）',
		'비공개 (주민에게 표시 안 함)'
	],
	'hq.edit.ad_hoc': [
		'臨時避難所',
		'りんじの ひなんじょ',
		'Ad-hoc shelter (臨時避難所)',
		'临时避难所',
		'임시 대피소'
	],
	'hq.edit.save': [
		'保存する（告知はしません）',
		'ほぞん する（おしらせ しません）',
		'Save (announces nothing)',
		'保存（不发布通知）',
		'저장 (공지하지 않음)'
	],
	'hq.edit.saved': ['保存しました。', 'ほぞん しました。', 'Saved.', '已保存。', '저장했습니다.'],
	'hq.edit.cancel': ['やめる', 'やめる', 'Cancel', '取消', '취소'],
	// Audit
	'hq.audit.heading': [
		'変更履歴（監査ログ）',
		'かえた きろく',
		'Audit log',
		'变更记录（审计日志）',
		'변경 이력 (감사 로그)'
	],
	'hq.audit.filter_table': ['対象', 'なにを', 'Table', '对象', '대상'],
	'hq.audit.filter_actor': ['操作者', 'だれが', 'Actor', '操作者', '작업자'],
	'hq.audit.filter_action': ['操作', 'なにを した', 'Action', '操作', '작업'],
	'hq.audit.load': ['表示する', 'みる', 'Show', '显示', '표시'],
	'hq.audit.col.time': ['日時', 'いつ', 'Time', '时间', '시각'],
	'hq.audit.col.actor': ['操作者', 'だれが', 'Actor', '操作者', '작업자'],
	'hq.audit.col.action': ['操作', 'なにを した', 'Action', '操作', '작업'],
	'hq.audit.col.table': ['対象', 'なにを', 'Table', '对象', '대상'],
	'hq.audit.col.record': ['ID', 'ID', 'Record', 'ID', 'ID'],
	'hq.audit.col.change': ['変更内容', 'かえた ところ', 'Change', '变更内容', '변경 내용'],
	'hq.audit.table.shelters': ['避難所', 'ひなんじょ', 'Shelters', '避难所', '대피소'],
	'hq.audit.table.staff': ['アカウント', 'アカウント', 'Accounts', '账户', '계정'],
	'hq.audit.table.accounts': [
		'アカウント操作',
		'アカウント の そうさ',
		'Account steps',
		'账户操作',
		'계정 작업'
	],
	'hq.audit.table.alerts': ['避難情報', 'にげる じょうほう', 'Alerts', '避难信息', '대피 정보'],
	'hq.audit.table.messages': ['メッセージ', 'メッセージ', 'Messages', '消息', '메시지'],
	'hq.audit.table.shelter_open_orders': [
		'開設指示',
		'開設（かいせつ）の しじ',
		'Opening orders',
		'开设指示',
		'개설 지시'
	],
	'hq.audit.table.settings': [
		'設定（訓練モード）',
		'せってい',
		'Settings (drill mode)',
		'设置（演练模式）',
		'설정 (훈련 모드)'
	],
	'hq.audit.action.INSERT': ['追加', 'ふやした', 'Added', '添加', '추가'],
	'hq.audit.action.UPDATE': ['変更', 'かえた', 'Changed', '更改', '변경'],
	'hq.audit.action.DELETE': ['削除', 'けした', 'Deleted', '删除', '삭제'],
	'hq.edit.delete': [
		'この臨時避難所を削除',
		'この りんじの ひなんじょを けす',
		'Delete this ad-hoc shelter',
		'删除此临时避难所',
		'이 임시 대피소 삭제'
	],
	'hq.edit.deleted': ['削除しました。', 'けしました。', 'Deleted.', '已删除。', '삭제했습니다.'],
	'hq.audit.none': [
		'該当する記録はありません。',
		'きろくは ありません。',
		'No entries.',
		'没有记录。',
		'기록이 없습니다.'
	],
	// HQ layout
	'hq.layout.panels': ['本部の機能', 'ほんぶの きのう', 'HQ tools', '本部功能', '본부 기능'],
	'hq.tab.alerts': ['避難情報', 'ひなんの じょうほう', 'Alerts', '避难信息', '피난 정보'],
	'hq.tab.orders': ['開設指示', 'ひらく しじ', 'Opening orders', '开设指示', '개설 지시'],
	'hq.tab.totals': ['町丁目別', 'まちごと', 'By district', '按町丁目', '동네별'],
	'hq.tab.messages': ['連絡', 'れんらく', 'Messages', '联络', '연락'],
	'hq.tab.jma': ['気象庁', 'きしょうちょう', 'JMA', '气象厅', '기상청'],
	'hq.tab.notify': ['通知', 'おしらせ', 'Notifications', '通知', '알림'],
	'hq.tab.shelter': [
		'避難所の詳細',
		'ひなんじょの くわしい こと',
		'Shelter details',
		'避难所详情',
		'대피소 상세'
	],
	'hq.tab.drill': ['訓練', 'くんれん', 'Drill', '演练', '훈련'],
	'hq.tab.data': ['データ', 'データ', 'Data', '数据', '데이터'],
	'hq.tab.accounts': ['アカウント', 'アカウント', 'Accounts', '账户', '계정'],
	'hq.tab.audit': ['操作記録', 'そうさの きろく', 'Audit log', '操作记录', '작업 기록'],
	'hq.layout.select_hint': [
		'一覧か地図で避難所を選ぶと、ここに報告の履歴が出ます。',
		'リストか ちずで ひなんじょを えらぶと、ここに ほうこくの きろくが でます。',
		'Select a shelter in the table or on the map to see its report history here.',
		'在列表或地图上选择避难所，这里会显示其报告记录。',
		'목록이나 지도에서 대피소를 선택하면 여기에 보고 기록이 표시됩니다.'
	],
	'hq.layout.map_note': [
		'同じ内容は避難所一覧にもあります。地図の点を選ぶと一覧の行が選ばれます。',
		'おなじ ことは ひなんじょの リストにも あります。ちずの てんを えらぶと リストの ぎょうが えらばれます。',
		'The shelter table has the same content. Selecting a dot selects its row.',
		'避难所列表有相同内容。选择地图上的点会选中列表中的行。',
		'대피소 목록에도 같은 내용이 있습니다. 지도의 점을 선택하면 목록의 행이 선택됩니다.'
	],
	'hq.layout.view_filter': [
		'地図に見えている避難所だけ',
		'ちずに みえている ひなんじょ だけ',
		'Only shelters in the map view',
		'仅显示地图范围内的避难所',
		'지도에 보이는 대피소만'
	],
	// Keyboard shortcuts
	'hq.keys.button': ['キー操作 (?)', 'キーそうさ (?)', 'Shortcuts (?)', '快捷键 (?)', '단축키 (?)'],
	'hq.keys.title': ['キー操作', 'キーそうさ', 'Keyboard shortcuts', '键盘快捷键', '키보드 단축키'],
	'hq.keys.help': ['この一覧を開く', 'この リストを ひらく', 'Open this list', '打开此列表', '이 목록 열기'],
	'hq.keys.search': [
		'一覧の検索へ',
		'リストの けんさくへ',
		'Go to the table search',
		'转到列表搜索',
		'목록 검색으로'
	],
	'hq.keys.view_filter': [
		'地図の範囲で絞り込む／戻す',
		'ちずの はんいで しぼる／もどす',
		'Filter by the map view on/off',
		'按地图范围筛选／取消',
		'지도 범위로 좁히기／해제'
	],
	'hq.keys.tab': [
		'機能のタブを選ぶ',
		'きのうの タブを えらぶ',
		'Choose a tool tab',
		'选择功能标签',
		'기능 탭 선택'
	],
	'hq.keys.clear': ['選択を解除', 'えらんだのを やめる', 'Clear the selection', '取消选择', '선택 해제']
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const hq = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default hq;
