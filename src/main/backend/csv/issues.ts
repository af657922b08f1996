import type { ImportFileKind, ImportIssue } from '../../../shared/contract';

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
  /** Errors that concern a whole file (missing column, broken quoting): no row can be trusted. */
  fatal = false;

  error(file: ImportFileKind, line: number, message: string): void {
    this.errorCount++;
    if (line > 0) this.invalidLines[file].add(line);
    else this.fatal = true;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ file, line, message });
  }

  warn(file: ImportFileKind, line: number, message: string): void {
    if (this.warnings.length < MAX_LISTED_ERRORS) this.warnings.push({ file, line, message });
  }
}
