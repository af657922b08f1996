import type { MentoredDeal, MentorsView, XlsxFile } from '@shared/contract';
import { writeWorkbook } from '../xlsx/write';

/**
 * The Mentors view as a workbook for payroll: what each mentor earned per quarter of the
 * deals' close (the first sheet, what is paid), and the deals behind it (the second, what
 * is checked), headed in the language asked. Money in the workspace currency to the cent,
 * shares in percent.
 */
export type Lang = 'zh-CN' | 'en';

const WORDS = {
  en: {
    quarters: 'Shares by quarter',
    deals: 'Deals',
    mentor: 'Mentor',
    quarter: 'Quarter',
    closed: 'Deals closed',
    won: 'Won',
    wonAmount: 'Won amount',
    shareAmount: 'Share earned',
    dealId: 'Deal ID',
    name: 'Deal',
    owner: 'Owner',
    stage: 'Stage',
    amount: 'Amount',
    sharePct: 'Share %',
    outcome: 'Outcome',
    closedAt: 'Closed on',
    outcomes: { open: 'Open', won: 'Won', lost: 'Lost' },
    total: 'Total',
    file: 'mentor-shares',
  },
  'zh-CN': {
    quarters: '按季度分成',
    deals: '商机明细',
    mentor: '师父',
    quarter: '季度',
    closed: '关闭商机数',
    won: '赢单数',
    wonAmount: '赢单金额',
    shareAmount: '分成金额',
    dealId: '商机 ID',
    name: '商机',
    owner: '负责人',
    stage: '阶段',
    amount: '金额',
    sharePct: '分成比例 %',
    outcome: '结果',
    closedAt: '关闭日期',
    outcomes: { open: '进行中', won: '赢单', lost: '输单' },
    total: '合计',
    file: '师父分成',
  },
} as const;

export function payrollWorkbook(
  view: MentorsView,
  deals: readonly MentoredDeal[],
  lang: Lang,
  stageName: (key: string) => string,
): XlsxFile {
  const w = WORDS[lang];
  const quarterRows = view.summaries.flatMap((m) =>
    m.quarters.map((q) => [m.mentor, q.quarter, q.deals, q.won, q.wonAmount, q.shareAmount]),
  );
  const cents = (xs: number[]) => Math.round(xs.reduce((n, x) => n + Math.round(x * 100), 0)) / 100;
  const total = [
    w.total,
    '',
    quarterRows.reduce((n, r) => n + (r[2] as number), 0),
    quarterRows.reduce((n, r) => n + (r[3] as number), 0),
    cents(quarterRows.map((r) => r[4] as number)),
    cents(quarterRows.map((r) => r[5] as number)),
  ];
  const bytes = writeWorkbook([
    {
      name: w.quarters,
      header: [w.mentor, w.quarter, w.closed, w.won, w.wonAmount, w.shareAmount],
      rows: quarterRows.length ? [...quarterRows, total] : [],
      styles: ['plain', 'plain', 'plain', 'plain', 'money', 'money'],
      widths: [16, 10, 12, 10, 16, 16],
    },
    {
      name: w.deals,
      header: [
        w.mentor,
        w.dealId,
        w.name,
        w.owner,
        w.stage,
        w.outcome,
        w.closedAt,
        w.amount,
        w.sharePct,
        w.shareAmount,
      ],
      rows: deals.map((d) => [
        d.mentor,
        d.dealId,
        d.name,
        d.owner,
        stageName(d.stage),
        w.outcomes[d.outcome],
        d.closedAt?.slice(0, 10) ?? '',
        d.amount,
        d.sharePct,
        d.shareAmount,
      ]),
      styles: ['plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'money', 'percent', 'money'],
      widths: [16, 16, 36, 14, 14, 10, 12, 16, 10, 16],
    },
  ]);
  return {
    fileName: `${w.file}-${view.asOf.slice(0, 10)}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(bytes).toString('base64'),
  };
}
