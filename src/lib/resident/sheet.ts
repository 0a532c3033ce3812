/** The resident home's bottom sheet: three heights, one button steps through them. */
export const sheetHeights = ['peek', 'half', 'full'] as const;
export type SheetHeight = (typeof sheetHeights)[number];

export function nextSheetHeight(height: SheetHeight): SheetHeight {
	return sheetHeights[(sheetHeights.indexOf(height) + 1) % sheetHeights.length];
}

/** The button's label names what it will do next. */
export function sheetButtonKey(height: SheetHeight): string {
	return height === 'peek' ? 'home.sheet.grow' : height === 'half' ? 'home.sheet.full' : 'home.sheet.shrink';
}
