import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The test run StrykerJS uses (stryker.config.json): the unit tests of what it mutates
 * (the deal rules, the CSV codec, the pipeline queries, the analytics reports, the review's agenda,
 * the spreadsheet and export value rules), in Node. The `ui` and `e2e`
 * projects need jsdom or a built app and a browser, and the CLI tests spawn processes that
 * never see the active mutant; none belong in a sandbox where every mutant re-runs the
 * tests that cover it. (Stryker's `vitest.dir` does not narrow the projects of
 * vitest.config.ts, hence a config of its own; the aliases come from the main one.)
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    name: 'unit',
    environment: 'node',
    include: [
      'tests/unit/domain/**/*.test.ts',
      'tests/unit/shared/**/*.test.ts',
      'tests/unit/csv/**/*.test.ts',
      'tests/unit/pipeline/**/*.test.ts',
      'tests/unit/analytics/**/*.test.ts',
      'tests/unit/review/agenda.test.ts',
      'tests/unit/imports/{xlsx-reader,import-rules-edges,column-mapping}.test.ts',
    ],
    testTimeout: 30_000,
  },
});
