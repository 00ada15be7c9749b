// Checks that this Node.js can run the project's TypeScript scripts (Node ≥ 22.12 strips types by
// itself), so an older one gets a sentence naming what to install instead of a stack trace about a
// ".ts" extension. Plain JavaScript on purpose: an older Node must be able to read it.
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node; // ">=22.12"
const [major, minor] = wanted.replace(/^>=\s*/, '').split('.').map(Number);
const [haveMajor, haveMinor] = process.versions.node.split('.').map(Number);
if (haveMajor < major || (haveMajor === major && haveMinor < (minor || 0))) {
	console.error(`This project needs Node.js ${wanted}; this is ${process.versions.node}. Install a newer one (npm install -g node@22) and run the command again.`);
	process.exit(1);
}
