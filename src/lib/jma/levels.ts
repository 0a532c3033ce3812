/**
 * 警戒レベル相当. R06 telegrams state it (Significancy code 21/31/41/51 → 2/3/4/5). For H27
 * telegrams we use JMA's published correspondence (気象庁「警戒レベル相当情報」): 大雨・洪水注意報 2,
 * 大雨警報（土砂災害）・洪水警報 3, 土砂災害警戒情報 4, 大雨特別警報 5; 指定河川洪水予報 氾濫注意 2,
 * 警戒 3, 危険 4, 発生 5. Anything else carries no level (we never guess one).
 */
export function levelFromSignificancy(code: string): number | null {
	const match = /^([2-5])\d$/.exec(code);
	return match ? Number(match[1]) : null;
}

/** H27 warning codes (気象警報・注意報 Kind/Code) → level; 大雨警報 only with 土砂災害. */
export function levelFromH27Warning(code: string, conditions: string): number | null {
	switch (code) {
		case '10': // 大雨注意報
		case '18': // 洪水注意報
			return 2;
		case '03': // 大雨警報
			return conditions.includes('土砂災害') ? 3 : null;
		case '04': // 洪水警報
			return 3;
		case '33': // 大雨特別警報
			return 5;
		default:
			return null;
	}
}

/** 指定河川洪水予報 Kind/Code: 20 注意, 30 警戒, 40/41 危険, 50–53 発生; 10/21/31… are 解除 etc. */
export function levelFromFloodCode(code: string): number | null {
	const level: Record<string, number> = {
		'20': 2,
		'30': 3,
		'40': 4,
		'41': 4,
		'50': 5,
		'51': 5,
		'52': 5,
		'53': 5
	};
	return level[code] ?? null;
}
