import type { AreaCatalog } from './types.ts';

/**
 * Messages of the shared look (display menu, states), the HQ layout (tabs, shortcuts), the staff
 * offline-readiness line and the printable pages. One row per key: [ja, ja-x-easy, en, zh-Hans, ko].
 */
const rows: Record<string, [string, string, string, string, string]> = {
	'ui.confirm.cancel_alert': [
		'「{name}」を解除します。住民の画面からすぐに消えます。よろしいですか。',
		'「{name}」を やめます。じゅうみんの がめんから すぐ きえます。いいですか。',
		'Cancel “{name}”? It disappears from residents’ screens at once.',
		'要解除“{name}”吗？它会立即从居民页面消失。',
		'“{name}”을(를) 해제합니까? 주민 화면에서 바로 사라집니다.'
	],
	'ui.confirm.delete_shelter': [
		'臨時避難所「{name}」を削除します。よろしいですか。',
		'りんじの ひなんじょ「{name}」を けします。いいですか。',
		'Delete the ad-hoc shelter “{name}”?',
		'要删除临时避难所“{name}”吗？',
		'임시 대피소 “{name}”을(를) 삭제합니까?'
	],
	'ui.close': ['閉じる', 'とじる', 'Close', '关闭', '닫기'],
	// Display menu
	'ui.look.menu': ['表示', 'みため', 'Display', '显示', '표시'],
	'ui.look.theme': ['配色', 'いろ', 'Colours', '配色', '색상'],
	'ui.look.theme.auto': [
		'端末に合わせる',
		'たんまつに あわせる',
		'As the device',
		'跟随设备',
		'기기 설정에 따름'
	],
	'ui.look.theme.light': ['明るい', 'あかるい', 'Light', '浅色', '밝게'],
	'ui.look.theme.dark': ['暗い', 'くらい', 'Dark', '深色', '어둡게'],
	'ui.look.large_text': ['文字を大きく', 'もじを おおきく', 'Large text', '大字体', '큰 글자'],
	// HQ layout
	'ui.hq.panels': ['本部の機能', 'ほんぶの きのう', 'HQ tools', '本部功能', '본부 기능'],
	'ui.tab.alerts': ['避難情報', 'ひなんの じょうほう', 'Alerts', '避难信息', '피난 정보'],
	'ui.tab.orders': ['開設指示', 'ひらく しじ', 'Opening orders', '开设指示', '개설 지시'],
	'ui.tab.totals': ['町丁目別', 'まちごと', 'By district', '按町丁目', '동네별'],
	'ui.tab.messages': ['連絡', 'れんらく', 'Messages', '联络', '연락'],
	'ui.tab.jma': ['気象庁', 'きしょうちょう', 'JMA', '气象厅', '기상청'],
	'ui.tab.notify': ['通知', 'おしらせ', 'Notifications', '通知', '알림'],
	'ui.tab.shelter': [
		'避難所の詳細',
		'ひなんじょの くわしい こと',
		'Shelter details',
		'避难所详情',
		'대피소 상세'
	],
	'ui.tab.drill': ['訓練', 'くんれん', 'Drill', '演练', '훈련'],
	'ui.tab.data': ['データ', 'データ', 'Data', '数据', '데이터'],
	'ui.tab.accounts': ['アカウント', 'アカウント', 'Accounts', '账户', '계정'],
	'ui.tab.audit': ['操作記録', 'そうさの きろく', 'Audit log', '操作记录', '작업 기록'],
	'ui.hq.select_hint': [
		'一覧か地図で避難所を選ぶと、ここに報告の履歴が出ます。',
		'リストか ちずで ひなんじょを えらぶと、ここに ほうこくの きろくが でます。',
		'Select a shelter in the table or on the map to see its report history here.',
		'在列表或地图上选择避难所，这里会显示其报告记录。',
		'목록이나 지도에서 대피소를 선택하면 여기에 보고 기록이 표시됩니다.'
	],
	'ui.hq.map_note': [
		'同じ内容は避難所一覧にもあります。地図の点を選ぶと一覧の行が選ばれます。',
		'おなじ ことは ひなんじょの リストにも あります。ちずの てんを えらぶと リストの ぎょうが えらばれます。',
		'The shelter table has the same content. Selecting a dot selects its row.',
		'避难所列表有相同内容。选择地图上的点会选中列表中的行。',
		'대피소 목록에도 같은 내용이 있습니다. 지도의 점을 선택하면 목록의 행이 선택됩니다.'
	],
	'ui.hq.view_filter': [
		'地図に見えている避難所だけ',
		'ちずに みえている ひなんじょ だけ',
		'Only shelters in the map view',
		'仅显示地图范围内的避难所',
		'지도에 보이는 대피소만'
	],
	// Keyboard shortcuts
	'ui.keys.button': ['キー操作 (?)', 'キーそうさ (?)', 'Shortcuts (?)', '快捷键 (?)', '단축키 (?)'],
	'ui.keys.title': ['キー操作', 'キーそうさ', 'Keyboard shortcuts', '键盘快捷键', '키보드 단축키'],
	'ui.keys.help': ['この一覧を開く', 'この リストを ひらく', 'Open this list', '打开此列表', '이 목록 열기'],
	'ui.keys.search': [
		'一覧の検索へ',
		'リストの けんさくへ',
		'Go to the table search',
		'转到列表搜索',
		'목록 검색으로'
	],
	'ui.keys.view_filter': [
		'地図の範囲で絞り込む／戻す',
		'ちずの はんいで しぼる／もどす',
		'Filter by the map view on/off',
		'按地图范围筛选／取消',
		'지도 범위로 좁히기／해제'
	],
	'ui.keys.tab': [
		'機能のタブを選ぶ',
		'きのうの タブを えらぶ',
		'Choose a tool tab',
		'选择功能标签',
		'기능 탭 선택'
	],
	'ui.keys.clear': ['選択を解除', 'えらんだのを やめる', 'Clear the selection', '取消选择', '선택 해제'],
	// Staff terminal: offline readiness
	'ui.offline.ready': [
		'この端末はオフラインでも使えます。',
		'この たんまつは インターネットが なくても つかえます。',
		'This device works offline.',
		'此设备可离线使用。',
		'이 단말기는 오프라인에서도 사용할 수 있습니다.'
	],
	'ui.offline.pending': [
		'この端末はまだオフラインで使えません。準備が終わるまで、この画面を開いたまま通信できる場所にいてください。',
		'この たんまつは まだ インターネットが ないと つかえません。じゅんびが おわるまで この がめんを ひらいて おいて ください。',
		'This device is not ready to work offline yet. Keep this screen open while online until it is.',
		'此设备尚不能离线使用。准备完成前，请在联网状态下保持此页面打开。',
		'이 단말기는 아직 오프라인에서 사용할 수 없습니다. 준비가 끝날 때까지 온라인 상태에서 이 화면을 열어 두세요.'
	],
	'ui.offline.unsupported': [
		'このブラウザではオフラインで使えません。通信が切れると画面が開けなくなります。',
		'この ブラウザでは インターネットが ないと つかえません。',
		'This browser cannot work offline: without a connection this screen will not open.',
		'此浏览器无法离线使用：断网后将无法打开此页面。',
		'이 브라우저는 오프라인에서 사용할 수 없습니다. 연결이 끊기면 이 화면을 열 수 없습니다.'
	],
	// Printing
	'ui.print.button': ['印刷する', 'いんさつ する', 'Print', '打印', '인쇄'],
	'ui.print.status_link': [
		'状況表を印刷',
		'じょうきょうの ひょうを いんさつ',
		'Print status sheet',
		'打印状况表',
		'현황표 인쇄'
	],
	'ui.print.forms_link': [
		'報告用紙を印刷',
		'ほうこくの かみを いんさつ',
		'Print report forms',
		'打印报告表',
		'보고 용지 인쇄'
	],
	'ui.print.hint': [
		'印刷用のページです（A4）。',
		'いんさつ するための ページです（A4）。',
		'A page for printing (A4).',
		'打印用页面（A4）。',
		'인쇄용 페이지입니다(A4).'
	],
	'ui.print.printed_at': [
		'{time} 現在',
		'{time} の じょうほう',
		'As of {time}',
		'截至 {time}',
		'{time} 기준'
	],
	'ui.print.shelters_title': [
		'避難所一覧',
		'ひなんじょの リスト',
		'Shelter list',
		'避难所一览',
		'대피소 목록'
	],
	'ui.print.shelters_note': [
		'開設状況は変わります。QRコードで最新の状況を確かめてください。',
		'あいているかは かわります。QRコードで あたらしい じょうほうを みて ください。',
		'Opening changes: scan a QR code for the live status.',
		'开设状况会变化，请扫描二维码查看最新状况。',
		'개설 상황은 바뀝니다. QR 코드로 최신 상황을 확인하세요.'
	],
	'ui.print.no_shelters': [
		'避難所のデータがありません。',
		'ひなんじょの データが ありません。',
		'No shelter data.',
		'没有避难所数据。',
		'대피소 데이터가 없습니다.'
	],
	'ui.print.for_hazard': [
		'{hazard}のときの避難先',
		'{hazard}の ときに にげる ところ',
		'Where to go: {hazard}',
		'{hazard}时的避难地点',
		'{hazard} 시 대피 장소'
	],
	'ui.print.outline': [
		'{hazard}の避難先の位置（番号は一覧と同じ。上が北）',
		'{hazard}の ときに にげる ところの ばしょ（ばんごうは リストと おなじ。うえが きた）',
		'Where the shelters for {hazard} are (numbers as in the list; north up)',
		'{hazard}避难地点的位置（编号与列表相同，上为北）',
		'{hazard} 대피 장소 위치(번호는 목록과 같음, 위쪽이 북쪽)'
	],
	'ui.print.welfare': [
		'福祉避難所（要配慮者向け）',
		'ふくし ひなんじょ（たすけが ひつような ひとの ため）',
		'Welfare shelter (for people needing care)',
		'福利避难所（面向需要照顾者）',
		'복지 대피소(배려 필요자용)'
	],
	'ui.print.outside': ['市外', 'しの そと', 'Outside the city', '市外', '시외'],
	'ui.print.qr_of': [
		'{name}の最新の状況（QRコード）',
		'{name}の あたらしい じょうほう（QRコード）',
		'Live status of {name} (QR code)',
		'{name}的最新状况（二维码）',
		'{name}의 최신 상황(QR 코드)'
	],
	'ui.print.status_title': [
		'避難所状況表',
		'ひなんじょの じょうきょう',
		'Shelter status sheet',
		'避难所状况表',
		'대피소 현황표'
	],
	'ui.print.forms_title': [
		'避難所報告用紙',
		'ひなんじょの ほうこくの かみ',
		'Shelter report forms',
		'避难所报告表',
		'대피소 보고 용지'
	],
	'ui.print.last_report': ['最終報告', 'さいごの ほうこく', 'Last report', '最后报告', '마지막 보고'],
	'ui.print.hq_only': [
		'このページは災害対策本部の担当者だけが使えます。本部の画面でサインインしてください。',
		'この ページは ほんぶの ひとだけ つかえます。ほんぶの がめんで サインイン して ください。',
		'Only HQ staff can use this page. Sign in on the HQ screen.',
		'此页面仅限本部人员使用。请在本部页面登录。',
		'이 페이지는 본부 담당자만 사용할 수 있습니다. 본부 화면에서 로그인하세요.'
	],
	'ui.print.load_failed': [
		'読み込めませんでした。',
		'よみこめませんでした。',
		'Could not load.',
		'无法加载。',
		'불러올 수 없습니다.'
	],
	'ui.print.shelter_id': ['避難所ID', 'ひなんじょ ID', 'Shelter ID', '避难所ID', '대피소 ID'],
	'ui.print.qr_staff': [
		'避難所端末の画面（QRコード）',
		'ひなんじょの たんまつの がめん（QRコード）',
		'The shelter terminal (QR code)',
		'避难所终端页面（二维码）',
		'대피소 단말 화면(QR 코드)'
	],
	'ui.print.report_time': [
		'報告日時',
		'ほうこくした ひにちと じかん',
		'Date and time',
		'报告日期时间',
		'보고 일시'
	],
	'ui.print.evacuees': ['避難者数', 'ひなん している ひとの かず', 'Evacuees', '避难人数', '피난자 수'],
	'ui.print.people': ['人', 'にん', 'people', '人', '명'],
	'ui.print.reporter': ['記入者', 'かいた ひと', 'Filled in by', '填写人', '작성자']
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const ui = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default ui;
