import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { EAST_ASIAN_FONT } from './theme';

/**
 * Declares the East Asian font where pptxgenjs leaves it empty: the theme's major and
 * minor `<a:ea>` (every text run without its own face inherits them) and each chart's
 * text properties (pptxgenjs writes only `<a:latin>` there). Without it, PowerPoint and
 * LibreOffice pick whatever CJK font they find first, or none, and Chinese stage names
 * and labels may come out as boxes.
 */
export function declareEastAsianFont(pptx: Uint8Array): Buffer {
  const files = unzipSync(pptx);
  for (const [name, bytes] of Object.entries(files)) {
    if (name.startsWith('ppt/theme/') && name.endsWith('.xml')) {
      files[name] = strToU8(
        strFromU8(bytes)
          .replaceAll('<a:ea typeface=""/>', `<a:ea typeface="${EAST_ASIAN_FONT}"/>`)
          .replace(
            /<a:font script="Hans" typeface="[^"]*"\/>/g,
            `<a:font script="Hans" typeface="${EAST_ASIAN_FONT}"/>`,
          ),
      );
    } else if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) {
      files[name] = strToU8(
        strFromU8(bytes).replace(
          /(<a:latin typeface="[^"]*"\/>)(?!\s*<a:ea)/g,
          `$1<a:ea typeface="${EAST_ASIAN_FONT}"/>`,
        ),
      );
    }
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}
