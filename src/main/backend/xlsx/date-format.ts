/**
 * Whether a number format shows its number as a date or time. A workbook stores a date as
 * a plain number (days since its epoch); only the cell's number format says it is one, so
 * a reader that misses a format reads "2026年3月4日" as 46085.
 */

/**
 * Built-in formats a workbook may use by id alone, without writing their code: 14–22 and
 * 45–47 in every locale, and the East-Asian ranges 27–36 and 50–58 that Excel and WPS in
 * Chinese, Japanese and Korean write for their own date formats (`yyyy"年"m"月"d"日"` is 31
 * in zh-CN). ECMA-376 Part 1, 18.8.30 lists them.
 */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * A format code is a date format when one of its sections, after quoted text, escaped
 * characters, colours/conditions/locales in brackets and fill/padding directives are gone,
 * still holds a date or time token (y m d h s, or the elapsed-time `[h]`). `General`, `0.00`,
 * `#,##0 "元"` or `0.00E+00` are numbers.
 */
export function isDateFormat(numFmtId: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATE_IDS.has(numFmtId);
  // Elapsed time ([h]:mm, [mm]:ss) is a time format even though it sits in brackets.
  if (/\[(h+|m+|s+)\]/i.test(code)) return true;
  return code.split(';').some((section) => {
    const bare = section
      .replace(/"[^"]*"/g, '') // quoted literal text: 年, 月, "EST"
      .replace(/\\./g, '') // escaped characters: \m shows an "m"
      .replace(/[_*]./g, '') // padding (_) and fill (*) each take the next character
      .replace(/\[[^\]]*\]/g, ''); // [Red], [$-804], [<45000]
    // `General` and scientific E+ hold none of these letters; AM/PM comes with time tokens.
    return /[ymdhs]/i.test(bare);
  });
}
