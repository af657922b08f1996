import type { CompanyLogo } from '@shared/contract';
import { logoPicture } from '../../workspace/logo';

/** The company's logo as the deck places it: a bitmap and the proportions to keep. */
export interface DeckLogo {
  /** pptxgenjs' pre-encoded form: `image/png;base64,…`. */
  data: string;
  /** Width over height. */
  aspect: number;
  fileName: string;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where the logo may go, in inches on the 13.333 × 7.5 slide. On the title slide: right of
 * the company's name and the scope lines (which then wrap before it), below the title's
 * rule, so it never touches the title. On every slide (the master): the bottom right
 * corner between the footer line and the slide number.
 */
export const TITLE_LOGO: Box = { x: 9.533, y: 2.2, w: 3.3, h: 2.2 };
export const CORNER_LOGO: Box = { x: 10.9, y: 6.93, w: 1.15, h: 0.45 };

export function deckLogo(logo: CompanyLogo | null): DeckLogo | null {
  if (!logo) return null;
  const picture = logoPicture(logo);
  return {
    data: `${picture.type};base64,${picture.base64}`,
    aspect: logo.width / logo.height,
    fileName: logo.fileName,
  };
}

/**
 * The largest box of the logo's proportions inside `box`: as wide as the box when the logo
 * is the wider of the two, else as high; against the box's right edge (towards the slide's
 * edge), centred in height.
 */
export function fitLogo(aspect: number, box: Box): Box {
  const w = Math.min(box.w, box.h * aspect);
  const h = w / aspect;
  return { x: box.x + box.w - w, y: box.y + (box.h - h) / 2, w, h };
}
