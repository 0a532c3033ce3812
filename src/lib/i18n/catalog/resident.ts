import type { AreaCatalog } from './types.ts';

/** Messages of the resident screens. */
const resident: AreaCatalog = {
	ja: {
		'resident.title': '避難所マップ'
	},
	'ja-x-easy': {
		'resident.title': 'ひなんじょの ちず'
	},
	en: {
		'resident.title': 'Shelter map'
	},
	'zh-Hans': {
		'resident.title': '避难所地图'
	},
	ko: {
		'resident.title': '대피소 지도'
	}
};

export default resident;
