import type { AreaCatalog } from './types.ts';

/** Messages of the map: layers, legend, attribution, hazard data state. */
const map: AreaCatalog = {
	ja: {
		'map.title': '地図'
	},
	'ja-x-easy': {
		'map.title': 'ちず'
	},
	en: {
		'map.title': 'Map'
	},
	'zh-Hans': {
		'map.title': '地图'
	},
	ko: {
		'map.title': '지도'
	}
};

export default map;
