import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangesReport,
  CohortsReport,
  FunnelReport,
  PipelineReport,
  RepsReport,
  VelocityReport,
} from '@shared/contract';
import { waterfallChart } from '@shared/charts/changes';
import { cohortHeatmap } from '@shared/charts/cohorts';
import type { ChartContext } from '@shared/charts/common';
import { funnelChart } from '@shared/charts/funnel';
import {
  pipelineTrendChart,
  productMixChart,
  sizeBandsChart,
  stageShapeChart,
} from '@shared/charts/pipeline';
import { repHeatmap } from '@shared/charts/reps';
import { renderSvg } from '@shared/charts/svg';
import { cycleTrendChart, stageTimeBoxplot, stalledChart } from '@shared/charts/velocity';
import { openWorkspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';
import type { Registry } from '@backend/registry';
import { loadStages } from '@backend/stages/model';
import { parseAsOf, parseTimestamp } from '@shared/time';
import type { Stage } from '@shared/domain/stages';

/**
 * Every chart builder renders in plain Node to SVG (the deck of 7/7 does exactly this),
 * from real report results of the golden workspace, in both languages: with decal
 * patterns, an aria description for screen readers, and the words of the chart.
 */
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/analytics', name), 'utf8');
let registry: Registry;
let stages: Stage[];
beforeAll(async () => {
  const ws = await openWorkspace(':memory:', { create: true });
  registry = createBackend(ws);
  const files = Object.fromEntries(
    (['deals', 'history', 'stages'] as const).map((k) => [
      k,
      { name: `${k}.csv`, text: fixture(`${k}.csv`) },
    ]),
  );
  const r = await registry.dispatch('import.apply', { files }, 'cli');
  expect(r.ok).toBe(true);
  stages = loadStages(ws);
});

async function report<T>(channel: string, input: object): Promise<T> {
  const r = await registry.dispatch(channel, input, 'cli');
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

const asOf = parseAsOf('2026-03-31')!;

describe('chart builders render to SVG in Node', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`every builder, ${lang}`, async () => {
      const ctx: ChartContext = { lang, stages };
      const funnel = await report<FunnelReport>('report.funnel', { asOf });
      const velocity = await report<VelocityReport>('report.velocity', { asOf, distribution: true });
      const changes = await report<ChangesReport>('report.changes', {
        asOf,
        from: parseTimestamp('2026-02-12')!,
        to: parseTimestamp('2026-03-18')!,
        quarter: '2026Q1',
      });
      const cohorts = await report<CohortsReport>('report.cohorts', { asOf });
      const pipeline = await report<PipelineReport>('report.pipeline', { asOf, trendMonths: 3 });
      const reps = await report<RepsReport>('report.reps', { asOf });
      const charts = {
        funnel: funnelChart(funnel, ctx, { lead: 0.6, demo: 0.4, deal: 0.3 }),
        waterfall: waterfallChart(changes, ctx),
        cohorts: cohortHeatmap(cohorts, ctx),
        box: stageTimeBoxplot(velocity, ctx),
        stalled: stalledChart(velocity, ctx),
        cycle: cycleTrendChart(velocity, ctx),
        trend: pipelineTrendChart(pipeline, ctx),
        shape: stageShapeChart(pipeline, ctx),
        bands: sizeBandsChart(pipeline, ctx),
        products: productMixChart(pipeline, ctx),
        reps: repHeatmap(reps, ctx),
      };
      for (const [name, option] of Object.entries(charts)) {
        const svg = renderSvg(option, 960, 540);
        expect(svg, name).toMatch(/^<svg[^>]*width="960"/);
        // Decal patterns (aria.decal) fill the series, so colour is not the only carrier;
        // heat maps write each cell's value instead.
        if (name !== 'cohorts' && name !== 'reps') expect(svg, name).toContain('<pattern');
        expect(svg.length, name).toBeGreaterThan(1000);
        const aria = option.aria as { enabled: boolean; label: { description: string } };
        expect(aria.enabled, name).toBe(true);
        expect(aria.label.description.length, name).toBeGreaterThan(5);
      }
      // The words are the chart's language: stage names and the waterfall's categories.
      const waterfall = renderSvg(charts.waterfall);
      expect(waterfall).toContain(lang === 'en' ? 'Reopened' : '重新打开');
      expect(waterfall).toContain(lang === 'en' ? 'Removed' : '删除');
      const funnelSvg = renderSvg(charts.funnel);
      expect(funnelSvg).toContain('Lead');
    });
  }
});
