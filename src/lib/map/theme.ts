/** Colours of our basemap in daylight and in the dark (contrast checked against the labels). */
export type MapTheme = 'light' | 'dark';

export interface MapPalette {
	background: string;
	city: string;
	boundary: string;
	water: string;
	road: string;
	roadCasing: string;
	street: string;
	building: string;
	buildingOutline: string;
	rail: string;
	railDash: string;
	text: string;
	halo: string;
	townText: string;
	shelter: string;
	emergency: string;
	both: string;
	outside: string;
	selected: string;
}

export const palettes: Record<MapTheme, MapPalette> = {
	light: {
		background: '#e9e6df',
		city: '#fbfaf7',
		boundary: '#6b4c8a',
		water: '#3f86c4',
		road: '#f6c26b',
		roadCasing: '#a8711d',
		street: '#ffffff',
		building: '#d9d3c7',
		buildingOutline: '#b8b0a2',
		rail: '#4d4d4d',
		railDash: '#ffffff',
		text: '#1f1f1f',
		halo: '#ffffff',
		townText: '#4a4a4a',
		shelter: '#0b6e4f',
		emergency: '#b3261e',
		both: '#1f4e9c',
		outside: '#6d6d6d',
		selected: '#ff8f00'
	},
	dark: {
		background: '#15181d',
		city: '#21262e',
		boundary: '#b9a3d6',
		water: '#5ea7e0',
		road: '#8a6a33',
		roadCasing: '#c99a4a',
		street: '#3a414c',
		building: '#2c323b',
		buildingOutline: '#3d4550',
		rail: '#b5b5b5',
		railDash: '#21262e',
		text: '#f2f2f2',
		halo: '#000000',
		townText: '#d0d0d0',
		shelter: '#4fd1a5',
		emergency: '#ff8a80',
		both: '#8ab4f8',
		outside: '#a0a0a0',
		selected: '#ffb74d'
	}
};
