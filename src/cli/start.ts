/**
 * The CLI's entry (`dist/cli.js`, the `client-pulse` bin): so small that `client-pulse --version`
 * answers without reading the rest. Every other command first starts the git runs its arguments
 * say it will need (`early.ts`: git walks history while Node loads the rest), then loads the CLI
 * itself (`main.ts`, bundled as `dist/cli-main.js` by esbuild.js) and runs it.
 */
import type { main } from './main';
import { version } from '../../package.json';
import { startGitEarly } from './early';
import { requireWithCodeCache } from './codeCache';
import * as path from 'node:path';

type CliMain = { main: typeof main };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  startGitEarly(argv);
  // The CLI's bundle, loaded synchronously (a dynamic `import()` would go through Node's ES module
  // loader), with V8's compiled code of earlier runs (codeCache.ts).
  const helpOnly = argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === 'help');
  const cli = requireWithCodeCache(path.join(__dirname, 'cli-main.js'), version, { save: !helpOnly }) as CliMain;
  cli.main(argv);
}
