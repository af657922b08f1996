#!/usr/bin/env node
// `npx funnel …` runs the TypeScript CLI directly through tsx: no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
