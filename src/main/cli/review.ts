import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MINUTES_FORMATS, type MeetingSummary, type MinutesFormat } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { args, requireDb, str, UsageError } from './args';
import { withSession } from './session';

/**
 * `funnel review list` — the workspace's funnel reviews; `funnel review minutes` — one
 * review's minutes as Markdown or DOCX, the same file the app exports.
 */
export async function reviewCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'list') return listReviews(rest);
  if (sub === 'minutes') return writeMinutes(rest);
  throw new UsageError('say what to do: review list | review minutes');
}

async function listReviews(argv: string[]): Promise<void> {
  const { values } = args(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  const db = requireDb(values);
  const meetings = await withSession(db, { create: false }, ({ call }) => call('review.list', {}));
  if (values.json) process.stdout.write(`${JSON.stringify({ meetings })}\n`);
  else process.stdout.write(table(meetings));
}

function table(meetings: MeetingSummary[]): string {
  if (!meetings.length) return 'No reviews yet.\n';
  const rows = meetings.map((m) => [
    String(m.id),
    m.title,
    [m.scope.team ?? 'all teams', m.scope.reps.length ? m.scope.reps.join(', ') : 'all reps'].join(' / '),
    m.status,
    m.asOf.slice(0, 10),
    `${Math.round(m.elapsedMs / 60_000)} min`,
    String(m.itemCount),
    String(m.decisionCount),
    String(m.nextStepCount),
  ]);
  const header = ['id', 'title', 'scope', 'status', 'as of', 'duration', 'items', 'decisions', 'next steps'];
  const width = (i: number) => Math.max(...[header, ...rows].map((r) => [...r[i]!].length));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(width(i) - [...c].length)).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

async function writeMinutes(argv: string[]): Promise<void> {
  const { values } = args(argv, {
    db: { type: 'string' },
    meeting: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const db = requireDb(values);
  const meetingText = str(values.meeting);
  if (!meetingText) throw new UsageError('--meeting ID is required (see `funnel review list`)');
  if (!/^\d+$/.test(meetingText) || Number(meetingText) < 1)
    throw new UsageError(
      `--meeting must be the number of a review (see \`funnel review list\`), not "${meetingText}"`,
    );
  const format = str(values.format) ?? 'md';
  if (!(MINUTES_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be ${MINUTES_FORMATS.join(' or ')}, not "${format}"`);
  const lang = str(values.lang) ?? 'en';
  if (lang !== 'en' && lang !== 'zh-CN') throw new UsageError(`--lang must be zh-CN or en, not "${lang}"`);
  const out = str(values.out);
  if (!out) throw new UsageError(`--out FILE.${format} is required`);
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new WorkbenchError('invalid_input', msg('folder_missing', { path: folder }));
  const file = await withSession(db, { create: false }, ({ call }) =>
    call('review.minutes', { id: Number(meetingText), format: format as MinutesFormat, lang }),
  );
  try {
    writeFileSync(out, file.base64 !== null ? Buffer.from(file.base64, 'base64') : file.text!);
  } catch (e) {
    throw new WorkbenchError(
      'invalid_input',
      msg('file_unwritable', { path: resolve(out), reason: (e as Error).message }),
    );
  }
  console.log(`Wrote ${resolve(out)}.`);
}
