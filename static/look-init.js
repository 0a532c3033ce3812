// Applies the saved theme and text size before first paint (no flash); see src/lib/look/prefs.ts.
// A static file, not inline: the Content-Security-Policy allows scripts from 'self' only.
(function () {
	var root = document.documentElement;
	var media = window.matchMedia('(prefers-color-scheme: dark)');
	function read(key) {
		try {
			return localStorage.getItem(key);
		} catch {
			return null;
		}
	}
	function apply() {
		var choice = read('bosai.theme');
		if (choice !== 'light' && choice !== 'dark') choice = 'auto';
		root.dataset.themeChoice = choice;
		root.dataset.theme = choice === 'auto' ? (media.matches ? 'dark' : 'light') : choice;
		root.dataset.text = read('bosai.text') === 'large' ? 'large' : 'normal';
	}
	apply();
	media.addEventListener('change', apply);
})();
