#!/usr/bin/env node
// `npx funnel …` runs the TypeScript CLI directly through tsx: no build step to remember.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig carries the path aliases (@shared/…) the sources import by.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
