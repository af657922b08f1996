import { compactMoney } from '@shared/charts/text';
import type {
  WorkbackBenchmark,
  WorkbackFinding,
  WorkbackNewDeals,
  WorkbackStage,
} from '@shared/contract/forecast-workback';
import { stageLabel, type Stage } from '@shared/domain/stages';
import { formatMessage, msg, type MessageRef } from '@shared/messages';
import { DAY_MS } from '@shared/time';
import { lowConversionGap } from './conversion';
import { RECENT_WEEKS } from './new-deals';
import type { Period } from './period';

/** What the diagnosis reads of one row. */
export interface RowFigures {
  period: Period;
  asOf: number;
  /** The open stages by ascending order and the won stage (the last open stage converts to it). */
  open: readonly Stage[];
  won: Stage | undefined;
  target: number | null;
  wonAmount: number;
  gap: number | null;
  expected: number;
  stages: readonly WorkbackStage[];
  newDeals: WorkbackNewDeals;
  benchmark: WorkbackBenchmark;
}

const LANGUAGES = [
  ['en', 'en'],
  ['zh', 'zh-CN'],
] as const;
type Language = (typeof LANGUAGES)[number][1];

/** A sentence whose parameters depend on the language (stage names, amounts), in both. */
function words(ref: (lang: Language) => MessageRef): { en: string; zh: string } {
  const out = { en: '', zh: '' };
  for (const [key, lang] of LANGUAGES) out[key] = formatMessage(ref(lang), lang);
  return out;
}

const money = (value: number, lang: Language) => compactMoney(value, lang);
/** Deals a week: one decimal below 10 (0.4 a week is not 0), whole above. */
const weekly = (x: number) => (x >= 10 ? String(Math.round(x)) : x.toFixed(1));
const pct = (x: number) => Math.round(x * 100);

const BENCHMARK_WORDS = {
  settings: msg('workback_benchmark_settings'),
  organisation: msg('workback_benchmark_organisation'),
  team: msg('workback_benchmark_team'),
} satisfies Record<WorkbackBenchmark, MessageRef>;

/**
 * The diagnosis of one row, most important first: whether there is a target and whether
 * it is covered (by what is won, or by what the open pipeline is expected to win); else
 * whether new deals can still close it in time and whether the scope creates them fast
 * enough (too few → 客户识别/线索); then each stage converting well below its benchmark,
 * the largest gap first (→ coach at that stage). Weak stages are named even when the target
 * is covered: they are coaching points whatever this period's number.
 */
export function diagnose(f: RowFigures): WorkbackFinding[] {
  const findings: WorkbackFinding[] = [];
  const { newDeals: n } = f;
  if (f.target === null) {
    findings.push({
      code: 'needs_target',
      stage: null,
      figures: {},
      words: words(() => msg('workback_needs_target', { period: f.period.label })),
    });
  } else if (f.gap !== null && f.gap <= 0) {
    findings.push({
      code: 'covered',
      stage: null,
      figures: { won: f.wonAmount, target: f.target },
      words: words((lang) =>
        msg('workback_covered_won', { won: money(f.wonAmount, lang), target: money(f.target!, lang) }),
      ),
    });
  } else if (n.uncovered === 0) {
    findings.push({
      code: 'covered',
      stage: null,
      figures: { expected: f.expected, gap: f.gap },
      words: words((lang) =>
        msg('workback_covered_pipeline', {
          end: lastDay(f.period),
          expected: money(f.expected, lang),
          gap: money(f.gap!, lang),
        }),
      ),
    });
  } else if (n.meanWon === null) {
    findings.push({
      code: 'no_won_history',
      stage: null,
      figures: { uncovered: n.uncovered },
      words: words(() => msg('workback_no_won_history')),
    });
  } else if (n.creationWeeks === 0 && n.uncovered !== null) {
    const left = Math.max(0, (f.period.endMs - Math.max(f.asOf, f.period.startMs)) / DAY_MS);
    findings.push({
      code: 'too_late_for_new_deals',
      stage: null,
      figures: { uncovered: n.uncovered, cycleDays: n.cycleDays, daysLeft: left },
      words: words((lang) =>
        msg('workback_too_late', {
          cycle: Math.round(n.cycleDays ?? 0),
          left: Math.round(left),
          uncovered: money(n.uncovered!, lang),
        }),
      ),
    });
  } else if (n.perWeek !== null) {
    const short = n.perWeek > n.recentPerWeek;
    const params = {
      need: weekly(n.perWeek),
      have: weekly(n.recentPerWeek),
      until: n.lastCreationDay ?? lastDay(f.period),
      weeks: RECENT_WEEKS,
    };
    findings.push({
      code: short ? 'too_few_new_deals' : 'new_deals_on_pace',
      stage: null,
      figures: { perWeek: n.perWeek, recentPerWeek: n.recentPerWeek, lastCreationDay: n.lastCreationDay },
      words: words(() => msg(short ? 'workback_too_few_new_deals' : 'workback_new_deals_on_pace', params)),
    });
  }
  findings.push(...weakStages(f));
  return findings;
}

/** Each stage whose conversion is low against its benchmark (conversion.ts), largest gap first. */
function weakStages(f: RowFigures): WorkbackFinding[] {
  return f.stages
    .map((st, r) => ({ st, r, gap: lowConversionGap(st.conversion, st.reached, st.benchmark) }))
    .filter((x): x is typeof x & { gap: number } => x.gap !== null)
    .sort((a, b) => b.gap - a.gap || a.r - b.r)
    .map(({ st, r }) => {
      const stage = f.open[r]!;
      const next = f.open[r + 1] ?? f.won;
      return {
        code: 'low_conversion' as const,
        stage: st.stage,
        figures: { conversion: st.conversion, benchmark: st.benchmark, reached: st.reached },
        words: words((lang) =>
          msg('workback_low_conversion', {
            stage: stageLabel(stage, lang),
            next: next ? stageLabel(next, lang) : '',
            rate: pct(st.conversion!),
            benchmark: BENCHMARK_WORDS[f.benchmark],
            bench: pct(st.benchmark!),
            reached: st.reached,
          }),
        ),
      };
    });
}

/** The period's last day, `YYYY-MM-DD`. */
const lastDay = (p: Period) => new Date(p.endMs - DAY_MS).toISOString().slice(0, 10);
