import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconLanguage, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language, Theme } from '@shared/contract';

/**
 * Two languages, so the switch is one button naming the *other* language in that
 * language ("English" / "中文"): a person who cannot read the current one still finds it.
 */
const OTHER: Record<Language, { to: Language; label: string }> = {
  'zh-CN': { to: 'en', label: 'English' },
  en: { to: 'zh-CN', label: '中文' },
};

export function LanguageSwitch({
  language,
  onChange,
}: {
  language: Language;
  onChange: (l: Language) => void;
}) {
  const { t } = useTranslation();
  const other = OTHER[language];
  return (
    <Tooltip label={t('header.language')}>
      <Button
        variant="default"
        leftSection={<IconLanguage size={16} aria-hidden />}
        onClick={() => onChange(other.to)}
        lang={other.to}
        aria-label={`${t('header.language')}: ${other.label}`}
        data-testid="language-switch"
        data-language={language}
      >
        {other.label}
      </Button>
    </Tooltip>
  );
}

export function ThemeSwitch({ theme, onChange }: { theme: Theme; onChange: (th: Theme) => void }) {
  const { t } = useTranslation();
  const dark = theme === 'dark';
  return (
    <Tooltip label={`${t('header.theme')}: ${dark ? t('header.themeDark') : t('header.themeLight')}`}>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => onChange(dark ? 'light' : 'dark')}
        // A toggle: "Dark" pressed or not, so assistive tech reads the state, not just an icon.
        aria-label={t('header.themeDark')}
        aria-pressed={dark}
        data-testid="theme-switch"
        data-theme={theme}
      >
        {dark ? <IconMoon size={18} aria-hidden /> : <IconSun size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
