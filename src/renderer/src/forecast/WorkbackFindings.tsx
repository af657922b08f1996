import { List, ThemeIcon } from '@mantine/core';
import {
  IconCircleCheck,
  IconClockExclamation,
  IconHistoryOff,
  IconSchool,
  IconTarget,
  IconTrendingUp,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';
import type { WorkbackFinding, WorkbackFindingCode, WorkbackRow } from '@shared/contract';

/**
 * Each kind of finding's icon and colour, so the diagnosis scans at a glance. Decorative:
 * the sentence beside it says everything the icon does.
 */
const KINDS: Record<WorkbackFindingCode, { icon: Icon; color: string }> = {
  needs_target: { icon: IconTarget, color: 'gray' },
  covered: { icon: IconCircleCheck, color: 'teal' },
  too_few_new_deals: { icon: IconUserPlus, color: 'orange' },
  new_deals_on_pace: { icon: IconTrendingUp, color: 'teal' },
  too_late_for_new_deals: { icon: IconClockExclamation, color: 'red' },
  low_conversion: { icon: IconSchool, color: 'orange' },
  no_won_history: { icon: IconHistoryOff, color: 'gray' },
};

export function FindingIcon({ code, size = 22 }: { code: WorkbackFindingCode; size?: number }) {
  const { icon: Glyph, color } = KINDS[code];
  return (
    <ThemeIcon variant="light" color={color} size={size} radius="xl" aria-hidden data-icon={code}>
      <Glyph size={Math.round(size * 0.7)} />
    </ThemeIcon>
  );
}

/** A finding's sentence in the UI's language. */
export const findingWords = (f: WorkbackFinding, zh: boolean) => (zh ? f.words.zh : f.words.en);

/** The diagnosis in the UI's language, most important first, each with its kind's icon. */
export function WorkbackFindings({ row, zh }: { row: WorkbackRow; zh: boolean }) {
  return (
    <List spacing="xs" center data-testid="workback-findings">
      {row.findings.map((f, i) => (
        <List.Item key={`${f.code}-${f.stage ?? i}`} data-code={f.code} icon={<FindingIcon code={f.code} />}>
          {findingWords(f, zh)}
        </List.Item>
      ))}
    </List>
  );
}
