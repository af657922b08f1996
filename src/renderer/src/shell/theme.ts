import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * System fonts with the Chinese faces each platform ships, so zh-CN never falls back
 * to a mismatched serif face (no web fonts: the CSP and offline use both argue against).
 * Latin faces come first: a CJK face earlier in the list would also draw the Latin
 * punctuation it covers (’ “ ” …), full-width, so "junior’s" read "junior’ s"; Chinese
 * characters, which the Latin faces lack, still fall through to the Chinese faces.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 (not Mantine's default 6): white text on filled buttons then meets WCAG AA
  // contrast (5.0:1 instead of 3.5:1) in both themes.
  primaryShade: { light: 8, dark: 8 },
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
  headings: { fontWeight: '650' },
  components: {
    // Alert titles take the alert colour, which on the light tint falls below AA contrast
    // (yellow: 2.7:1); the icon carries the colour, the title reads in body text colour.
    Alert: Alert.extend({ classNames: { title: 'funnel-alert-title' } }),
  },
});

/**
 * Mantine's default "dimmed" and placeholder greys fall below WCAG AA contrast (3.3:1 on
 * white, 4.0:1 on the dark body). These keep the quiet look at ≥ 4.6:1 on every surface
 * they appear on (body, inputs, striped rows).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#6b7178',
    '--mantine-color-placeholder': '#6b7178',
    // The active navigation entry's text, readable on its tint also while hovered
    // (Mantine's blue-9 on the hovered tint is 4.0:1; this is 7:1).
    '--funnel-nav-active': '#0c3a66',
  },
  dark: {
    '--mantine-color-dimmed': '#a0a0a0',
    '--mantine-color-placeholder': '#a0a0a0',
    '--funnel-nav-active': 'var(--mantine-color-blue-1)',
  },
});
