/**
 * Names shared by the basemap style (tiles/style.ts, built by `npm run tiles`) and the app's own
 * overlay layers: the basemap source id and our Latin glyph fonts.
 */
export const basemapSourceId = 'basemap';
export const regularFont = ['Noto Sans Regular'];
export const boldFont = ['Noto Sans Bold'];
