import { DEFAULT_STAGES, openStages, type ForecastCategory } from '@shared/domain/stages';
import { formatAmount } from '@shared/money';
import { DAY_MS } from '@shared/time';
import type { DealValues, HistoryValues } from '../deals/writer';
import { pickAccount, type DemoAccount } from './accounts';
import type { DemoCalendar } from './calendar';
import { forecastCategoryFor, promisedCloseDay, slippedCloseDay } from './forecast-habits';
import { HistoryBuffer } from './history-buffer';
import { DEMO_TEAMS, OPEN_STAGE_COUNT } from './people';
import {
  DEMO_PRODUCTS,
  LIGHTHOUSE,
  PRODUCT_WEIGHTS,
  drawAmountYuan,
  drawTier,
  roundAmountCents,
} from './products';
import type { Rng } from './random';
import type { TeamRoster } from './team-roster';
import { FOLLOW_ON_SUFFIXES, lostReason, nextStep } from './wording';

const OPEN = openStages(DEFAULT_STAGES);
const STAGE_KEY = [...OPEN.map((s) => s.key), 'won', 'lost'];
const DWELL_LIMIT = OPEN.map((s) => s.dwellLimitDays ?? 14);
const WON = OPEN_STAGE_COUNT;
const LOST = OPEN_STAGE_COUNT + 1;
if (OPEN.length !== OPEN_STAGE_COUNT || !DEFAULT_STAGES.some((s) => s.key === 'won' && s.kind === 'won')) {
  throw new Error('the demo story is written for the five open stages of DEFAULT_STAGES plus won and lost');
}

/**
 * Odds at the end of a visit to each open stage before rep, team and deal multipliers:
 * move on, fall back a stage, or (the rest) lose. Tuned so about a quarter of closed
 * deals are won, as in a healthy B2B book.
 */
const ADVANCE = [0.6, 0.64, 0.6, 0.72, 0.9];
const REGRESS = [0, 0.03, 0.07, 0.06, 0.03];
/** Share of deals entering the CRM at each open stage (inbound RFQs skip the early ones). */
const INITIAL_STAGE = [0.72, 0.18, 0.08, 0.02, 0];
/** A typical visit lasts this share of its dwell limit; σ = 0.65 puts about 40 % past the limit. */
const DWELL_MEDIAN_SHARE = 0.85;
const DWELL_SIGMA = 0.65;
const SKIP_CHANCE = 0.06;
const REOPEN_CHANCE = 0.03;
const HANDOVER_CHANCE = 0.01;
const SLIP_CHANCE = 0.75;
const DELETE_CHANCE = 0.0025;
const NO_ACTIVITY_CHANCE = 0.07;
const MAX_VISITS = 40;
/** Of the cold visits in the early stages, the share that is forgotten for months. */
const ZOMBIE_SHARE = 0.15;
/** A senior mentor (师徒制) lifts a junior's odds and pace: what the mentors report should show. */
const MENTOR_ADVANCE = 1.35;
const MENTOR_LOSS = 0.7;
const MENTOR_DWELL = 0.8;
const LIGHTHOUSE_DWELL = 1.6;
const LIGHTHOUSE_ADVANCE = 0.85;
const LIGHTHOUSE_STALL = 1.5;
/** A visit that went cold rarely ends in a step forward. */
const COLD_ADVANCE = 0.45;
/**
 * How recently a live deal was touched, relative to the owner's habit, per open stage: the
 * follow-up cadence tightens towards the contract (DEFAULT_STAGES' followupDays 7, 7, 3, 3, 1).
 */
const TOUCH_PACE = [1, 1, 0.5, 0.5, 0.2];
/** Log-space spread of the time since the last touch: one rep's deals range over about ×0.4 … ×2.7. */
const TOUCH_SIGMA = 0.5;
/** A cold visit is touched this many times less often, and this many times more often has no next step. */
const COLD_TOUCH_GAP = 2.5;
const COLD_BLANK_NEXT_STEP = 2.5;

export interface MentorTag {
  mentor: string;
  sharePct: number;
  createdAt: number;
}

/**
 * One deal's life, from its creation to the end of `today`: a walk through the buying
 * stages whose pace and odds come from the owner, the team, the deal's size and whether a
 * mentor joined. Every field change becomes a history row; the deal's columns are then
 * read back from the last row of each field, so columns and history can never disagree.
 *
 * One instance is reused for every deal (its buffers and output objects too): the writer
 * consumes `deal` and `history` before the next `tell`.
 */
export class DealStory {
  readonly deal: DealValues = {
    id: '',
    name: '',
    account: '',
    owner: '',
    team: '',
    amountCents: 0,
    currency: 'CNY',
    stage: '',
    createdAt: 0,
    closeDate: null,
    forecastCategory: 'pipeline',
    lostReason: '',
    product: '',
    nextStep: '',
    updatedAt: 0,
    lastActivityAt: null,
    deletedAt: null,
  };
  /** The deal's history in time order, after `tell`. */
  history: readonly HistoryValues[] = [];
  readonly mentors: MentorTag[] = [];
  /** The won instant (ms), or −1; with the amount and owner (roster index) at that instant. */
  wonAt = -1;
  wonCents = 0;
  wonOwner = -1;

  private readonly rows = new HistoryBuffer();

  // The deal's state while its story is told.
  private owner = 0;
  private team = 0;
  private stage = 0;
  private amount = 0;
  private closeDay = 0;
  private forecast: ForecastCategory = 'pipeline';
  private lighthouse = false;
  private mentored = false;
  /** The strongest mentoring among the deal's mentors (DemoRep.mentoring). */
  private mentoring = 0;
  private dwellFactor = 1;
  private advanceFactor = 1;
  private lossFactor = 1;
  private stageEnteredAt = 0;
  private cold = false;
  private reason = '';

  constructor(
    private readonly calendar: DemoCalendar,
    private readonly roster: TeamRoster,
    private readonly accounts: readonly DemoAccount[],
    private readonly rng: Rng,
  ) {}

  tell(id: string, createdAt: number): void {
    const { rng, calendar, roster } = this;
    this.rows.reset();
    this.mentors.length = 0;
    this.wonAt = -1;
    this.reason = '';
    this.cold = false;

    const account = pickAccount(this.accounts, rng);
    this.team = account.team;
    let owner = roster.pick(this.team, createdAt, rng);
    if (owner < 0) owner = roster.pick(0, createdAt, rng); // every team has seniors; defensive only
    this.owner = owner;
    const rep = roster.reps[owner]!;
    const team = DEMO_TEAMS[this.team]!;
    const product = DEMO_PRODUCTS[rng.weighted(PRODUCT_WEIGHTS)]!;
    const tier = drawTier(rng);
    this.lighthouse = tier === LIGHTHOUSE;
    this.amount = roundAmountCents(
      drawAmountYuan(tier, product, account.size * team.size * rep.size, rng),
      rng,
    );

    // Juniors' bigger deals, and the largest of the others', get a senior mentor (师徒制)
    // who shares the win.
    this.mentored = false;
    this.mentoring = 0;
    const mentorChance =
      rep.seniority === 'junior' ? (tier >= 1 ? 0.45 : 0.12) : rep.seniority === 'mid' && tier >= 2 ? 0.3 : 0;
    if (rng.chance(mentorChance)) {
      this.addMentor(this.team, createdAt, owner);
      this.mentored = this.mentors.length > 0;
      if (this.mentored && this.lighthouse && rng.chance(0.3))
        this.addMentor(rng.int(DEMO_TEAMS.length), createdAt, owner);
    }

    // Lighthouse deals move slowly and are harder to win; a mentor makes any deal faster and likelier.
    const m = this.mentoring;
    this.dwellFactor = (this.lighthouse ? LIGHTHOUSE_DWELL : 1) * MENTOR_DWELL ** m;
    this.advanceFactor = (this.lighthouse ? LIGHTHOUSE_ADVANCE : 1) * MENTOR_ADVANCE ** m;
    this.lossFactor = MENTOR_LOSS ** m;

    this.stage = rng.weighted(INITIAL_STAGE);
    this.stageEnteredAt = createdAt;
    this.closeDay = this.expectedCloseDay(createdAt, this.stage);
    this.forecast = forecastCategoryFor(this.stage, rep.optimism, rng);
    // Initial values at created_at, as a CRM connector writes them: without them a report
    // would back-date each field's first change to the deal's creation.
    this.rows.add('stage', STAGE_KEY[this.stage]!, createdAt);
    this.rows.add('amount', formatAmount(this.amount), createdAt);
    this.rows.add('close_date', calendar.dayText(this.closeDay), createdAt);
    this.rows.add('forecast_category', this.forecast, createdAt);
    this.rows.add('owner', rep.name, createdAt);

    this.live(createdAt);
    this.finish(id, account, product.name, createdAt);
  }

  /** The visits, from creation until the deal closes for good or today ends. */
  private live(createdAt: number): void {
    const { rng, calendar } = this;
    const horizon = calendar.horizonMs;
    let t = createdAt;
    let reopened = false;
    for (let visit = 0; visit < MAX_VISITS; visit++) {
      const s = this.stage;
      const rep = this.roster.reps[this.owner]!;
      const team = DEMO_TEAMS[this.team]!;
      const limit = DWELL_LIMIT[s]!;
      const dwellMedian = limit * DWELL_MEDIAN_SHARE * team.dwell * rep.dwell[s]! * this.dwellFactor;
      let days = Math.max(0.04, rng.logNormal(dwellMedian, DWELL_SIGMA));
      // Some visits go cold: nobody on the customer's side answers for weeks. A few early
      // ones are simply forgotten and linger for months: the zombies a pipeline review hunts.
      if (rng.chance(rep.stall[s]! * (this.lighthouse ? LIGHTHOUSE_STALL : 1))) {
        days *= s <= 2 && rng.chance(ZOMBIE_SHARE) ? rng.between(10, 40) : rng.between(3, 9);
      }
      this.cold = days > 3 * limit;

      const wAdvance =
        ADVANCE[s]! * team.advance * rep.advance[s]! * this.advanceFactor * (this.cold ? COLD_ADVANCE : 1);
      const wLoss = (1 - ADVANCE[s]! - REGRESS[s]!) * rep.loss[s]! * this.lossFactor;
      const u = rng.next() * (wAdvance + wLoss + REGRESS[s]!);
      let next: number;
      if (u < wAdvance) next = s + 1 + (s <= 2 && rng.chance(SKIP_CHANCE) ? 1 : 0);
      else if (u < wAdvance + wLoss) next = LOST;
      else next = s > 0 ? s - 1 : LOST; // (only reachable through rounding: need has no regression)

      let end = calendar.workingTime(t + days * DAY_MS, t, rng);
      if (next === WON) end = this.quarterEndPush(t, end);
      this.between(t, Math.min(end, horizon));
      if (end >= horizon) return; // still open at the end of today

      if (next === LOST) {
        this.close(LOST, end);
        this.reason = lostReason(s, this.cold, rng);
        if (reopened || !rng.chance(REOPEN_CHANCE)) return;
        // The customer comes back: the deal is reopened a stage below where it died.
        const back = calendar.workingTime(end + rng.between(15, 120) * DAY_MS, end, rng);
        if (back >= horizon) return;
        reopened = true;
        this.reason = '';
        this.moveCloseDate(calendar.monthEndDay(Math.floor(back / DAY_MS) + 30 + rng.int(60)), back);
        this.enter(s >= 2 ? s - 1 : s, back);
        t = back;
        continue;
      }
      if (next === WON) {
        this.close(WON, end);
        this.wonAt = end;
        this.wonCents = this.amount;
        this.wonOwner = this.owner;
        return;
      }
      this.enter(Math.min(next, OPEN_STAGE_COUNT - 1), end);
      t = end;
    }
  }

  /** Deals in 合同签署 near a quarter end get signed before it: the quarter-end rush. */
  private quarterEndPush(entered: number, end: number): number {
    const quarterEnd = this.calendar.nextQuarterStartDay(Math.floor(entered / DAY_MS)) * DAY_MS;
    if (quarterEnd <= entered || quarterEnd > end || quarterEnd - entered > 21 * DAY_MS) return end;
    if (!this.rng.chance(0.6)) return end;
    const rushed = this.calendar.workingTime(quarterEnd - this.rng.between(1, 4) * DAY_MS, entered, this.rng);
    return rushed < quarterEnd && rushed < end ? rushed : end;
  }

  /** Enters open stage `s` at `t`, with the amount, close-date and category moves that go with it. */
  private enter(s: number, t: number): void {
    const { rng } = this;
    const forward = s > this.stage;
    const from = this.stage;
    this.stage = s;
    this.stageEnteredAt = t;
    this.rows.add('stage', STAGE_KEY[s]!, t);
    if (forward || from >= OPEN_STAGE_COUNT) {
      // The formal quote re-sizes the deal; negotiation gives a discount away.
      if (s === 2 && rng.chance(0.45)) this.moveAmount(rng.between(0.8, 1.35), t);
      else if (s === 3 && rng.chance(0.55)) this.moveAmount(rng.between(0.85, 0.97), t);
      else if (s === 4 && rng.chance(0.1)) this.moveAmount(rng.between(0.95, 1.05), t);
    }
    const today = Math.floor(t / DAY_MS);
    if (this.closeDay < today && rng.chance(0.7)) {
      // Touching an overdue deal, the rep finally fixes its close date.
      this.moveCloseDate(slippedCloseDay(this.calendar, today, this.optimism(), rng), t);
    } else if (forward && s >= 3 && this.closeDay > today + 60 && rng.chance(0.5)) {
      // Late-stage deals get a near close date: this is what "pulled in" looks like.
      this.moveCloseDate(today + 15 + rng.int(30), t);
    }
    this.setForecast(forecastCategoryFor(s, this.optimism(), rng), t);
  }

  private close(stage: number, t: number): void {
    this.stage = stage;
    this.stageEnteredAt = t;
    this.rows.add('stage', STAGE_KEY[stage]!, t);
    // Won and lost deals carry the day they closed as their close date.
    this.moveCloseDate(Math.floor(t / DAY_MS), t);
    this.setForecast('closed', t);
  }

  /**
   * What happens inside a visit, strictly between `a` and `b`: the owner leaves or hands the
   * deal over, the rep gives up on a cold deal, close dates pass and slip.
   */
  private between(a: number, b: number): void {
    const { rng, calendar, roster } = this;
    const s = this.stage;
    const leftAt = roster.leftAt[this.owner]!;
    if (leftAt < b) {
      // The owner left the company: the manager reassigns the open deal within days.
      const at = calendar.workingTime(
        Math.max(a, leftAt) + rng.between(0, 5) * DAY_MS,
        Math.max(a, leftAt),
        rng,
      );
      const heir = at < b ? roster.pick(this.team, at, rng, this.owner) : -1;
      if (heir >= 0) this.setOwner(heir, at);
    } else if (rng.chance(HANDOVER_CHANCE)) {
      const at = calendar.workingTime(a + rng.next() * (b - a), a, rng);
      const heir = at < b ? roster.pick(this.team, at, rng, this.owner) : -1;
      if (heir >= 0) this.setOwner(heir, at);
    }

    if (this.cold && s <= 3 && this.forecast !== 'omitted' && rng.chance(0.4)) {
      const at = calendar.workingTime(a + 2.5 * DWELL_LIMIT[s]! * DAY_MS, a, rng);
      if (at < b) this.setForecast('omitted', at);
    }

    for (let guard = 0; guard < 24; guard++) {
      const due = (this.closeDay + 1) * DAY_MS;
      if (due >= b || !rng.chance(SLIP_CHANCE)) break;
      const from = Math.max(a, due);
      const at = calendar.workingTime(from + rng.exponential(3) * DAY_MS, from, rng);
      if (at >= b) break;
      this.moveCloseDate(slippedCloseDay(calendar, Math.floor(at / DAY_MS), this.optimism(), rng), at);
    }
  }

  private finish(id: string, account: DemoAccount, product: string, createdAt: number): void {
    const { rng, calendar, deal } = this;
    this.history = this.rows.sorted();
    // Columns are the last value of each field's history (the rows are in time order now).
    let last = createdAt;
    for (const h of this.history) {
      last = h.changedAt;
      switch (h.field) {
        case 'stage':
          deal.stage = h.value;
          break;
        case 'close_date':
          deal.closeDate = h.value;
          break;
        case 'forecast_category':
          deal.forecastCategory = h.value;
          break;
        case 'owner':
          deal.owner = h.value;
          break;
      }
    }
    const horizon = calendar.horizonMs;
    const open = this.stage < OPEN_STAGE_COUNT;
    deal.deletedAt = rng.chance(DELETE_CHANCE)
      ? last + Math.floor(rng.next() * Math.min(horizon - 1 - last, 90 * DAY_MS))
      : null;

    // Amount rows are only written at stage moves, in order, so the state is the last row.
    deal.amountCents = this.amount;
    deal.id = id;
    deal.name = `${account.shortName} - ${product}${rng.chance(0.08) ? rng.pick(FOLLOW_ON_SUFFIXES) : ''}`;
    deal.account = account.name;
    deal.team = DEMO_TEAMS[this.team]!.name;
    deal.createdAt = createdAt;
    deal.lostReason = this.stage === LOST ? this.reason : '';
    deal.product = product;
    deal.nextStep = open && !rng.chance(this.blankNextStepChance()) ? nextStep(this.stage, rng) : '';
    deal.updatedAt = Math.max(last, deal.deletedAt ?? 0);
    deal.lastActivityAt = this.lastActivity(createdAt, open);
  }

  /**
   * Calls and meetings, as the owner logs them. A live deal was touched as recently as the
   * owner's habit has it, more often in the late stages; once a visit has gone cold nobody
   * answers and the calls thin out (though the stage move itself was logged). A closed deal
   * was last touched near its close.
   */
  private lastActivity(createdAt: number, open: boolean): number | null {
    const { rng, calendar } = this;
    if (rng.chance(NO_ACTIVITY_CHANCE)) return null;
    const horizon = calendar.horizonMs;
    const entered = this.stageEnteredAt;
    let t: number;
    if (!open) {
      t = entered - rng.next() * 3 * DAY_MS;
    } else {
      const rep = this.roster.reps[this.owner]!;
      const median = rep.activityGapDays * TOUCH_PACE[this.stage]! * (this.cold ? COLD_TOUCH_GAP : 1);
      t = horizon - rng.logNormal(median, TOUCH_SIGMA) * DAY_MS;
      if (this.cold) t = Math.max(t, entered);
    }
    return Math.min(horizon - 1, Math.max(createdAt, calendar.officeMomentOf(t, rng)));
  }

  private addMentor(team: number, t: number, owner: number): void {
    const { rng, roster } = this;
    const mentor = roster.pick(team, t, rng, owner, true);
    if (mentor < 0) return;
    const { name, mentoring } = roster.reps[mentor]!;
    if (this.mentors.some((m) => m.mentor === name)) return;
    this.mentoring = Math.max(this.mentoring, mentoring);
    let at = this.calendar.workingTime(t + rng.between(0, 10) * DAY_MS, t, rng);
    if (at >= this.calendar.horizonMs) at = t + 60_000;
    this.mentors.push({
      mentor: name,
      sharePct: [10, 20, 30][rng.weighted([0.4, 0.4, 0.2])]!,
      createdAt: at,
    });
  }

  /** Close date promised at stage `s`: the remaining typical cycle of the deal's team and size. */
  private expectedCloseDay(t: number, s: number): number {
    let days = 10;
    for (let k = s; k < OPEN_STAGE_COUNT; k++) days += DWELL_LIMIT[k]! * 0.85;
    days *= DEMO_TEAMS[this.team]!.dwell * (this.lighthouse ? 1.5 : 1);
    return promisedCloseDay(this.calendar, Math.floor(t / DAY_MS), days, this.optimism(), this.rng);
  }

  /** The owner's habit of leaving the next step blank, more so on a deal that went cold. */
  private blankNextStepChance(): number {
    return this.roster.reps[this.owner]!.blankNextStep * (this.cold ? COLD_BLANK_NEXT_STEP : 1);
  }

  private optimism(): number {
    return this.roster.reps[this.owner]!.optimism;
  }

  private moveAmount(factor: number, t: number): void {
    const cents = roundAmountCents((this.amount / 100) * factor, this.rng);
    if (cents === this.amount) return;
    this.amount = cents;
    this.rows.add('amount', formatAmount(cents), t);
  }

  private moveCloseDate(day: number, t: number): void {
    if (day === this.closeDay) return;
    this.closeDay = day;
    this.rows.add('close_date', this.calendar.dayText(day), t);
  }

  private setForecast(f: ForecastCategory, t: number): void {
    if (f === this.forecast) return;
    this.forecast = f;
    this.rows.add('forecast_category', f, t);
  }

  private setOwner(owner: number, t: number): void {
    this.owner = owner;
    this.rows.add('owner', this.roster.reps[owner]!.name, t);
  }
}
