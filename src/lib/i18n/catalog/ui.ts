import type { AreaCatalog } from './types.ts';

/**
 * Messages of the shared look (display menu, states), the HQ layout (tabs, shortcuts), the staff
 * offline-readiness line and the printable pages. One row per key: [ja, ja-x-easy, en, zh-Hans, ko].
 */
const rows: Record<string, [string, string, string, string, string]> = {
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
	'ui.tab.audit': ['操作記録', 'そうさの きろく', 'Audit log', '操作记录', '작업 기록'],
	'ui.hq.select_hint': [
		'一覧か地図で避難所を選ぶと、ここに報告の履歴が出ます。',
		'リストか ちずで ひなんじょを えらぶと、ここに ほうこくの きろくが でます。',
		'Select a shelter in the table or on the map to see its report history here.',
		'在列表或地图上选择避难所，这里会显示其报告记录。',
		'목록이나 지도에서 대피소를 선택하면 여기에 보고 기록이 표시됩니다.'
	],
	'ui.hq.map_note': [
		'同じ内容は右の一覧にもあります。地図の点を選ぶと一覧の行が選ばれます。',
		'おなじ ことは みぎの リストにも あります。ちずの てんを えらぶと リストの ぎょうが えらばれます。',
		'The table on the right has the same content. Selecting a dot selects its row.',
		'右侧列表有相同内容。选择地图上的点会选中列表中的行。',
		'오른쪽 목록에도 같은 내용이 있습니다. 지도의 점을 선택하면 목록의 행이 선택됩니다.'
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
	]
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const ui = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default ui;
