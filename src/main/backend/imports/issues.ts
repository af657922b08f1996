import type { ImportFileKind, ImportIssue } from '@shared/contract';
import { formatMessage, type ImportMessageKey, type MessageParams } from '@shared/messages';

/** One thing wrong with a row or file, before it is placed at a file and line. */
export interface Problem {
  code: ImportMessageKey;
  params: MessageParams;
}

export const problem = (code: ImportMessageKey, params: MessageParams = {}): Problem => ({
  code,
  params,
});

const issue = (file: ImportFileKind, line: number, p: Problem, sheet: string | undefined): ImportIssue => ({
  file,
  line,
  ...(sheet !== undefined ? { sheet } : {}),
  code: p.code,
  params: p.params,
  message: formatMessage({ key: p.code, params: p.params }, 'en'),
});

/** How many errors an import keeps word for word; the rest are counted. */
export const MAX_LISTED_ERRORS = 1000;

/** Collects what is wrong with an import, by file and line, without stopping at the first. */
export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  /** Lines (per file) that carry an error: those rows are what --skip-invalid leaves out. */
  readonly invalidLines: Record<ImportFileKind, Set<number>> = {
    deals: new Set(),
    history: new Set(),
    stages: new Set(),
    mentors: new Set(),
    quotas: new Set(),
  };
  /** Records (rows after the header) read per file, valid or not. */
  readonly records: Record<ImportFileKind, number> = {
    deals: 0,
    history: 0,
    stages: 0,
    mentors: 0,
    quotas: 0,
  };
  /** Errors that concern a whole file (missing column, broken quoting): no row can be trusted. */
  fatal = false;
  /** The sheet each workbook was read from: its issues' lines are that sheet's rows. */
  readonly sheets: Partial<Record<ImportFileKind, string>> = {};

  error(file: ImportFileKind, line: number, p: Problem): void {
    this.errorCount++;
    if (line > 0) this.invalidLines[file].add(line);
    else this.fatal = true;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(issue(file, line, p, this.sheets[file]));
  }

  warn(file: ImportFileKind, line: number, p: Problem): void {
    if (this.warnings.length < MAX_LISTED_ERRORS) this.warnings.push(issue(file, line, p, this.sheets[file]));
  }
}
