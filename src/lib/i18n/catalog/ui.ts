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
