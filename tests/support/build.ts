/**
 * One production build per test run, shared by every e2e project's global setup (they run in the
 * same process, possibly at the same time, each with its own module graph: hence globalThis).
 * BOSAI_E2E_SKIP_BUILD=1 reuses an existing build.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildDir } from './server.ts';

const key = Symbol.for('bosai-map.e2e-build');
type Holder = { [key]?: Promise<void> };

export function ensureBuild(): Promise<void> {
	const holder = globalThis as Holder;
	holder[key] ??= new Promise<void>((resolveBuild, reject) => {
		if (process.env.BOSAI_E2E_SKIP_BUILD === '1' && existsSync(buildDir)) return resolveBuild();
		const build = spawn('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
		build.on('error', reject);
		build.on('exit', (code) => (code === 0 ? resolveBuild() : reject(new Error('npm run build failed'))));
	});
	return holder[key];
}
