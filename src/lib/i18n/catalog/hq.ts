import type { AreaCatalog } from './types.ts';

/** Messages of the hq screens. */
const hq: AreaCatalog = {
	ja: {
		'hq.title': '災害対策本部'
	},
	'ja-x-easy': {
		'hq.title': 'さいがい たいさく ほんぶ'
	},
	en: {
		'hq.title': 'Disaster headquarters'
	},
	'zh-Hans': {
		'hq.title': '灾害对策本部'
	},
	ko: {
		'hq.title': '재해대책본부'
	}
};

export default hq;
