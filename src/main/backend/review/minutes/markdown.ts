import type { MinutesDocument } from '@shared/contract';

/** A cell's text made safe inside a Markdown table row (pipes escaped, lines joined). */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The minutes as Markdown: a heading, the key facts, then each section as a table or a list. */
export function minutesMarkdown(doc: MinutesDocument): string {
  const out: string[] = [`# ${doc.title}`, ''];
  for (const [label, value] of doc.facts) out.push(`- **${label}:** ${value}`);
  for (const section of doc.sections) {
    out.push('', `## ${section.heading}`, '');
    const rows = section.table?.rows ?? [];
    const items = section.list ?? [];
    const paragraphs = section.paragraphs ?? [];
    if (section.table && rows.length) {
      out.push(`| ${section.table.headers.map(cell).join(' | ')} |`);
      out.push(`| ${section.table.headers.map(() => '---').join(' | ')} |`);
      for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`);
    } else if (items.length) for (const item of items) out.push(`- ${item.replace(/\r?\n/g, ' ')}`);
    else if (paragraphs.length) out.push(paragraphs.join('\n\n'));
    else if (section.empty) out.push(`_${section.empty}_`);
  }
  return `${out.join('\n')}\n`;
}
