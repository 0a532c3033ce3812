import type { AreaCatalog } from './types.ts';

/** Messages of the staff screens. */
const staff: AreaCatalog = {
	ja: {
		'staff.title': '避難所職員の画面'
	},
	'ja-x-easy': {
		'staff.title': 'ひなんじょの しょくいんの がめん'
	},
	en: {
		'staff.title': 'Shelter staff'
	},
	'zh-Hans': {
		'staff.title': '避难所工作人员'
	},
	ko: {
		'staff.title': '대피소 직원 화면'
	}
};

export default staff;
