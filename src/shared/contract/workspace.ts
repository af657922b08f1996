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

/**
 * The company the workspace belongs to: its name and logo, for the quarterly deck's title
 * slide, footer and corner. Kept in the workspace (not the app), so a copy of the file
 * carries them; null until someone sets them (the deck then names the workspace file).
 */
export interface CompanySettings {
  name: string | null;
  logo: CompanyLogo | null;
}

/** The image types a logo may be, told by the file's first bytes (not its name). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
/** A logo is kept in the workspace and embedded in every deck: 1 MB is ample for one. */
export const MAX_LOGO_BYTES = 1024 * 1024;
export const MAX_COMPANY_NAME = 120;
/** A file's size as the logo's limit is said ("1.1 MB", 1 MB = 1024 × 1024 bytes). */
export const megabytes = (bytes: number): string => `${Number((bytes / MAX_LOGO_BYTES).toFixed(1))} MB`;

export interface CompanyLogo {
  /** The name of the file it came from, to say which logo this is. */
  fileName: string;
  type: LogoType;
  base64: string;
  bytes: number;
  /** Its size in pixels (an SVG's from its width and height or viewBox): the deck keeps this ratio. */
  width: number;
  height: number;
}

export interface BackupDone {
  /** Where the copy was written. */
  path: string;
}

/** The open workspace, a consistent copy of it, its company, and the person's preferences kept in it. */
export const workspaceChannels = {
  'workspace.info': { input: noInput, result: {} as WorkspaceInfo },
  /** A consistent copy (safe while the app runs); by default beside the workspace. */
  'workspace.backup': {
    input: z.object({ out: z.string().min(1).max(4096).optional() }),
    result: {} as BackupDone,
    audience: 'cli',
  },
  'company.get': { input: noInput, result: {} as CompanySettings },
  /**
   * Sets what is given: a name (blank or null clears it) and a logo file (its bytes in
   * base64; null removes it). The logo must be a PNG, JPEG or SVG of at most 1 MB; a
   * refusal names the file and what is wrong with it, and changes nothing.
   */
  'company.set': {
    input: z.object({
      name: z.string().max(MAX_COMPANY_NAME).nullable().optional(),
      logo: z
        .object({
          fileName: z.string().min(1).max(255),
          // Room for files well past the limit, so the backend can say how large they are.
          base64: z.string().max(16 * MAX_LOGO_BYTES),
        })
        .nullable()
        .optional(),
    }),
    result: {} as CompanySettings,
    writes: 'preferences',
    // Nothing but the settings screen and the deck read it, and the deck reads it when made.
    announces: false,
  },
  'preferences.get': { input: noInput, result: {} as Preferences },
  'preferences.set': {
    input: z.object({ language: z.enum(LANGUAGES).optional(), theme: z.enum(THEMES).optional() }),
    result: {} as Preferences,
    writes: 'preferences',
    announces: false,
  },
} as const satisfies Record<string, ChannelSpec>;
