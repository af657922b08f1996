import { z } from 'zod';

/** Shapes several areas share. */

/** The longest deal id the workspace accepts (imports refuse longer ones, so every deal can be opened). */
export const MAX_ID_LENGTH = 1000;

export const dealId = z.string().min(1).max(MAX_ID_LENGTH);
export const text = z.string().max(10_000);
export const noInput = z.object({});
