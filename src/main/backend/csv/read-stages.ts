import { DEFAULT_STAGES, type Stage, type StageKind } from '../../../shared/domain/stages';
import type { IssueLog } from './issues';
import type { CanonicalRow } from './table-reader';

const KINDS: readonly StageKind[] = ['open', 'won', 'lost'];

/** stages.csv → the stage model (ordered by the numeric `order`; file order means nothing). */
export function readStages(rows: CanonicalRow[], log: IssueLog): Stage[] {
  const seen = new Set<string>();
  const stages: Stage[] = [];
  for (const row of rows) {
    const key = row.get('key');
    const problems: string[] = [];
    if (!key) problems.push('key is empty');
    else if (seen.has(key)) problems.push(`key "${key}" appears twice`);
    const name = row.get('name');
    const order = Number(row.get('order'));
    if (row.get('order').trim() === '' || !Number.isFinite(order))
      problems.push(`order "${row.get('order')}" is not a number`);
    const kind = row.get('kind') as StageKind;
    if (!KINDS.includes(kind)) problems.push(`kind "${row.get('kind')}" is not one of open, won, lost`);
    const probability = Number(row.get('probability'));
    if (row.get('probability').trim() === '' || !(probability >= 0 && probability <= 1)) {
      problems.push(`probability "${row.get('probability')}" is not a number from 0 to 1`);
    }
    const dwellText = row.get('dwell_limit_days').trim();
    const dwell = dwellText === '' ? null : Number(dwellText);
    if (dwell !== null && !(dwell >= 0)) problems.push(`dwell_limit_days "${dwellText}" is not a number ≥ 0`);
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
      order,
      kind,
      probability,
      dwellLimitDays: dwell,
      buyingPhase: known?.buyingPhase ?? null,
      exitCriteria: known?.exitCriteria ?? null,
    });
  }
  if (rows.length > 0 && !stages.some((s) => s.kind === 'open'))
    log.error('stages', 0, 'stages.csv has no open stage: a funnel needs at least one');
  else if (rows.length > 0 && !stages.some((s) => s.kind === 'won'))
    log.warn('stages', 0, 'stages.csv has no won stage: no deal can be counted as won');
  return stages.sort((a, b) => a.order - b.order);
}
