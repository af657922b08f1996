import { createTheme } from '@mantine/core';

/**
 * System fonts with the Chinese faces each platform ships, so zh-CN never falls back
 * to a mismatched serif face (no web fonts: the CSP and offline use both argue against).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontWeight: '650' },
});
