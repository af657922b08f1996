import type { MinutesDocument, MinutesFile } from '@shared/contract';
import { minutesDocx } from '../../review/minutes/docx';
import { minutesMarkdown } from '../../review/minutes/markdown';
import type { Lang } from './labels';

/**
 * The plan document written out as the review minutes are (the same Markdown and DOCX
 * writers: one way to write a workbench document). The file is named after the deal and
 * the visit so a printed stack sorts by date.
 */
export async function planFile(
  doc: MinutesDocument,
  format: 'md' | 'docx',
  lang: Lang,
  names: { dealId: string; visitDate: string },
): Promise<MinutesFile> {
  const safeId = names.dealId.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60);
  const base = `plan-${safeId}-${names.visitDate}`;
  if (format === 'md')
    return { fileName: `${base}.md`, mime: 'text/markdown', text: minutesMarkdown(doc), base64: null };
  const bytes = await minutesDocx(doc, lang);
  return {
    fileName: `${base}.docx`,
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    text: null,
    base64: bytes.toString('base64'),
  };
}
