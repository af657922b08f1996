import type { Workspace } from '@backend/db/connection';
import { buildSnapshot } from '@backend/analytics/load';
import { forecastReport } from '@backend/analytics/forecast';
import { simulateQuarter } from '@backend/forecast/simulate';
import { workspaceNow } from '@backend/workspace/settings';

const log = (m: string) => process.stderr.write(`${m}\n`);

/** Median of a few timed calls after one warm-up. */
function timed<T>(f: () => T, times = 5): { ms: number; value: T } {
  let value = f();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    value = f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(times / 2)]!, value };
}

/** Forecasts on the big workspace: the exact report, and the range by 10,000 simulation runs (target ≤ 200 ms). */
export function forecastBench(ws: Workspace) {
  log('forecast: report and 10,000-run simulation…');
  const s = buildSnapshot(ws, 1);
  const now = workspaceNow(ws);
  const report = timed(() => forecastReport(s, {}, now, []));
  const simulation = timed(() => simulateQuarter(s, {}, now, { runs: 10_000 }));
  return {
    report: { ms: report.ms, openDeals: report.value.openDeals },
    simulation: {
      runs: 10_000,
      openDeals: simulation.value.openDeals,
      ms: simulation.ms,
      p10: simulation.value.p10,
      p50: simulation.value.p50,
      p90: simulation.value.p90,
      target: 200,
      met: simulation.ms <= 200,
    },
    met: simulation.ms <= 200,
  };
}
