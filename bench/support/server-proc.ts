/** The server process's CPU and memory as Linux /proc shows them (benchmarks run on Linux). */
import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) the process has used so far (USER_HZ 100). */
export function processCpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident set size of the process in MiB. */
export function processRssMib(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}
