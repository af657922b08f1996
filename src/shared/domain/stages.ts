/** A stage of the customer's buying process (PRODUCT.md, "Default stage model"). */
export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  key: string;
  /** The name as imported or synced; `nameZh`/`nameEn` localise it when known. */
  name: string;
  nameZh: string | null;
  nameEn: string | null;
  order: number;
  kind: StageKind;
  probability: number;
  /** The longest a deal in this stage may stay in it before it counts as stalled; null = no limit. */
  dwellLimitDays: number | null;
  /**
   * The follow-up cadence: the longest a deal in this stage may go without a logged
   * activity before it counts as inactive; null = none.
   */
  followupDays: number | null;
  buyingPhase: string | null;
  exitCriteria: string | null;
}

const stage = (
  order: number,
  key: string,
  nameZh: string,
  nameEn: string,
  kind: StageKind,
  probability: number,
  dwellLimitDays: number | null,
  followupDays: number | null,
  buyingPhase: string | null,
  exitCriteria: string | null,
): Stage => ({
  key,
  name: nameZh,
  nameZh,
  nameEn,
  order,
  kind,
  probability,
  dwellLimitDays,
  followupDays,
  buyingPhase,
  exitCriteria,
});

/** The default model: stages follow the customer's buying process, each with exit criteria (准出标准). */
export const DEFAULT_STAGES: readonly Stage[] = [
  stage(
    1,
    'need',
    '需求确认',
    'Need confirmed',
    'open',
    0.1,
    14,
    7,
    '需求认知 Need awareness',
    '客户确认了业务痛点和预算意向 / The customer confirmed the pain and a budget intent',
  ),
  stage(
    2,
    'solution',
    '方案交流',
    'Solution exchange',
    'open',
    0.25,
    21,
    7,
    '方案评估 Solution evaluation',
    '关键决策人认可方案方向 / The key decision maker endorsed the solution direction',
  ),
  stage(
    3,
    'proposal',
    '报价比选',
    'Proposal & comparison',
    'open',
    0.45,
    7,
    3,
    '供应商选择 Vendor selection',
    '客户收到正式报价并进入比选 / The customer received a formal quote and is comparing vendors',
  ),
  stage(
    4,
    'negotiation',
    '商务谈判',
    'Negotiation',
    'open',
    0.65,
    14,
    3,
    '供应商选择 Vendor selection',
    '客户口头选定我方，进入商务条款谈判 / The customer chose us verbally; terms are negotiated',
  ),
  stage(
    5,
    'contract',
    '合同签署',
    'Contract',
    'open',
    0.85,
    7,
    1,
    '合同签订 Contract',
    '合同文本已定稿，进入签署流程 / The contract text is final and in signature',
  ),
  stage(6, 'won', '赢单', 'Won', 'won', 1, null, null, null, null),
  stage(7, 'lost', '输单', 'Lost', 'lost', 0, null, null, null, null),
];

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted', 'closed'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const HISTORY_FIELDS = ['stage', 'amount', 'close_date', 'forecast_category', 'owner'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Open stages in funnel order. */
export const openStages = (stages: readonly Stage[]): Stage[] =>
  stages.filter((s) => s.kind === 'open').sort((a, b) => a.order - b.order);

/** The stage's name in the UI language, falling back to the imported name. */
export const stageLabel = (s: Pick<Stage, 'name' | 'nameZh' | 'nameEn'>, language: string): string =>
  (language.startsWith('zh') ? s.nameZh : s.nameEn) ?? s.name;
