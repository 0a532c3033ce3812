/** Codes and official legend colours of the hazard-zone formats (shared by importer and map). */

/** 浸水深ランク (令和 editions) with the official legend colours (水害ハザードマップ作成の手引き). */
export const depthRanks = [
	{ rank: 1, label: '0.5m未満', color: '#f7f5a9' },
	{ rank: 2, label: '0.5〜3.0m', color: '#ffd8c0' },
	{ rank: 3, label: '3.0〜5.0m', color: '#ffb7b7' },
	{ rank: 4, label: '5.0〜10.0m', color: '#ff9191' },
	{ rank: 5, label: '10.0〜20.0m', color: '#f285c9' },
	{ rank: 6, label: '20.0m以上', color: '#dc7adc' }
] as const;

export const a33Phenomena: Record<string, string> = { '1': '急傾斜地の崩壊', '2': '土石流', '3': '地滑り' };
export const a33ZoneTypes: Record<string, 'warning' | 'special_warning'> = {
	'1': 'warning',
	'2': 'special_warning'
};
/** Official 土砂災害 legend: 警戒区域 yellow, 特別警戒区域 red. */
export const a33Colors = { warning: '#ffe34d', special_warning: '#e60000' } as const;
