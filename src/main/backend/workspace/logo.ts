import { Resvg } from '@resvg/resvg-js';
import { MAX_LOGO_BYTES, megabytes, type CompanyLogo, type LogoType } from '@shared/contract';
import { msg, type MessageRef } from '@shared/messages';
import { WorkbenchError } from '@shared/result';

/**
 * A logo file checked before it is kept: PNG, JPEG or SVG told by its first bytes (a
 * renamed GIF is refused whatever its name says), at most 1 MB, whole enough to read its
 * size in pixels, which the deck needs to keep the logo's proportions. Every refusal names
 * the file and what is wrong with it.
 */
export function readLogo(fileName: string, base64: string): CompanyLogo {
  const file = fileName.replace(/^.*[\\/]/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1)
    throw refused(msg('logo_not_base64', { file }));
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw refused(msg('logo_empty', { file }));
  if (bytes.length > MAX_LOGO_BYTES)
    throw refused(
      msg('logo_too_large', { file, size: megabytes(bytes.length), max: megabytes(MAX_LOGO_BYTES) }),
    );
  const type = sniff(bytes);
  if (!type) throw refused(msg('logo_type', { file, start: firstBytes(bytes) }));
  const size = pixelSize(type, bytes);
  if ('reason' in size)
    throw refused(msg('logo_unreadable', { file, type: TYPE_NAME[type], reason: size.reason }));
  return { fileName: file, type, base64: bytes.toString('base64'), bytes: bytes.length, ...size };
}

const TYPE_NAME: Record<LogoType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/svg+xml': 'SVG',
};

const refused = (say: MessageRef) => new WorkbenchError('invalid_input', say);

/** The first bytes in hex, and as text when they are printable ("47 49 46 38 39 61 "GIF89a""). */
function firstBytes(bytes: Buffer): string {
  const head = bytes.subarray(0, 8);
  const hex = [...head].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
  const text = head.toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? `${hex} “${text}”` : hex;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function sniff(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return svgRoot(bytes) ? 'image/svg+xml' : null;
}

/**
 * Whether the file is XML text whose first element is <svg>: what may come before it is a
 * byte order mark, white space, the XML declaration, comments and a DOCTYPE.
 */
function svgRoot(bytes: Buffer): boolean {
  // Long enough for an editor's comments and a DOCTYPE with entities before the root.
  let text = bytes.subarray(0, 64 * 1024).toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const prolog = /^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;
  const rest = text.replace(prolog, '');
  return /^<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]/.test(rest);
}

type Size = { width: number; height: number } | { reason: MessageRef };

function pixelSize(type: LogoType, bytes: Buffer): Size {
  switch (type) {
    case 'image/png':
      return pngSize(bytes);
    case 'image/jpeg':
      return jpegSize(bytes);
    case 'image/svg+xml':
      return svgSize(bytes);
  }
}

const TRUNCATED = msg('logo_truncated');
const ZERO = msg('logo_zero_size');

/** The IHDR chunk comes first and gives the size; the IEND chunk ends a whole file. */
function pngSize(bytes: Buffer): Size {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return { reason: TRUNCATED };
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) return { reason: ZERO };
  const end = bytes.lastIndexOf('IEND', undefined, 'latin1');
  if (end < 0 || end < bytes.length - 64) return { reason: TRUNCATED };
  return { width, height };
}

/**
 * The size is in the first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC, which
 * share the range); a whole file ends with the end-of-image marker (a few bytes of padding
 * after it are common and harmless).
 */
function jpegSize(bytes: Buffer): Size {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { reason: msg('logo_segments_broken') };
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // the image data begins before any frame
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return { reason: TRUNCATED };
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      if (width === 0 || height === 0) return { reason: ZERO };
      const tail = bytes.subarray(Math.max(0, bytes.length - 64));
      if (tail.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) return { reason: TRUNCATED };
      return { width, height };
    }
    at += 2 + length;
  }
  return { reason: at + 4 > bytes.length ? TRUNCATED : msg('logo_no_size') };
}

/** resvg reads the SVG as the deck will draw it: its size from width and height, else the viewBox. */
function svgSize(bytes: Buffer): Size {
  try {
    const svg = new Resvg(bytes);
    const width = Math.round(svg.width);
    const height = Math.round(svg.height);
    if (!(width > 0 && height > 0)) return { reason: ZERO };
    return { width, height };
  } catch (e) {
    // resvg: "SVG data parsing failed cause expected 'rect' tag, not 'svg' at 1:12".
    const detail = (e instanceof Error ? e.message : String(e)).replace(
      /^SVG data parsing failed cause /,
      '',
    );
    return { reason: msg('logo_svg_invalid', { detail }) };
  }
}

/**
 * The logo as a picture the deck embeds: PNG and JPEG as they are; an SVG drawn as a PNG
 * `pixels` wide (or high, if taller than wide), since PowerPoint before 2016, LibreOffice
 * and the previews of most viewers only show the bitmap an SVG picture carries beside it.
 */
export function logoPicture(
  logo: CompanyLogo,
  pixels = 1200,
): { type: 'image/png' | 'image/jpeg'; base64: string } {
  if (logo.type !== 'image/svg+xml') return { type: logo.type, base64: logo.base64 };
  const fitTo =
    logo.width >= logo.height
      ? ({ mode: 'width', value: pixels } as const)
      : ({ mode: 'height', value: pixels } as const);
  const png = new Resvg(Buffer.from(logo.base64, 'base64'), { fitTo, background: 'rgba(0,0,0,0)' })
    .render()
    .asPng();
  return { type: 'image/png', base64: Buffer.from(png).toString('base64') };
}
