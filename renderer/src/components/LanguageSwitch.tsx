import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../settings/settingsContext';
import { toLanguage } from '../format/language';

/** Tiếng Việt / English, switched at once and stored in the archive's settings. */
export function LanguageSwitch({ testId, size = 'xs' }: { testId: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { settings, setLanguage } = useSettings();
  return (
    <SegmentedControl
      size={size}
      value={settings.language}
      onChange={(value) => setLanguage(toLanguage(value))}
      data={[
        { value: 'vi', label: t('language.vi') },
        { value: 'en', label: t('language.en') },
      ]}
      aria-label={t('language.label')}
      data-testid={testId}
    />
  );
}
