import { isAppUrl } from './security';
import { answerSecret, secretBackend } from './secrets';
import { app, MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import type { AppError } from '@shared/result';
import type { HostCommand, HostReport } from '@shared/wire';

/**
 * Starts the backend (`backend-host.js`) in a utility process and brokers one MessagePort
 * per loaded page between it and each window. Main never touches data: it forwards no
 * requests, it only hands out ports and watches the process.
 */

export const BACKEND_SERVICE_NAME = 'funnel-backend';

export interface BackendOptions {
  hostPath: string;
  workspacePath: string;
  /** The dev server's origin in development, else null: the only other page that may get a port. */
  devOrigin: string | null;
  /** better-sqlite3 addon built for Electron, or '' to let better-sqlite3 find its own. */
  nativeBinding: string;
  /** The workspace could not be opened; the backend stays up only to answer with that error. */
  onFatal(error: AppError): void;
  /** The process went away without being asked to; `reason` is for a person to read. */
  onUnexpectedExit(reason: string): void;
}

/** How much of the backend's stderr is kept to explain a crash. */
const STDERR_TAIL = 4000;

export class BackendSupervisor {
  private child: UtilityProcess | null = null;
  /** Ports are handed out only once the process exists: a message posted before that may be dropped. */
  private spawned = false;
  private readonly pages = new Set<WebContents>();
  private stopping: Promise<void> | null = null;
  private failed = false;
  private crashMessage: string | null = null;
  private goneReason: string | null = null;
  private stderrTail = '';

  constructor(private readonly options: BackendOptions) {
    // Electron reports *why* a utility process died (crashed, oom, killed …) here, not on
    // the process object itself.
    app.on('child-process-gone', (_event, details) => {
      if (details.type === 'Utility' && details.serviceName === BACKEND_SERVICE_NAME) {
        this.goneReason = `${details.reason}, exit code ${details.exitCode}`;
      }
    });
  }

  get running(): boolean {
    return this.child !== null;
  }

  start(): void {
    if (this.child) return;
    this.failed = false;
    this.crashMessage = null;
    this.goneReason = null;
    this.stderrTail = '';
    this.stopping = null;
    this.spawned = false;

    const child = utilityProcess.fork(this.options.hostPath, [], {
      serviceName: BACKEND_SERVICE_NAME,
      env: {
        ...process.env,
        FUNNEL_WORKSPACE: this.options.workspacePath,
        FUNNEL_NATIVE_BINDING: this.options.nativeBinding,
        FUNNEL_SECRET_BACKEND: secretBackend(),
      },
      // Piped so a crash can be explained with the backend's last words; still echoed to
      // our own stdout/stderr for `npm run dev` and logs.
      stdio: 'pipe',
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });

    child.on('message', (message: HostReport) => {
      if (message?.type === 'fatal') {
        this.failed = true;
        this.options.onFatal(message.error);
      } else if (message?.type === 'crashed') {
        this.crashMessage = message.message;
      } else if (message?.type === 'secret') {
        child.postMessage(answerSecret(message.op, message.id, message.data));
      }
    });

    child.once('spawn', () => {
      if (this.child !== child) return;
      this.spawned = true;
      // Pages already loaded (a restart, or a fast first load) get their port now; pages
      // still loading get theirs from 'did-finish-load' (a port given now would die with
      // the document being replaced).
      for (const page of this.pages) if (!page.isLoadingMainFrame()) this.connect(page);
    });

    child.on('exit', (code) => {
      if (this.child === child) {
        this.child = null;
        this.spawned = false;
      }
      if (this.stopping || this.failed) return;
      // 'child-process-gone' may arrive just after 'exit': give it a moment.
      setTimeout(() => this.options.onUnexpectedExit(this.describeExit(code)), 150);
    });
  }

  /**
   * Registers a window's web contents; call once per window. It gets a fresh port after
   * every load (a reload destroys the page's old one) and after every backend restart.
   */
  track(contents: WebContents): void {
    if (this.pages.has(contents)) return;
    this.pages.add(contents);
    contents.on('did-finish-load', () => this.connect(contents));
    contents.once('destroyed', () => this.pages.delete(contents));
  }

  private connect(contents: WebContents): void {
    const child = this.child;
    // Not yet spawned: the 'spawn' handler connects every loaded page.
    if (!child || !this.spawned || contents.isDestroyed()) return;
    // The port is the whole data API: only our own page may ever receive one (navigation
    // away is blocked, but this is the boundary that must hold even if that failed).
    if (!isAppUrl(contents.getURL(), this.options.devOrigin)) return;
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ type: 'connect' } satisfies HostCommand, [port1]);
    contents.postMessage('backend-port', null, [port2]);
  }

  /**
   * Asks the backend to close the workspace (checkpointing the WAL) and exit; kills it if
   * it has not after `timeoutMs`.
   */
  stop(timeoutMs = 3000): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    if (this.stopping) return this.stopping;
    this.stopping = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, timeoutMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      try {
        child.postMessage({ type: 'shutdown' } satisfies HostCommand);
      } catch {
        child.kill();
      }
    });
    return this.stopping;
  }

  private describeExit(code: number): string {
    const parts = [this.goneReason ?? `exit code ${code}`];
    const last = this.crashMessage ?? this.stderrTail.trim().split('\n').slice(-8).join('\n');
    if (last) parts.push(last);
    return parts.join('\n\n');
  }
}
