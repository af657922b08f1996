/**
 * The upstream CRM's data, independent of any vendor: deals with their users, stages and
 * every change to a tracked field, as a test scripts them. Each fake (hubspot.ts,
 * salesforce.ts, pipedrive.ts) renders this world in its vendor's shapes, so one
 * scenario runs against all three; `expected()` is what a correct sync must store,
 * written from PRODUCT.md's "Deals synced from a CRM" independently of the engine.
 */

export type ForecastCategory = 'pipeline' | 'best_case' | 'commit' | 'omitted' | 'closed';

export interface WorldUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Primary team (HubSpot) or role (Salesforce); Pipedrive has none. */
  team: string;
}

/** A deal's fields as the world keeps them; `stage` is a workspace stage key (need … lost). */
export interface DealFields {
  name: string;
  account: string;
  /** A user id. */
  owner: string;
  /** Decimal text, e.g. '1200.5'. */
  amount: string;
  currency: string;
  stage: string;
  closeDate: string | null;
  forecast: ForecastCategory;
  lostReason: string;
  nextStep: string;
  lastActivityAt: number | null;
}

/** The fields whose changes the CRMs keep (and a sync turns into history). */
export const TRACKED = ['stage', 'amount', 'closeDate', 'forecast', 'owner'] as const;
export type TrackedField = (typeof TRACKED)[number];

export interface WorldChange {
  field: TrackedField;
  /** The new value, as the world keeps it (stage key, decimal text, date or null, user id). */
  value: string | null;
  at: number;
  /** Unique and increasing across the world: the CRM's change id. */
  seq: number;
}

export interface WorldDeal {
  id: string;
  fields: DealFields;
  createdAt: number;
  /** The CRM's last-modified stamp: every create, edit, delete and restore moves it. */
  updatedAt: number;
  /** The last modification while live: what a sync that sees a deletion only as a tombstone (an id and a time) keeps. */
  liveUpdatedAt: number;
  deletedAt: number | null;
  /** Gone for good: not even the delete log knows it (an emptied recycle bin, a hard delete). */
  purged: boolean;
  /** Every value each tracked field took, the initial one first (at createdAt). */
  changes: WorldChange[];
  /** The CRM will not give this deal's history (field history off, no permission). */
  historyHidden: boolean;
}

export const DEFAULT_USERS: WorldUser[] = [
  { id: 'u1', firstName: 'Wang', lastName: 'Fang', email: 'wang.fang@example.cn', team: 'East' },
  { id: 'u2', firstName: 'Li', lastName: 'Lei', email: 'li.lei@example.cn', team: 'North' },
  { id: 'u3', firstName: 'Ada', lastName: 'Byrne', email: 'ada@example.com', team: 'East' },
];

export const userName = (u: WorldUser): string => `${u.firstName} ${u.lastName}`.trim() || u.email;

export class World {
  readonly deals = new Map<string, WorldDeal>();
  /** Moves on every change: fakes cache what they derive from the world by it. */
  version = 0;
  private seq = 0;
  private nextId: number;

  constructor(
    readonly users: WorldUser[] = DEFAULT_USERS,
    /** The CRM's id for the n-th deal. */
    private readonly idFor: (n: number) => string = (n) => String(n),
    /** The CRM's timestamp precision: Salesforce and Pipedrive keep seconds. */
    readonly stamp: (at: number) => number = (at) => at,
    firstId = 1,
  ) {
    this.nextId = firstId;
  }

  user(id: string): WorldUser {
    const u = this.users.find((x) => x.id === id);
    if (!u) throw new Error(`no user ${id}`);
    return u;
  }

  create(fields: Partial<DealFields> & Pick<DealFields, 'stage'>, at: number): WorldDeal {
    const t = this.stamp(at);
    const full: DealFields = {
      name: 'Deal',
      account: '',
      owner: this.users[0]!.id,
      amount: '0',
      currency: 'CNY',
      closeDate: null,
      forecast: 'pipeline',
      lostReason: '',
      nextStep: '',
      lastActivityAt: null,
      ...fields,
    };
    const deal: WorldDeal = {
      id: this.idFor(this.nextId++),
      fields: full,
      createdAt: t,
      updatedAt: t,
      liveUpdatedAt: t,
      deletedAt: null,
      purged: false,
      changes: TRACKED.map((field) => ({ field, value: full[field], at: t, seq: ++this.seq })),
      historyHidden: false,
    };
    this.deals.set(deal.id, deal);
    this.version++;
    return deal;
  }

  /** Edits a deal; a tracked field that takes a new value gains a change at `at`. */
  update(id: string, patch: Partial<DealFields>, at: number): WorldDeal {
    const deal = this.get(id);
    const t = this.stamp(at);
    for (const field of TRACKED) {
      if (field in patch && patch[field] !== deal.fields[field])
        deal.changes.push({ field, value: patch[field] as string | null, at: t, seq: ++this.seq });
    }
    deal.fields = { ...deal.fields, ...patch };
    deal.updatedAt = t;
    if (deal.deletedAt === null) deal.liveUpdatedAt = t;
    this.version++;
    return deal;
  }

  /** Deleted (archived, in the recycle bin): the delete log knows it for a while. */
  remove(id: string, at: number): void {
    const deal = this.get(id);
    deal.deletedAt = this.stamp(at);
    deal.updatedAt = deal.deletedAt;
    this.version++;
  }

  restore(id: string, at: number): void {
    const deal = this.get(id);
    deal.deletedAt = null;
    deal.updatedAt = this.stamp(at);
    deal.liveUpdatedAt = deal.updatedAt;
    this.version++;
  }

  /** Gone without a trace: only a sweep of the live ids can notice. */
  purge(id: string): void {
    const deal = this.get(id);
    deal.purged = true;
    this.version++;
    deal.deletedAt ??= deal.updatedAt;
  }

  get(id: string): WorldDeal {
    const d = this.deals.get(id);
    if (!d) throw new Error(`no deal ${id}`);
    return d;
  }

  /** Deals a list of live records shows. */
  live(): WorldDeal[] {
    return [...this.deals.values()].filter((d) => d.deletedAt === null && !d.purged);
  }

  /** Deals the CRM still knows, deleted ones included (not purged). */
  known(): WorldDeal[] {
    return [...this.deals.values()].filter((d) => !d.purged);
  }
}

/** A deal row as the workspace must store it (PRODUCT.md's canonical columns; money in cents). */
export interface ExpectedDeal {
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  amount_cents: number;
  stage: string;
  created_at: number;
  close_date: string | null;
  forecast_category: string;
  lost_reason: string;
  next_step: string;
  updated_at: number;
  last_activity_at: number | null;
  deleted_at: number | null;
}

export interface ExpectedHistory {
  deal_id: string;
  field: 'stage' | 'amount' | 'close_date' | 'forecast_category' | 'owner';
  value: string;
  changed_at: number;
}

export const cents = (amount: string): number => Math.round(Number(amount) * 100);

/** The history value of an amount: the canonical decimal text (as formatAmount writes it). */
export function amountValue(amount: string): string {
  const c = cents(amount);
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  const frac = abs % 100;
  return frac === 0
    ? `${sign}${Math.floor(abs / 100)}`
    : `${sign}${Math.floor(abs / 100)}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

const HISTORY_FIELD: Record<TrackedField, ExpectedHistory['field']> = {
  stage: 'stage',
  amount: 'amount',
  closeDate: 'close_date',
  forecast: 'forecast_category',
  owner: 'owner',
};

/**
 * The canonical rows of a world, before any vendor's quirks (each fake adjusts what its
 * CRM does differently, e.g. Pipedrive's close date of a won deal). Purged deals are
 * expected as deleted at the sweep's time, which the caller passes.
 */
export function expectedRows(
  world: World,
  options: {
    sweptAt?: number;
    history?: boolean;
    /**
     * The CRM reports deletions as tombstones (HubSpot's archived list): a deleted deal
     * keeps the updated_at of its last live modification. Purged deals always do: only a
     * sweep finds them gone.
     */
    tombstones?: boolean;
  } = {},
): { deals: ExpectedDeal[]; history: ExpectedHistory[] } {
  const deals: ExpectedDeal[] = [];
  const history: ExpectedHistory[] = [];
  for (const d of world.deals.values()) {
    const owner = world.user(d.fields.owner);
    deals.push({
      id: d.id,
      name: d.fields.name,
      account: d.fields.account,
      owner: userName(owner),
      team: owner.team,
      amount_cents: cents(d.fields.amount),
      stage: d.fields.stage,
      created_at: d.createdAt,
      close_date: d.fields.closeDate,
      forecast_category: d.fields.forecast,
      lost_reason: d.fields.lostReason,
      next_step: d.fields.nextStep,
      updated_at: d.purged || (options.tombstones && d.deletedAt !== null) ? d.liveUpdatedAt : d.updatedAt,
      last_activity_at: d.fields.lastActivityAt,
      deleted_at: d.purged ? (options.sweptAt ?? d.deletedAt) : d.deletedAt,
    });
    if (options.history === false || d.historyHidden) continue;
    for (const c of d.changes) {
      history.push({
        deal_id: d.id,
        field: HISTORY_FIELD[c.field],
        value:
          c.field === 'amount'
            ? amountValue(c.value ?? '0')
            : c.field === 'owner'
              ? userName(world.user(c.value!))
              : (c.value ?? ''),
        changed_at: c.at,
      });
    }
  }
  return { deals, history };
}

/** A small deterministic PRNG (mulberry32), so generated worlds repeat for a seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPEN = ['need', 'solution', 'proposal', 'negotiation', 'contract'];

/**
 * Fills a world with `count` deals created from `start` on, each moving through a few
 * stages with amount and close-date changes (about `events` changes a deal besides its
 * initial values), some won, some lost. Deterministic for a seed.
 */
export function populate(
  world: World,
  count: number,
  options: { seed?: number; start: number; spanMs?: number; events?: number },
): WorldDeal[] {
  const rnd = random(options.seed ?? 1);
  const span = options.spanMs ?? 180 * 86_400_000;
  const events = options.events ?? 6;
  const made: WorldDeal[] = [];
  for (let i = 0; i < count; i++) {
    let at = options.start + Math.floor(rnd() * span);
    const owner = world.users[Math.floor(rnd() * world.users.length)]!.id;
    const deal = world.create(
      {
        name: `Deal ${i + 1}`,
        account: `Account ${Math.floor(rnd() * 500)}`,
        owner,
        amount: String(Math.round(rnd() * 1_000_000) / 100),
        stage: 'need',
        closeDate: day(at + 60 * 86_400_000),
      },
      at,
    );
    let stage = 0;
    for (let e = 0; e < events; e++) {
      at += 1 + Math.floor(rnd() * 5 * 86_400_000);
      const r = rnd();
      if (r < 0.45 && stage < OPEN.length - 1) world.update(deal.id, { stage: OPEN[++stage]! }, at);
      else if (r < 0.7) world.update(deal.id, { amount: String(Math.round(rnd() * 1_000_000) / 100) }, at);
      else if (r < 0.85)
        world.update(deal.id, { closeDate: day(at + Math.floor(rnd() * 90) * 86_400_000) }, at);
      else world.update(deal.id, { forecast: rnd() < 0.5 ? 'commit' : 'best_case' }, at);
    }
    const end = rnd();
    if (end < 0.25)
      world.update(deal.id, { stage: 'won', closeDate: day(at), forecast: 'closed' }, at + 1000);
    else if (end < 0.4)
      world.update(deal.id, { stage: 'lost', closeDate: day(at), lostReason: 'price' }, at + 1000);
    made.push(deal);
  }
  return made;
}

export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
