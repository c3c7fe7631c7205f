/**
 * `node scripts/require-node.mjs <script.ts> [args…]`: runs the script when this Node is recent enough for
 * package.json's `engines`, else says in one line which version is needed. Plain JavaScript on purpose: it must run
 * on the old Node it turns away, which cannot even load a .ts file.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { pathToFileURL } from 'url';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = /(\d+)\.(\d+)/.exec(engines.node).slice(1).map(Number);
const running = process.versions.node.split('.').map(Number);

if (running[0] < needed[0] || (running[0] === needed[0] && running[1] < needed[1])) {
  console.error(
    `Helploop needs Node.js ${needed.join('.')} or newer (this is ${process.versions.node}): see “Quick start” in README.md.`,
  );
  process.exit(1);
}
// The script reads its own arguments from process.argv, as if it had been run directly.
const script = process.argv.splice(2, 1)[0];
process.argv[1] = resolve(script);
await import(pathToFileURL(process.argv[1]).href);
