/**
 * Mapping an arbitrary CRM deals export (Salesforce, HubSpot, a Chinese CRM…) onto the
 * canonical deals columns: which file column feeds which canonical column, which workspace
 * stage each of the file's stage values means, and how to read its dates and amounts.
 * Pure, so the import dialog suggests with the same rules the backend applies.
 */
import type { Stage } from '../domain/stages';

/** Canonical deals columns a file column can feed (PRODUCT.md, deals.csv). */
export const MAPPABLE_COLUMNS = [
  'id',
  'name',
  'account',
  'owner',
  'team',
  'amount',
  'currency',
  'stage',
  'created_at',
  'close_date',
  'forecast_category',
  'lost_reason',
  'product',
  'next_step',
  'updated_at',
  'last_activity_at',
] as const;
export type MappableColumn = (typeof MAPPABLE_COLUMNS)[number];

/** Without these a row is no deal: the mapping step asks for them before checking. */
export const REQUIRED_MAPPED: readonly MappableColumn[] = ['id', 'stage'];

/**
 * How `3/4/2026` reads: month first (US: Salesforce and HubSpot in English) or day first.
 * Year-first forms (2026/3/4, 2026-03-04, 2026年3月4日) are never ambiguous.
 */
export type DateOrder = 'mdy' | 'dmy';

export interface DealMapping {
  /** Canonical column → index of the file column that feeds it. */
  columns: Partial<Record<MappableColumn, number>>;
  /** A file stage value (trimmed) → the workspace stage key it means. */
  stages: Record<string, string>;
  dateOrder: DateOrder;
}

/** A saved mapping, by header names so it fits the next export of the same CRM. */
export interface MappingPreset {
  name: string;
  columns: Partial<Record<MappableColumn, string>>;
  stages: Record<string, string>;
  dateOrder: DateOrder;
}

/**
 * Lower case, without spaces, punctuation or a BOM (\s covers U+FEFF): "Opportunity ID" and
 * "opportunity_id" meet.
 */
export const normalizeHeader = (h: string): string => h.toLowerCase().replace(/[\s_\-./:：()（）#*]/g, '');

/** Header names known from CRM exports, in English and Chinese (compared normalised). */
const KNOWN_HEADERS: Record<MappableColumn, readonly string[]> = {
  id: [
    'id',
    'opportunity id',
    'opportunity id 18',
    'record id',
    'deal id',
    'hs_object_id',
    '商机编号',
    '商机id',
    '商机编码',
    '机会编号',
    '编号',
  ],
  name: [
    'name',
    'opportunity name',
    'deal name',
    'dealname',
    'title',
    '商机名称',
    '机会名称',
    '商机',
    '名称',
  ],
  account: [
    'account',
    'account name',
    'associated company',
    'company',
    'company name',
    'organization',
    '客户名称',
    '客户',
    '公司名称',
    '公司',
  ],
  owner: [
    'owner',
    'opportunity owner',
    'deal owner',
    'owner name',
    '负责人',
    '商机负责人',
    '销售',
    '所有人',
    '跟进人',
  ],
  team: ['team', 'sales team', 'owner role', 'role', '销售团队', '团队', '部门', '所属部门'],
  amount: [
    'amount',
    'deal amount',
    'value',
    'opportunity amount',
    '金额',
    '商机金额',
    '预计金额',
    '合同金额',
  ],
  currency: ['currency', 'opportunity currency', 'deal currency', 'currency code', '币种', '货币'],
  stage: ['stage', 'deal stage', 'dealstage', 'stage name', 'pipeline stage', '阶段', '销售阶段', '商机阶段'],
  created_at: [
    'created_at',
    'created date',
    'create date',
    'createdate',
    'created',
    'created time',
    'add time',
    '创建时间',
    '创建日期',
  ],
  close_date: [
    'close_date',
    'close date',
    'closedate',
    'expected close date',
    '预计成交日期',
    '成交日期',
    '预计签约日期',
    '结单日期',
  ],
  forecast_category: [
    'forecast_category',
    'forecast category',
    'forecast category name',
    '预测类别',
    '预测分类',
  ],
  lost_reason: ['lost_reason', 'lost reason', 'closed lost reason', 'loss reason', '输单原因', '丢单原因'],
  product: ['product', 'product name', 'products', '产品', '产品名称'],
  next_step: ['next_step', 'next step', '下一步', '下一步计划'],
  updated_at: [
    'updated_at',
    'last modified date',
    'last modified',
    'modified date',
    'last modified time',
    'hs_lastmodifieddate',
    'update time',
    '更新时间',
    '最后修改时间',
    '修改时间',
  ],
  last_activity_at: [
    'last_activity_at',
    'last activity',
    'last activity date',
    'last activity time',
    '最后跟进时间',
    '最近跟进时间',
    '最近活动时间',
  ],
};
const KNOWN = new Map<string, MappableColumn>();
for (const column of MAPPABLE_COLUMNS)
  for (const name of KNOWN_HEADERS[column]) KNOWN.set(normalizeHeader(name), column);

/** The suggested canonical column of each file column (null: not imported); each is used once. */
export function suggestColumns(header: readonly string[]): (MappableColumn | null)[] {
  const used = new Set<MappableColumn>();
  return header.map((h) => {
    const column = KNOWN.get(normalizeHeader(h));
    if (!column || used.has(column)) return null;
    used.add(column);
    return column;
  });
}

/** Whether a header already names every required canonical column (then no mapping is needed). */
export const isCanonicalHeader = (header: readonly string[]): boolean => {
  // trim() removes a BOM too (U+FEFF is white space to JavaScript).
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return ['id', 'stage', 'created_at'].every((c) => names.has(c));
};

/** Case and separators aside (white space at the ends included): "Closed Won" meets "closed_won". */
const foldStage = (s: string) => s.toLowerCase().replace(/[\s_\-/&]/g, '');

/**
 * The workspace stage a file's stage value means: its key or a name in either language
 * (case and spacing aside), else a name that starts with the value or the other way round
 * ("报价" → 报价比选), else Won/Lost words to the won or lost stage ("Closed Won"). Null
 * when nothing fits: the person chooses.
 */
export function suggestStage(value: string, stages: readonly Stage[]): string | null {
  // An empty value matches nothing below: names are never empty and prefixes need 2 characters.
  const v = foldStage(value);
  const names = (s: Stage) =>
    [s.key, s.name, s.nameZh, s.nameEn].flatMap((n) => (n ? [foldStage(n)] : [])).filter(Boolean);
  const exact = stages.find((s) => names(s).includes(v));
  if (exact) return exact.key;
  if (v.length >= 2) {
    const prefix = stages.find((s) => names(s).some((n) => n.startsWith(v) || v.startsWith(n)));
    if (prefix) return prefix.key;
  }
  const kind = /won|赢单|成交|签约成功/.test(v) ? 'won' : /lost|输单|丢单|失败/.test(v) ? 'lost' : null;
  return kind ? (stages.find((s) => s.kind === kind)?.key ?? null) : null;
}

const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s|$)/;

/**
 * The order the file's `a/b/yyyy` dates must be read in, from the values themselves: a
 * first part above 12 is a day (day first), a second part above 12 is a day (month first).
 * Null when no value decides (then the mapping step's choice stands: month first by default).
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | null {
  for (const v of values) {
    const m = SLASH_DATE.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return null;
}

/** Whether any value is written `a/b/yyyy`, so the date order matters. */
export const hasAmbiguousDates = (values: Iterable<string>): boolean => {
  for (const v of values) if (SLASH_DATE.test(v.trim())) return true;
  return false;
};

/** The preset's mapping applied to a file's header (columns it names that the file lacks are left out). */
export function presetMapping(preset: MappingPreset, header: readonly string[]): DealMapping {
  const columns: DealMapping['columns'] = {};
  const byName = new Map(header.map((h, i) => [normalizeHeader(h), i]));
  for (const [column, name] of Object.entries(preset.columns) as [MappableColumn, string][]) {
    const i = byName.get(normalizeHeader(name));
    if (i !== undefined) columns[column] = i;
  }
  return { columns, stages: { ...preset.stages }, dateOrder: preset.dateOrder };
}

/** Whether every column a preset names is in this header: the preset was made for this export. */
export const presetFits = (preset: MappingPreset, header: readonly string[]): boolean => {
  const names = new Set(header.map(normalizeHeader));
  const wanted = Object.values(preset.columns);
  return wanted.length > 0 && wanted.every((n) => names.has(normalizeHeader(n)));
};
