import type { Selectable } from 'kysely';
import type { StageKind } from '@shared/domain/stages';

export interface StagesTable {
  key: string;
  name: string;
  name_zh: string | null;
  name_en: string | null;
  sort_order: number;
  kind: StageKind;
  probability: number;
  dwell_limit_days: number | null;
  followup_days: number | null;
  buying_phase: string | null;
  exit_criteria: string | null;
}
export type StageRow = Selectable<StagesTable>;
