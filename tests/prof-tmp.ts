import { openWorkspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { rmSync } from 'node:fs';
for (let r = 0; r < 3; r++) {
  for (const s of ['', '-wal', '-shm']) rmSync('/tmp/prof.db' + s, { force: true });
  const ws = await openWorkspace('/tmp/prof.db', { create: true });
  const t = performance.now();
  generateDemo(ws, { deals: 20000, seed: 7, today: '2026-11-20' });
  console.log('new', performance.now() - t);
  await ws.close();
}
