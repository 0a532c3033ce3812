import type { AreaCatalog } from './types.ts';

/**
 * Messages of account management (issue 16): HQ's 「アカウント」 panel and the staff page's
 * 「登録コードで始める」. One row per key: [ja, ja-x-easy, en, zh-Hans, ko].
 */
const rows: Record<string, [string, string, string, string, string]> = {
	'accounts.heading': ['アカウント', 'アカウント', 'Accounts', '账户', '계정'],
	'accounts.intro': [
		'職員・本部のアカウントと端末を管理します。無効化・パスワード再発行・移動をすると、その端末のログインはすぐに終わります。',
		'しょくいん と ほんぶ の アカウント と たんまつ を かんり します。むこう に すると、すぐに つかえなく なります。',
		'Manage staff and HQ accounts and terminals. Disabling, resetting the password or moving an account ends its sessions at once.',
		'管理职员、本部账户和终端。停用、重置密码或调动后，该账户的登录会立即结束。',
		'직원·본부 계정과 단말을 관리합니다. 비활성화·비밀번호 재발급·이동 시 해당 계정의 로그인은 즉시 종료됩니다.'
	],
	'accounts.list_caption': [
		'アカウント一覧（{count}件）',
		'アカウント の いちらん（{count}）',
		'Accounts ({count})',
		'账户列表（{count}个）',
		'계정 목록 ({count}개)'
	],
	'accounts.col.username': ['ユーザー名', 'なまえ', 'Username', '用户名', '사용자 이름'],
	'accounts.col.kind': ['種別', 'しゅるい', 'Kind', '类别', '종류'],
	'accounts.col.shelter': ['避難所', 'ひなんじょ', 'Shelter', '避难所', '대피소'],
	'accounts.col.state': ['状態', 'じょうたい', 'State', '状态', '상태'],
	'accounts.col.actions': ['操作', 'そうさ', 'Actions', '操作', '작업'],
	'accounts.kind.hq': ['本部', 'ほんぶ', 'HQ', '本部', '본부'],
	'accounts.kind.staff': ['職員', 'しょくいん', 'Staff', '职员', '직원'],
	'accounts.kind.device': ['端末', 'たんまつ', 'Terminal', '终端', '단말'],
	'accounts.state.active': ['有効', 'つかえる', 'Active', '有效', '활성'],
	'accounts.state.disabled': ['無効', 'つかえない', 'Disabled', '已停用', '비활성'],
	'accounts.disable': [
		'{username} を無効にする',
		'{username} を つかえなく する',
		'Disable {username}',
		'停用 {username}',
		'{username} 비활성화'
	],
	'accounts.enable': [
		'{username} を有効にする',
		'{username} を つかえる ように する',
		'Enable {username}',
		'启用 {username}',
		'{username} 활성화'
	],
	'accounts.reset': [
		'{username} のパスワードを再発行',
		'{username} の パスワード を あたらしく する',
		'New password for {username}',
		'为 {username} 重新发放密码',
		'{username} 비밀번호 재발급'
	],
	'accounts.move_to': [
		'{username} の移動先',
		'{username} の いどう さき',
		'Move {username} to',
		'{username} 调往',
		'{username} 이동할 곳'
	],
	'accounts.move': ['移動', 'いどう', 'Move', '调动', '이동'],
	'accounts.create_heading': [
		'アカウントを作成',
		'アカウント を つくる',
		'Create an account',
		'创建账户',
		'계정 만들기'
	],
	'accounts.username_hint': [
		'半角英小文字・数字・. _ - で3〜64文字',
		'a〜z、0〜9、. _ - で 3〜64 もじ',
		'3–64 of a–z 0–9 . _ -',
		'3–64 个字符：a–z 0–9 . _ -',
		'a–z 0–9 . _ - 로 3–64자'
	],
	'accounts.role': ['役割', 'やくわり', 'Role', '角色', '역할'],
	'accounts.create': ['作成', 'つくる', 'Create', '创建', '만들기'],
	'accounts.issued': [
		'{username} のパスワード（この画面でのみ表示。控えて本人に渡してください）：',
		'{username} の パスワード（いま だけ みえます。メモ して わたして ください）：',
		'Password for {username} (shown only now; note it and hand it over):',
		'{username} 的密码（仅此处显示一次，请记下并交给本人）：',
		'{username} 의 비밀번호 (지금만 표시됩니다. 적어서 본인에게 전달하세요):'
	],
	'accounts.done': [
		'{username}：{step}',
		'{username}：{step}',
		'{username}: {step}',
		'{username}：{step}',
		'{username}: {step}'
	],
	'accounts.step.disabled': [
		'無効にしました',
		'つかえなく しました',
		'disabled',
		'已停用',
		'비활성화했습니다'
	],
	'accounts.step.enabled': [
		'有効にしました',
		'つかえる ように しました',
		'enabled',
		'已启用',
		'활성화했습니다'
	],
	'accounts.step.moved': ['移動しました', 'いどう しました', 'moved', '已调动', '이동했습니다'],
	'accounts.error': [
		'できませんでした：{message}',
		'できません でした：{message}',
		'Failed: {message}',
		'失败：{message}',
		'실패: {message}'
	],
	'accounts.enroll_heading': [
		'端末登録コード',
		'たんまつ とうろく コード',
		'Terminal enrollment code',
		'终端登记码',
		'단말 등록 코드'
	],
	'accounts.enroll_intro': [
		'学校のPCやタブレットを避難所の端末にします。コードは1回だけ、15分間使えます。',
		'がっこう の パソコン や タブレット を ひなんじょ の たんまつ に します。コード は 1かい だけ、15ふん つかえます。',
		'Turns a school PC or tablet into a terminal of a shelter. A code works once, for 15 minutes.',
		'将学校的电脑或平板设为避难所终端。登记码仅可使用一次，有效期15分钟。',
		'학교 PC나 태블릿을 대피소 단말로 만듭니다. 코드는 한 번, 15분 동안 사용할 수 있습니다.'
	],
	'accounts.enroll_create': ['コードを発行', 'コード を だす', 'Make a code', '发放登记码', '코드 발급'],
	'accounts.enroll_code': [
		'{shelter} の登録コード：{code}（{time} まで有効）',
		'{shelter} の コード：{code}（{time} まで）',
		'Code for {shelter}: {code} (valid until {time})',
		'{shelter} 的登记码：{code}（有效至 {time}）',
		'{shelter} 등록 코드: {code} ({time}까지 유효)'
	],
	'accounts.enroll_qr': [
		'登録用QRコード：{url}',
		'とうろく の QRコード：{url}',
		'Enrollment QR code: {url}',
		'登记用二维码：{url}',
		'등록용 QR 코드: {url}'
	],
	// Staff page: 「登録コードで始める」
	'accounts.start_heading': [
		'登録コードで始める',
		'とうろく コード で はじめる',
		'Start with an enrollment code',
		'用登记码开始',
		'등록 코드로 시작'
	],
	'accounts.start_hint': [
		'本部から受け取った8文字のコード（例：ABCD-2345）',
		'ほんぶ から もらった 8もじ の コード（れい：ABCD-2345）',
		'The 8-character code from HQ (e.g. ABCD-2345)',
		'本部发给的8位登记码（例：ABCD-2345）',
		'본부에서 받은 8자리 코드 (예: ABCD-2345)'
	],
	'accounts.start_code': ['登録コード', 'とうろく コード', 'Enrollment code', '登记码', '등록 코드'],
	'accounts.start': [
		'この端末を登録',
		'この たんまつ を とうろく',
		'Enroll this terminal',
		'登记此终端',
		'이 단말 등록'
	],
	'accounts.start_invalid': [
		'コードの形が正しくありません（8文字：数字2〜9と英大文字）',
		'コード の かたち が ちがいます（8もじ）',
		'That is not a code (8 characters: digits 2–9 and capital letters)',
		'登记码格式不正确（8位：数字2–9和大写字母）',
		'코드 형식이 올바르지 않습니다 (8자: 숫자 2–9와 영문 대문자)'
	],
	'accounts.start_unknown': [
		'このコードは使えません。確認するか、本部に新しいコードを頼んでください。',
		'この コード は つかえません。ほんぶ に あたらしい コード を たのんで ください。',
		'This code is not valid; check it or ask HQ for a new one.',
		'此登记码无效，请确认或向本部索取新的登记码。',
		'이 코드는 사용할 수 없습니다. 확인하거나 본부에 새 코드를 요청하세요.'
	],
	'accounts.start_used': [
		'このコードは使用済みです。本部に新しいコードを頼んでください。',
		'この コード は もう つかわれました。ほんぶ に あたらしい コード を たのんで ください。',
		'This code was used already; ask HQ for a new one.',
		'此登记码已被使用，请向本部索取新的登记码。',
		'이미 사용된 코드입니다. 본부에 새 코드를 요청하세요.'
	],
	'accounts.start_expired': [
		'このコードは期限切れです（15分）。本部に新しいコードを頼んでください。',
		'この コード は じかん ぎれ です（15ふん）。ほんぶ に あたらしい コード を たのんで ください。',
		'This code has expired (15 minutes); ask HQ for a new one.',
		'此登记码已过期（15分钟），请向本部索取新的登记码。',
		'만료된 코드입니다 (15분). 본부에 새 코드를 요청하세요.'
	],
	'accounts.start_limited': [
		'失敗が多すぎます。しばらく待ってからやり直してください。',
		'まちがい が おおすぎます。すこし まって から もう いちど。',
		'Too many failed attempts; wait a while and try again.',
		'失败次数过多，请稍后再试。',
		'실패가 너무 많습니다. 잠시 후 다시 시도하세요.'
	]
};

const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;

const accounts = Object.fromEntries(
	locales.map((locale, index) => [
		locale,
		Object.fromEntries(Object.entries(rows).map(([key, texts]) => [key, texts[index]!]))
	])
) as AreaCatalog;

export default accounts;
