import { attentionFlags, type AttentionFlag } from '@shared/domain/attention';
import {
  amountCentsAt,
  closeDateAt,
  fieldRows,
  fieldValueAt,
  type HistoryRow,
} from '@shared/domain/field-values';
import type { Stage } from '@shared/domain/stages';
import { stageVisits, type Visit } from '@shared/domain/timeline';
import { DAY_MS, dayOf, dayStart, quarterOf, quarterRange } from '@shared/time';

/**
 * A second, deliberately plain implementation of PRODUCT.md's "Metric definitions", deal
 * by deal over rows (no snapshot, no typed arrays, no cleverness), built on the rule
 * functions in src/shared/domain. The engine must agree with it on any data.
 */
export interface RefDeal {
  id: string;
  createdAt: number;
  stage: string;
  amountCents: number;
  closeDate: string | null;
  forecastCategory: string;
  owner: string;
  team: string;
  nextStep: string;
  lastActivityAt: number | null;
  deletedAt: number | null;
  /** In file order; rows before created_at count as stamped at created_at. */
  history: HistoryRow[];
}

export interface RefQuery {
  asOf: number;
  from?: number;
  to?: number;
  team?: string;
  owner?: string;
}

const clamp = (d: RefDeal): HistoryRow[] =>
  d.history.map((h) => ({ ...h, changedAt: Math.max(h.changedAt, d.createdAt) }));

function timeline(d: RefDeal, t: number): Visit[] {
  return stageVisits(d.createdAt, d.stage, fieldRows(clamp(d), 'stage'), t);
}

const kindOf = (stages: Stage[], key: string) => stages.find((s) => s.key === key)?.kind;
const stageAt = (d: RefDeal, t: number) => timeline(d, t).at(-1)!.stage;
const firstTime = (stages: Stage[], d: RefDeal, t: number, kind: string): number | null =>
  timeline(d, t).find((v) => kindOf(stages, v.stage) === kind)?.enteredAt ?? null;

function inScope(d: RefDeal, q: RefQuery): boolean {
  if (!(d.createdAt < q.asOf)) return false;
  if (q.team !== undefined && d.team !== q.team) return false;
  if (q.owner !== undefined && fieldValueAt(clamp(d), 'owner', q.asOf, d.owner) !== q.owner) return false;
  return true;
}
const live = (d: RefDeal, asOf: number) => !(d.deletedAt !== null && d.deletedAt < asOf);
const inWindow = (x: number | null, q: RefQuery) =>
  x !== null && x >= (q.from ?? -Infinity) && x < (q.to ?? q.asOf);

const opens = (stages: Stage[]) => stages.filter((s) => s.kind === 'open').sort((a, b) => a.order - b.order);

function reached(stages: Stage[], d: RefDeal, t: number, s: Stage): boolean {
  return timeline(d, t).some((v) => {
    const st = stages.find((x) => x.key === v.stage);
    return st?.kind === 'won' || (st?.kind === 'open' && st.order >= s.order);
  });
}

const amountAt = (d: RefDeal, t: number) => amountCentsAt(clamp(d), t, d.amountCents);

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}
function quantile(xs: number[], q: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const p = q * (s.length - 1);
  const lo = Math.floor(p);
  return lo === p ? s[lo]! : s[lo]! + (s[lo + 1]! - s[lo]!) * (p - lo);
}
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function refFunnel(stages: Stage[], deals: RefDeal[], q: RefQuery) {
  const cohort = deals.filter(
    (d) =>
      inScope(d, q) &&
      live(d, q.asOf) &&
      d.createdAt >= (q.from ?? -Infinity) &&
      d.createdAt < (q.to ?? q.asOf),
  );
  const kinds = cohort.map((d) => kindOf(stages, stageAt(d, q.asOf)));
  const won = kinds.filter((k) => k === 'won').length;
  const lost = kinds.filter((k) => k === 'lost').length;
  const open = opens(stages);
  const reachedOf = open.map((s) => cohort.filter((d) => reached(stages, d, q.asOf, s)));
  return {
    stages: open.map((s, i) => ({
      key: s.key,
      reached: reachedOf[i]!.length,
      reachedAmount: reachedOf[i]!.reduce((n, d) => n + amountAt(d, q.asOf), 0) / 100,
      conversionToNext:
        i + 1 < open.length
          ? ratio(reachedOf[i + 1]!.length, reachedOf[i]!.length)
          : ratio(won, reachedOf[i]!.length),
    })),
    deals: cohort.length,
    open: kinds.filter((k) => k === 'open').length,
    won,
    lost,
    winRate: ratio(won, won + lost),
  };
}

export function refVelocity(stages: Stage[], deals: RefDeal[], q: RefQuery) {
  const seen = deals.filter((d) => inScope(d, q) && live(d, q.asOf));
  const stagesOut = opens(stages).map((s) => {
    const durations: number[] = [];
    const ages: number[] = [];
    for (const d of seen) {
      const visits = timeline(d, q.asOf);
      visits.forEach((v, i) => {
        if (v.stage !== s.key) return;
        const exit = i + 1 < visits.length ? visits[i + 1]!.enteredAt : null;
        if (exit !== null && inWindow(exit, q)) durations.push((exit - v.enteredAt) / DAY_MS);
        if (exit === null) ages.push((q.asOf - v.enteredAt) / DAY_MS);
      });
    }
    const p75Days = quantile(durations, 0.75);
    const limit = s.dwellLimitDays ?? p75Days;
    return {
      key: s.key,
      count: durations.length,
      meanDays: mean(durations),
      medianDays: quantile(durations, 0.5),
      p75Days,
      openCount: ages.length,
      stalled: limit === null ? null : ages.filter((a) => a > limit).length,
      // The views' box plot: min, quartiles and max of the same durations.
      box: durations.length ? [0, 0.25, 0.5, 0.75, 1].map((x) => quantile(durations, x)!) : null,
    };
  });
  const wonIn = seen.filter((d) => inWindow(firstTime(stages, d, q.asOf, 'won'), q));
  const closedIn = seen.filter(
    (d) =>
      inWindow(firstTime(stages, d, q.asOf, 'won'), q) || inWindow(firstTime(stages, d, q.asOf, 'lost'), q),
  );
  const cycles = wonIn.map((d) => (firstTime(stages, d, q.asOf, 'won')! - d.createdAt) / DAY_MS);
  const salesCycle = { count: cycles.length, meanDays: mean(cycles), medianDays: quantile(cycles, 0.5) };
  const winRate = ratio(wonIn.length, closedIn.length);
  const openDeals = stagesOut.reduce((n, s) => n + s.openCount, 0);
  const meanWon = mean(wonIn.map((d) => amountAt(d, q.asOf) / 100));
  const velocityPerDay =
    meanWon === null || winRate === null || !salesCycle.meanDays
      ? null
      : (openDeals * meanWon * winRate) / salesCycle.meanDays;
  // The views' cycle trend: the cycles grouped by the UTC month of their won time.
  const byMonth = new Map<string, number[]>();
  wonIn.forEach((d, i) => {
    const month = new Date(firstTime(stages, d, q.asOf, 'won')!).toISOString().slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), cycles[i]!]);
  });
  const cycleByMonth = [...byMonth.keys()].sort().map((month) => ({
    month,
    count: byMonth.get(month)!.length,
    medianDays: quantile(byMonth.get(month)!, 0.5),
  }));
  return { stages: stagesOut, salesCycle, winRate, velocityPerDay, cycleByMonth };
}

export function refChanges(
  stages: Stage[],
  deals: RefDeal[],
  q: RefQuery & { from: number; to: number; quarter?: string; periodStart?: number; periodEnd?: number },
) {
  let pStart: number;
  let pEnd: number;
  if (q.periodStart !== undefined && q.periodEnd !== undefined) [pStart, pEnd] = [q.periodStart, q.periodEnd];
  else {
    const r = quarterRange(q.quarter ?? quarterOf(dayOf(q.to - 1)))!;
    [pStart, pEnd] = [dayStart(r.start), dayStart(r.end)];
  }
  const state = (d: RefDeal, t0: number) => {
    const t = Math.min(t0, q.asOf);
    const exists = d.createdAt < t;
    const deleted = d.deletedAt !== null && d.deletedAt < t;
    const kind = exists ? kindOf(stages, stageAt(d, t)) : undefined;
    const close = closeDateAt(clamp(d), t, d.closeDate);
    const inP = close !== null && dayStart(close) >= pStart && dayStart(close) < pEnd;
    return {
      exists,
      deleted,
      kind,
      inP,
      amount: amountAt(d, t),
      inPipeline: exists && !deleted && kind === 'open' && inP,
    };
  };
  const out: { id: string; category: string; delta: number }[] = [];
  let start = 0;
  let end = 0;
  for (const d of deals.filter((x) => inScope(x, q))) {
    const s0 = state(d, q.from);
    const s1 = state(d, q.to);
    if (!s0.inPipeline && !s1.inPipeline) continue;
    if (s0.inPipeline) start += s0.amount;
    if (s1.inPipeline) end += s1.amount;
    let category: string;
    let delta: number;
    if (s0.inPipeline) {
      if (s1.deleted) [category, delta] = ['removed', -s0.amount];
      else if (s1.kind === 'won') [category, delta] = ['won', -s0.amount];
      else if (s1.kind === 'lost') [category, delta] = ['lost', -s0.amount];
      else if (s1.kind === 'open' && !s1.inP) [category, delta] = ['slipped', -s0.amount];
      else {
        delta = s1.amount - s0.amount;
        category = delta > 0 ? 'increased' : delta < 0 ? 'decreased' : 'unchanged';
      }
    } else {
      delta = s1.amount;
      category = !s0.exists ? 'new' : s0.kind === 'won' || s0.kind === 'lost' ? 'reopened' : 'pulledIn';
    }
    out.push({ id: d.id, category, delta: delta / 100 });
  }
  return { start: start / 100, end: end / 100, deals: out, periodStart: pStart, periodEnd: pEnd };
}

export function refCohorts(stages: Stage[], deals: RefDeal[], q: RefQuery) {
  const cohort = deals.filter(
    (d) =>
      inScope(d, q) &&
      live(d, q.asOf) &&
      d.createdAt >= (q.from ?? -Infinity) &&
      d.createdAt < (q.to ?? q.asOf),
  );
  const month = (t: number) => new Date(t).toISOString().slice(0, 7);
  const months = [...new Set(cohort.map((d) => month(d.createdAt)))].sort();
  const asOfDate = new Date(q.asOf - 1);
  return months.map((m) => {
    const members = cohort.filter((d) => month(d.createdAt) === m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    const span = (asOfDate.getUTCFullYear() - y) * 12 + asOfDate.getUTCMonth() - (mo - 1);
    const wonShare: number[] = [];
    for (let k = 0; k <= span; k++) {
      const bound = Date.UTC(y, mo - 1 + k + 1, 1);
      wonShare.push(
        members.filter((d) => {
          const w = firstTime(stages, d, q.asOf, 'won');
          return w !== null && w < bound;
        }).length / members.length,
      );
    }
    return {
      month: m,
      size: members.length,
      wonShare,
      reachedShare: Object.fromEntries(
        opens(stages).map((s) => [
          s.key,
          members.filter((d) => reached(stages, d, q.asOf, s)).length / members.length,
        ]),
      ),
    };
  });
}

export function refAttention(stages: Stage[], deals: RefDeal[], q: RefQuery) {
  const rows: {
    id: string;
    stage: string;
    daysInStage: number;
    pushCount: number;
    flags: AttentionFlag[];
  }[] = [];
  for (const d of deals.filter((x) => inScope(x, q))) {
    const verdict = attentionFlags(
      {
        createdAt: d.createdAt,
        stage: d.stage,
        amountCents: d.amountCents,
        closeDate: d.closeDate,
        forecastCategory: d.forecastCategory,
        owner: d.owner,
        nextStep: d.nextStep,
        lastActivityAt: d.lastActivityAt,
        deletedAt: d.deletedAt,
      },
      clamp(d),
      stages,
      q.asOf,
    );
    if (verdict && verdict.flags.length) rows.push({ id: d.id, ...verdict });
  }
  return rows;
}

export interface RefTag {
  dealId: string;
  mentor: string;
  sharePct: number;
}

/** PRODUCT.md "Mentors": the closed deals of the window split by tag, and per mentor its closed deals. */
export function refMentors(stages: Stage[], deals: RefDeal[], tags: RefTag[], q: RefQuery) {
  const seen = deals.filter((d) => inScope(d, q) && live(d, q.asOf));
  const wonIn = (d: RefDeal) => inWindow(firstTime(stages, d, q.asOf, 'won'), q);
  const closed = seen.filter((d) => wonIn(d) || inWindow(firstTime(stages, d, q.asOf, 'lost'), q));
  const tagsOf = (d: RefDeal) => tags.filter((t) => t.dealId === d.id);
  const group = (ds: RefDeal[]) => {
    const won = ds.filter(wonIn);
    return {
      closed: ds.length,
      won: won.length,
      winRate: ratio(won.length, ds.length),
      meanCycleDays: mean(won.map((d) => (firstTime(stages, d, q.asOf, 'won')! - d.createdAt) / DAY_MS)),
    };
  };
  const mentors = [...new Set(closed.flatMap((d) => tagsOf(d).map((t) => t.mentor)))].map((mentor) => {
    const own = closed.filter((d) => tagsOf(d).some((t) => t.mentor === mentor));
    const won = own.filter(wonIn);
    const share = won.reduce(
      (n, d) => n + (amountAt(d, q.asOf) * tagsOf(d).find((t) => t.mentor === mentor)!.sharePct) / 100,
      0,
    );
    return {
      mentor,
      deals: own.length,
      won: won.length,
      wonAmount: won.reduce((n, d) => n + amountAt(d, q.asOf), 0) / 100,
      shareAmount: Math.round(share) / 100,
    };
  });
  return {
    mentored: group(closed.filter((d) => tagsOf(d).length > 0)),
    unmentored: group(closed.filter((d) => tagsOf(d).length === 0)),
    mentors: mentors.sort((a, b) => a.mentor.localeCompare(b.mentor)),
  };
}

export interface RefQuota {
  quarter: string;
  team: string;
  owner: string;
  amountCents: number;
}

/** PRODUCT.md "Forecast": the quarter's exact figures, h(s), the quota of exactly the scope, and gapPlan. */
export function refForecast(
  stages: Stage[],
  deals: RefDeal[],
  quotas: RefQuota[],
  q: RefQuery & { quarter?: string },
) {
  const quarter = q.quarter ?? quarterOf(dayOf(q.asOf - 1));
  const { start, end } = quarterRange(quarter)!;
  const [qs, qe] = [dayStart(start), dayStart(end)];
  const seen = deals.filter((d) => inScope(d, q) && live(d, q.asOf));
  const kindAt = (d: RefDeal) => kindOf(stages, stageAt(d, q.asOf));
  const wonTime = (d: RefDeal) => firstTime(stages, d, q.asOf, 'won');
  const lostTime = (d: RefDeal) => firstTime(stages, d, q.asOf, 'lost');
  const won = seen.filter((d) => kindAt(d) === 'won' && wonTime(d)! >= qs && wonTime(d)! < qe);
  const open = seen.filter((d) => {
    if (kindAt(d) !== 'open') return false;
    const close = closeDateAt(clamp(d), q.asOf, d.closeDate);
    return close !== null && close >= start && close < end;
  });
  const sum = (ds: RefDeal[], f: (d: RefDeal) => number = () => 1) =>
    ds.reduce((n, d) => n + amountAt(d, q.asOf) * f(d), 0);
  const probability = (d: RefDeal) => stages.find((s) => s.key === stageAt(d, q.asOf))!.probability;
  const year = q.asOf - 365 * DAY_MS;
  const inYear = (t: number | null) => t !== null && t >= year && t < q.asOf;
  const closedInYear = seen.filter((d) => inYear(wonTime(d)) || inYear(lostTime(d)));
  const h = new Map(
    opens(stages).map((s) => {
      const reachedS = closedInYear.filter((d) => reached(stages, d, q.asOf, s));
      const wonS = reachedS.filter((d) => inYear(wonTime(d)));
      return [s.key, reachedS.length < 20 ? s.probability : wonS.length / reachedS.length];
    }),
  );
  const hOf = (d: RefDeal) => h.get(stageAt(d, q.asOf))!;
  const category = (c: string) => open.filter((d) => d.forecastCategory === c);
  const wonCents = sum(won);
  const rows = quotas.filter(
    (r) =>
      r.quarter === quarter &&
      (q.owner !== undefined
        ? r.owner === q.owner && (q.team === undefined || r.team === q.team)
        : q.team !== undefined
          ? r.team === q.team && r.owner === ''
          : r.team === '' && r.owner === ''),
  );
  const quota = rows.length ? rows.reduce((n, r) => n + r.amountCents, 0) : null;
  const gap = quota === null ? null : quota - wonCents;
  const wonYear = seen.filter((d) => inYear(wonTime(d)));
  const m = wonYear.length ? sum(wonYear) / wonYear.length : null;
  return {
    quarter,
    weighted: sum(open, probability) / 100,
    commit: (wonCents + sum(category('commit'))) / 100,
    bestCase: (wonCents + sum(category('commit')) + sum(category('best_case'))) / 100,
    pipeline: (wonCents + sum(open)) / 100,
    historical: (wonCents + sum(open, hOf)) / 100,
    quota: quota === null ? null : quota / 100,
    coverage: gap === null || gap <= 0 ? null : sum(open) / gap,
    gapPlan:
      gap === null || gap <= 0
        ? []
        : opens(stages).map((s) => {
            const hs = h.get(s.key)!;
            return {
              stage: s.key,
              deals: m === null || m === 0 || hs === 0 ? null : gap / m / hs,
              amount: hs === 0 ? null : gap / hs / 100,
            };
          }),
  };
}
