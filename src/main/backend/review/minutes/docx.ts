import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MinutesDocument } from '@shared/contract';
import type { Lang } from './labels';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const borders = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function table(headers: string[], rows: string[][]): Table {
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text) =>
          new TableCell({
            borders,
            children: text
              .split(/\r?\n/)
              .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] })),
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(headers, true), ...rows.map((r) => row(r, false))],
  });
}

/**
 * The minutes as a Word document (the `docx` package writes real OOXML: headings Word's
 * navigation pane lists, tables with a repeated header row). East Asian text gets a font
 * that has its glyphs wherever the document is opened.
 */
export async function minutesDocx(doc: MinutesDocument, lang: Lang): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  for (const [label, value] of doc.facts)
    body.push(
      new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    );
  for (const section of doc.sections) {
    body.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    const rows = section.table?.rows ?? [];
    const items = section.list ?? [];
    const paragraphs = section.paragraphs ?? [];
    if (section.table && rows.length) body.push(table(section.table.headers, rows));
    else if (items.length)
      for (const item of items) body.push(new Paragraph({ text: item, bullet: { level: 0 } }));
    else if (paragraphs.length) for (const text of paragraphs) body.push(new Paragraph({ text }));
    else if (section.empty)
      body.push(new Paragraph({ children: [new TextRun({ text: section.empty, italics: true })] }));
  }
  const document = new Document({
    creator: 'Funnel Workbench',
    title: doc.title,
    styles: {
      default: {
        document: {
          run: {
            font: {
              ascii: 'Calibri',
              hAnsi: 'Calibri',
              eastAsia: lang === 'zh-CN' ? 'Microsoft YaHei' : 'Calibri',
            },
          },
        },
      },
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
