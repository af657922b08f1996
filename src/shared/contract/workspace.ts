import { z } from 'zod';
import { noInput } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';

export interface WorkspaceInfo {
  path: string;
  isDemo: boolean;
  currency: string;
  dealCount: number;
  /** The instant the workspace treats as "now" (a demo built for a fixed day keeps that day). */
  now: string;
  schemaVersion: string;
}

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Preferences {
  /** null until the person chooses: the UI then follows the system language. */
  language: Language | null;
  theme: Theme | null;
}

export interface BackupDone {
  /** Where the copy was written. */
  path: string;
}

/** The open workspace, a consistent copy of it, and the person's preferences kept in it. */
export const workspaceChannels = {
  'workspace.info': { input: noInput, result: {} as WorkspaceInfo },
  /** A consistent copy (safe while the app runs); by default beside the workspace. */
  'workspace.backup': {
    input: z.object({ out: z.string().min(1).max(4096).optional() }),
    result: {} as BackupDone,
    audience: 'cli',
  },
  'preferences.get': { input: noInput, result: {} as Preferences },
  'preferences.set': {
    input: z.object({ language: z.enum(LANGUAGES).optional(), theme: z.enum(THEMES).optional() }),
    result: {} as Preferences,
    writes: 'preferences',
    announces: false,
  },
} as const satisfies Record<string, ChannelSpec>;
