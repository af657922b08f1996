import { parseDecimal } from '@shared/money';
import { DEFAULT_STAGES, type Stage, type StageKind } from '@shared/domain/stages';
import { problem, type IssueLog, type Problem } from './issues';
import type { CanonicalRow } from '../csv/table-reader';

const KINDS: readonly StageKind[] = ['open', 'won', 'lost'];

/** stages.csv → the stage model (ordered by the numeric `order`; file order means nothing). */
export function readStages(rows: CanonicalRow[], log: IssueLog): Stage[] {
  const seen = new Set<string>();
  const stages: Stage[] = [];
  for (const row of rows) {
    const key = row.get('key');
    const problems: Problem[] = [];
    if (!key) problems.push(problem('key_empty'));
    else if (seen.has(key)) problems.push(problem('key_duplicate', { value: key }));
    const name = row.get('name');
    const order = parseDecimal(row.get('order'));
    if (order === null) problems.push(problem('order_invalid', { value: row.get('order') }));
    const kind = row.get('kind') as StageKind;
    if (!KINDS.includes(kind)) problems.push(problem('kind_invalid', { value: row.get('kind') }));
    const probability = parseDecimal(row.get('probability'));
    if (probability === null || !(probability >= 0 && probability <= 1)) {
      problems.push(problem('probability_invalid', { value: row.get('probability') }));
    }
    const dwellText = row.get('dwell_limit_days').trim();
    const dwell = dwellText === '' ? null : parseDecimal(dwellText);
    if (dwellText !== '' && !(dwell !== null && dwell >= 0))
      problems.push(problem('dwell_invalid', { value: dwellText }));
    // Absent column or empty cell: no follow-up cadence (PRODUCT.md, stages.csv).
    const followupText = row.get('followup_days').trim();
    const followup = followupText === '' ? null : parseDecimal(followupText);
    if (followupText !== '' && !(followup !== null && followup >= 0))
      problems.push(problem('followup_invalid', { value: followupText }));
    if (problems.length) {
      for (const p of problems) log.error('stages', row.line, p);
      continue;
    }
    seen.add(key);
    // A stage of the default model keeps its two-language names, so the UI stays localised.
    const known = DEFAULT_STAGES.find(
      (s) => s.key === key && (s.nameZh === name || s.nameEn === name || s.name === name),
    );
    stages.push({
      key,
      name,
      nameZh: known?.nameZh ?? null,
      nameEn: known?.nameEn ?? null,
      order: order!,
      kind,
      probability: probability!,
      dwellLimitDays: dwell,
      followupDays: followup,
      buyingPhase: known?.buyingPhase ?? null,
      exitCriteria: known?.exitCriteria ?? null,
    });
  }
  if (rows.length > 0 && !stages.some((s) => s.kind === 'open'))
    log.error('stages', 0, problem('no_open_stage'));
  else if (rows.length > 0 && !stages.some((s) => s.kind === 'won'))
    log.warn('stages', 0, problem('no_won_stage'));
  return stages.sort((a, b) => a.order - b.order);
}
