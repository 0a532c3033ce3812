// Accounts of embedded mode (DESIGN.md "Accounts"):
//   npm run users -- add <username> --role hq|staff [--shelter <id>] [--replace]
//       (--replace resets password and role, and ends every session of the account)
//   npm run users -- revoke <username>   (ends every session: its tokens stop working)
//   npm run users -- list
//   npm run users -- shelters      (ids and names, to pick --shelter)
// The password comes from BOSAI_PASSWORD or a prompt (not echoed). Uses the server's database:
// DATABASE_URL's PostgreSQL server (works while servers run), else the data dir (BOSAI_DATA_DIR,
// default .bosai-data), refused while the server holds it: PGlite is single-process.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { lockDataDir, DataDirBusyError } from '#lib/server/api/data-dir-lock.ts';
import { listAccounts, revokeSessions, saveAccount, usernameSchema } from '#lib/server/auth/accounts.ts';
import { passwordProblem } from '#lib/server/auth/password.ts';
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

const mode = databaseMode();
let release: () => void = () => {};
// PGlite is single-process; a PostgreSQL server (DATABASE_URL) takes the CLI beside running servers.
if (mode.driver === 'pglite') {
	try {
		release = lockDataDir(mode.dataDir, 'npm run users');
	} catch (error) {
		if (error instanceof DataDirBusyError) fail(error.message);
		throw error;
	}
}
const where = mode.driver === 'pglite' ? mode.dataDir : 'the DATABASE_URL database';
const db = await openDatabase({ ...mode, seed: true }).catch((error) => {
	release();
	fail(`cannot open ${where}: ${error instanceof Error ? error.message : String(error)}`);
});
let code = 0;
try {
	if (command === 'add') {
		const result = await saveAccount(
			db,
			{
				username,
				password,
				role: values.role as 'hq' | 'staff',
				shelterId: values.shelter ?? null
			},
			{ replace: values.replace }
		);
		console.log(`${result.created ? 'added' : 'updated'} ${username} (${values.role})`);
		if (!result.created) console.log(`ended every session of ${username}`);
	} else if (command === 'revoke') {
		if (!(await revokeSessions(db, username))) throw new Error(`no user ${username}`);
		console.log(`ended every session of ${username}`);
	} else if (command === 'shelters') {
		const shelters = await db.asService((tx) =>
			tx.query<{ id: string; name: string }>('select id, name from public.shelters order by id')
		);
		for (const shelter of shelters.rows) console.log(`${shelter.id}\t${shelter.name}`);
	} else {
		for (const account of await listAccounts(db)) {
			console.log([account.username, account.role ?? '-', account.shelter_id ?? '-'].join('\t'));
		}
	}
} catch (error) {
	console.error(`users: ${error instanceof Error ? error.message : String(error)}`);
	code = 1;
} finally {
	await db.close();
	release();
}
process.exit(code);
