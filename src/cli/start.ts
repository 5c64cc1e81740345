/**
 * The CLI's entry (`dist/cli.js`, the `client-pulse` bin): so small that `client-pulse --version`
 * answers without reading the rest. Every other command first starts the git runs its arguments
 * say it will need (`early.ts`: git walks history while Node loads the rest), then loads the CLI
 * itself (`main.ts`, bundled as `dist/cli-main.js` by esbuild.js) and runs it.
 */
import type { main } from './main';
import { version } from '../../package.json';
import { startGitEarly } from './early';
import * as nodeModule from 'node:module';

/**
 * CommonJS `require`, declared here so the CLI's bundle is loaded synchronously (a dynamic
 * `import()` would go through Node's ES module loader); esbuild.js points `./main` at
 * `dist/cli-main.js`.
 */
declare const require: (id: './main') => { main: typeof main };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  startGitEarly(argv);
  // Node 22.1 and later keep V8's compiled code of the CLI bundle in the temp folder's
  // node-compile-cache, so later runs skip most of its compilation (NODE_DISABLE_COMPILE_CACHE=1
  // turns it off); older Node has no such call and compiles as before.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  require('./main').main(argv);
}
