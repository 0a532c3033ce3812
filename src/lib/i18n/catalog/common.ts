import type { AreaCatalog } from './types.ts';

/** The shared layout: title, navigation, language switcher, about page. */
const common: AreaCatalog = {
	ja: {
		'common.app_name': '狛江市 防災マップ',
		'common.skip_to_content': '本文へ移動',
		'common.nav.label': 'メインメニュー',
		'common.nav.resident': '避難所マップ',
		'common.nav.staff': '避難所職員',
		'common.nav.hq': '災害対策本部',
		'common.nav.about': 'このサイトについて',
		'common.language': '言語',
		'common.loading': '読み込み中…',
		'common.offline': 'オフラインです。最後に取得した情報を表示しています。',
		'common.footer.credit':
			'出典：国土地理院、国土数値情報（国土交通省）、Geolonia 住所データ（CC BY 4.0）、© OpenStreetMap contributors',
		'common.about.title': 'このサイトについて',
		'common.about.intro':
			'狛江市の避難所・防災情報を、住民・避難所職員・災害対策本部で共有するためのオープンソースのシステムです。',
		'common.about.sources': 'データの出典とライセンス',
		'common.about.software': 'ソフトウェアのライセンス',
		'common.about.software_text': 'bosai-map は Apache License 2.0 のオープンソースソフトウェアです。',
		'common.about.missing': 'まだ入手できていないデータ',
		'common.about.missing_text':
			'浸水想定区域・土砂災害警戒区域の区域データ（国土数値情報 A31a・A33）と道路網はまだ取り込まれていません。取り込まれるまで、地図にはこれらを表示しません。',
		'common.about.privacy': '個人情報',
		'common.about.privacy_text': '住民の方の位置情報は端末の中だけで使い、サーバーには送りません。',
		'common.error.title': 'エラーが発生しました'
	},
	'ja-x-easy': {
		'common.app_name': 'こまえし ぼうさい マップ',
		'common.skip_to_content': 'ほんぶんへ いく',
		'common.nav.label': 'メニュー',
		'common.nav.resident': 'ひなんじょの ちず',
		'common.nav.staff': 'ひなんじょの しょくいん',
		'common.nav.hq': 'さいがい たいさく ほんぶ',
		'common.nav.about': 'この サイトに ついて',
		'common.language': 'ことば',
		'common.loading': 'よみこんで います…',
		'common.offline': 'インターネットに つながって いません。まえに とった じょうほうを みせて います。',
		'common.footer.credit':
			'でどころ：こくど ちりいん、こくど すうち じょうほう（こくど こうつう しょう）、Geolonia じゅうしょ データ（CC BY 4.0）、© OpenStreetMap contributors',
		'common.about.title': 'この サイトに ついて',
		'common.about.intro':
			'こまえしの ひなんじょと ぼうさいの じょうほうを みんなで つかう ための しくみです。',
		'common.about.sources': 'データの でどころ',
		'common.about.software': 'ソフトウェアの ルール',
		'common.about.software_text': 'bosai-map は だれでも つかえる ソフトウェア（Apache License 2.0）です。',
		'common.about.missing': 'まだ ない データ',
		'common.about.missing_text':
			'みずに つかる ばしょ や がけくずれの きけんな ばしょの データ、みちの データは まだ ありません。ちずには まだ でません。',
		'common.about.privacy': 'こじん じょうほう',
		'common.about.privacy_text':
			'あなたの いる ばしょは この きかいの なかだけで つかいます。サーバーには おくりません。',
		'common.error.title': 'エラーが でました'
	},
	en: {
		'common.app_name': 'Komae City Disaster Map',
		'common.skip_to_content': 'Skip to main content',
		'common.nav.label': 'Main menu',
		'common.nav.resident': 'Shelter map',
		'common.nav.staff': 'Shelter staff',
		'common.nav.hq': 'Disaster HQ',
		'common.nav.about': 'About this site',
		'common.language': 'Language',
		'common.loading': 'Loading…',
		'common.offline': 'You are offline. Showing the last information received.',
		'common.footer.credit':
			'Sources: Geospatial Information Authority of Japan (GSI), National Land Numerical Information (MLIT), Geolonia address data (CC BY 4.0), © OpenStreetMap contributors',
		'common.about.title': 'About this site',
		'common.about.intro':
			'An open-source system that shares shelter and disaster-prevention information for Komae City among residents, shelter staff and the disaster headquarters.',
		'common.about.sources': 'Data sources and licences',
		'common.about.software': 'Software licence',
		'common.about.software_text': 'bosai-map is open-source software under the Apache License 2.0.',
		'common.about.missing': 'Data not yet available',
		'common.about.missing_text':
			'Flood and landslide hazard-zone polygons (National Land Numerical Information A31a, A33) and a street network have not been imported yet. Until they are, the map does not show them.',
		'common.about.privacy': 'Personal information',
		'common.about.privacy_text': 'Your location is used only on your device and is never sent to the server.',
		'common.error.title': 'Something went wrong'
	},
	'zh-Hans': {
		'common.app_name': '狛江市 防灾地图',
		'common.skip_to_content': '跳到正文',
		'common.nav.label': '主菜单',
		'common.nav.resident': '避难所地图',
		'common.nav.staff': '避难所工作人员',
		'common.nav.hq': '灾害对策本部',
		'common.nav.about': '关于本站',
		'common.language': '语言',
		'common.loading': '正在加载…',
		'common.offline': '当前处于离线状态，显示最后获取的信息。',
		'common.footer.credit':
			'出处：日本国土地理院、国土数值信息（国土交通省）、Geolonia 地址数据（CC BY 4.0）、© OpenStreetMap contributors',
		'common.about.title': '关于本站',
		'common.about.intro':
			'这是一个开源系统，用于在居民、避难所工作人员和灾害对策本部之间共享狛江市的避难所和防灾信息。',
		'common.about.sources': '数据出处与许可',
		'common.about.software': '软件许可',
		'common.about.software_text': 'bosai-map 是基于 Apache License 2.0 的开源软件。',
		'common.about.missing': '尚未获得的数据',
		'common.about.missing_text':
			'洪水淹没预想区域、泥石流警戒区域的区域数据（国土数值信息 A31a、A33）以及道路网尚未导入。导入之前，地图上不显示这些内容。',
		'common.about.privacy': '个人信息',
		'common.about.privacy_text': '您的位置信息只在您的设备上使用，不会发送到服务器。',
		'common.error.title': '发生错误'
	},
	ko: {
		'common.app_name': '고마에시 방재 지도',
		'common.skip_to_content': '본문으로 이동',
		'common.nav.label': '메인 메뉴',
		'common.nav.resident': '대피소 지도',
		'common.nav.staff': '대피소 직원',
		'common.nav.hq': '재해대책본부',
		'common.nav.about': '이 사이트에 대해',
		'common.language': '언어',
		'common.loading': '불러오는 중…',
		'common.offline': '오프라인 상태입니다. 마지막으로 받은 정보를 표시합니다.',
		'common.footer.credit':
			'출처: 일본 국토지리원, 국토수치정보(국토교통성), Geolonia 주소 데이터(CC BY 4.0), © OpenStreetMap contributors',
		'common.about.title': '이 사이트에 대해',
		'common.about.intro':
			'고마에시의 대피소・방재 정보를 주민, 대피소 직원, 재해대책본부가 함께 쓰기 위한 오픈 소스 시스템입니다.',
		'common.about.sources': '데이터 출처와 라이선스',
		'common.about.software': '소프트웨어 라이선스',
		'common.about.software_text': 'bosai-map은 Apache License 2.0 오픈 소스 소프트웨어입니다.',
		'common.about.missing': '아직 없는 데이터',
		'common.about.missing_text':
			'침수 예상 구역・토사 재해 경계 구역의 구역 데이터(국토수치정보 A31a・A33)와 도로망은 아직 가져오지 않았습니다. 가져오기 전까지 지도에 표시하지 않습니다.',
		'common.about.privacy': '개인 정보',
		'common.about.privacy_text': '위치 정보는 기기 안에서만 사용하며 서버로 보내지 않습니다.',
		'common.error.title': '오류가 발생했습니다'
	}
};

export default common;
