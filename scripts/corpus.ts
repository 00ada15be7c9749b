// The corpus CLI's entry point (the CLI itself: corpus-cli.ts). The extractors import the gazetteer
// that scripts/build-gazetteer.ts generates from installed packages; a fresh clone has none, and a
// module that is missing fails before any code runs. So the gazetteer is brought up to date first
// (nothing is rebuilt when it is current), then the CLI is loaded.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

execFileSync(process.execPath, [fileURLToPath(new URL('./build-gazetteer.ts', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
await import('./corpus-cli.ts');
