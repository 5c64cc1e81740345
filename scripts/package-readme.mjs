// The README as the packaged extension shows it: without the screenshots, which stay in the
// repository (they are 850 KB, and the installed extension's details page does not show relative
// images). Once the project has a public home they become absolute links instead.
// Writes dist/README.md; `npm run package` hands it to vsce (--readme-path).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const text = readFileSync('README.md', 'utf8');
const out = text
  .split('\n')
  .filter((line) => !/^!\[[^\]]*\]\[shot-[^\]]+\]\s*$/.test(line) && !/^\[shot-[^\]]+\]:/.test(line) && !/^The screenshots are taken by/.test(line))
  .join('\n')
  .replace(/\n{3,}/g, '\n\n');
mkdirSync('dist', { recursive: true });
writeFileSync('dist/README.md', out);
