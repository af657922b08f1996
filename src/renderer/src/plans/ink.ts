import type { CSSProperties } from 'react';
import classes from './Plans.module.css';

/** Props that give a light or outline badge of `color` readable text (see Plans.module.css, `.ink`). */
export const ink = (color: string): { className: string; style: CSSProperties } => ({
  className: classes.ink!,
  // The 9th shade alone is 4:1 on green's tint; darkened by a third it passes 4.5:1 on every tint.
  style: { '--badge-ink': `color-mix(in srgb, var(--mantine-color-${color}-9) 65%, black)` } as CSSProperties,
});
