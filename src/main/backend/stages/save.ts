import type { StageEntry } from '@shared/contract';
import { checkStageModel, type StageDraft, type StageUsage } from '@shared/domain/stage-model';
import type { Stage } from '@shared/domain/stages';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Db } from '../db/query';
import { loadStages, replaceStages } from './model';
import { stageUsage } from './usage';

const NO_USE: StageUsage = { deals: 0, history: 0 };

/** The model by ascending order, each stage with who uses it. */
export function listStages(ws: Db): StageEntry[] {
  const usage = stageUsage(ws);
  return loadStages(ws).map((s) => ({ ...s, usage: usage.get(s.key) ?? NO_USE }));
}

const blankToNull = (text: string | null): string | null => (text?.trim() ? text.trim() : null);

/**
 * Replaces the workspace's stage model with `drafts`, in one transaction: checked against
 * the stored model and the deals that use it (checkStageModel), then written with every
 * deal's funnel position kept in step (replaceStages). Refused with `invalid_input`
 * naming every broken rule (details: StageModelRefusal), and then nothing changes.
 * A stored stage keeps its imported name; a new one is named by its Chinese name.
 */
export function saveStages(ws: Db, drafts: readonly StageDraft[]): StageEntry[] {
  ws.sqlite
    .transaction(() => {
      const stored = loadStages(ws);
      let usage: Map<string, StageUsage> | null = null;
      // Only a removed stage or a changed kind needs to know who uses a stage.
      const issues = checkStageModel(drafts, stored, (key) => (usage ??= stageUsage(ws)).get(key));
      if (issues.length)
        throw new WorkbenchError(
          'invalid_input',
          msg('stages_invalid', { count: issues.length, first: issues[0]!.say }),
          { issues },
        );
      const storedName = new Map(stored.map((s) => [s.key, s.name]));
      const model: Stage[] = drafts
        .map((d) => {
          const nameZh = d.nameZh!.trim();
          return {
            ...d,
            key: d.key.trim(),
            name: storedName.get(d.key.trim()) ?? nameZh,
            nameZh,
            nameEn: d.nameEn!.trim(),
            buyingPhase: blankToNull(d.buyingPhase),
            exitCriteria: blankToNull(d.exitCriteria),
          };
        })
        .sort((a, b) => a.order - b.order);
      replaceStages(ws, model);
    })
    .immediate();
  // Read after the commit: who uses a stage takes two scans, which need not hold the write lock.
  return listStages(ws);
}
