/**
 * Draws attention to a new opening order on a staff terminal: vibration where the device has it,
 * and a short WebAudio beep only once the page has seen a user gesture (browsers refuse audio
 * before one; sign-in is typed, so a terminal in use has had one). Both are best effort: the
 * order is on screen (role="alert") whatever the device allows.
 */

interface NavigatorLike {
	vibrate?: (pattern: number[]) => boolean;
	userActivation?: { hasBeenActive: boolean };
}

type AudioContextClass = new () => AudioContext;

let context: AudioContext | null = null;

export function vibrate(nav: NavigatorLike = globalThis.navigator as NavigatorLike): boolean {
	if (typeof nav?.vibrate !== 'function') return false;
	try {
		return nav.vibrate([200, 100, 200]);
	} catch {
		return false;
	}
}

export function beep(
	nav: NavigatorLike = globalThis.navigator as NavigatorLike,
	scope: { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass } = globalThis as never
): boolean {
	if (!nav?.userActivation?.hasBeenActive) return false;
	const Context = scope.AudioContext ?? scope.webkitAudioContext;
	if (!Context) return false;
	try {
		context ??= new Context();
		const oscillator = context.createOscillator();
		const gain = context.createGain();
		oscillator.frequency.value = 880;
		gain.gain.value = 0.2;
		oscillator.connect(gain).connect(context.destination);
		oscillator.start();
		oscillator.stop(context.currentTime + 0.3);
		return true;
	} catch {
		return false;
	}
}

/** A key per order and resend: a new key means "signal again". */
export function signalKey(order: { id: number; resent_count: number }): string {
	return `${order.id}:${order.resent_count}`;
}
