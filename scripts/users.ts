// Accounts of embedded mode (DESIGN.md "Accounts"):
//   npm run users -- add <username> --role hq|staff [--shelter <id>] [--replace]
//       (--replace resets password and role, and ends every session of the account)
//   npm run users -- revoke <username>   (ends every session: its tokens stop working)
//   npm run users -- list
//   npm run users -- shelters      (ids and names, to pick --shelter)
// The password comes from BOSAI_PASSWORD or a prompt (not echoed) and is hashed here. Uses the
// server's database: DATABASE_URL's PostgreSQL server (works while servers run), else the data
// dir (BOSAI_DATA_DIR, default .bosai-data); while the embedded server holds it, the server runs
// the command on our behalf (users-service.ts: a 0600 request file and SIGUSR2, same OS user).
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { lockDataDir, DataDirBusyError } from '#lib/server/api/data-dir-lock.ts';
import { usernameSchema } from '#lib/server/auth/accounts.ts';
import { hashPassword, passwordProblem } from '#lib/server/auth/password.ts';
import { runUsersCommand, type UsersCommand } from '#lib/server/auth/users-command.ts';
import { askServerToRun } from '#lib/server/auth/users-service.ts';
import { databaseMode, openDatabase } from '#lib/server/db/index.ts';

const usage = `usage:
  npm run users -- add <username> --role hq|staff [--shelter <id>] [--replace]
  npm run users -- revoke <username>
  npm run users -- list
  npm run users -- shelters
password: BOSAI_PASSWORD, or typed at the prompt (at least 12 characters)`;

function fail(message: string): never {
	console.error(`users: ${message}`);
	process.exit(2);
}

async function prompt(question: string): Promise<string> {
	if (!process.stdin.isTTY) fail('set BOSAI_PASSWORD (no terminal to prompt on)');
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	// Mute the echo of the typed password.
	(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
		if (s.startsWith(question)) process.stdout.write(question);
	};
	return new Promise((resolve) =>
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		})
	);
}

async function readPassword(): Promise<string> {
	if (process.env.BOSAI_PASSWORD) return process.env.BOSAI_PASSWORD;
	const first = await prompt('password: ');
	const again = await prompt('again: ');
	if (first !== again) fail('the passwords differ');
	return first;
}

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		role: { type: 'string' },
		shelter: { type: 'string' },
		replace: { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h', default: false }
	}
});
const [command, name] = positionals;
if (values.help || !command) {
	console.log(usage);
	process.exit(command ? 0 : 2);
}
if (!['add', 'revoke', 'list', 'shelters'].includes(command)) fail(`unknown command "${command}"\n${usage}`);

let password = '';
let username = '';
if (command === 'add' || command === 'revoke') {
	const parsedName = usernameSchema.safeParse(name ?? '');
	if (!parsedName.success) fail(parsedName.error.issues[0].message);
	username = parsedName.data;
}
if (command === 'add') {
	if (values.role !== 'hq' && values.role !== 'staff') fail('--role must be hq or staff');
	if (values.role === 'staff' && !values.shelter) fail('staff needs --shelter <id>');
	if (values.role === 'hq' && values.shelter) fail('hq accounts are not bound to a shelter');
	password = await readPassword();
	const problem = passwordProblem(password);
	if (problem) fail(problem);
}

const request: UsersCommand =
	command === 'add'
		? {
				command,
				username,
				role: values.role as 'hq' | 'staff',
				shelter: values.shelter ?? null,
				hash: await hashPassword(password),
				replace: values.replace
			}
		: command === 'revoke'
			? { command, username }
			: { command: command as 'list' | 'shelters' };

async function run(): Promise<string[]> {
	const mode = databaseMode();
	let release: () => void = () => {};
	if (mode.driver === 'pglite') {
		try {
			release = lockDataDir(mode.dataDir, 'npm run users');
		} catch (error) {
			// The server holds PGlite: it runs the command for us (users-service.ts).
			if (error instanceof DataDirBusyError) return askServerToRun(mode.dataDir, error.pid, request);
			throw error;
		}
	}
	const where = mode.driver === 'pglite' ? mode.dataDir : 'the DATABASE_URL database';
	const db = await openDatabase({ ...mode, seed: true }).catch((error) => {
		release();
		fail(`cannot open ${where}: ${error instanceof Error ? error.message : String(error)}`);
	});
	try {
		return await runUsersCommand(db, request);
	} finally {
		await db.close();
		release();
	}
}

let code = 0;
try {
	for (const line of await run()) console.log(line);
} catch (error) {
	console.error(`users: ${error instanceof Error ? error.message : String(error)}`);
	code = 1;
}
process.exit(code);
