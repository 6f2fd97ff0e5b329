import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Center, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../contract/contract';
import type { ErrorPayload } from '../../../contract/errors';
import { call, toErrorPayload } from '../api/client';
import { useApiQuery } from '../api/useApiQuery';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import type { Language } from '../format/language';
import { SettingsContext, type SettingsContextValue, type SettingsPatchInput } from './settingsContext';

/**
 * Loads the archive's settings before anything else: the UI language and the meeting kinds come from
 * there. If the archive cannot be read at all, the clerk sees why and can retry.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const query = useApiQuery('settings/get', {});
  // Settings as last stored by this window; takes over from the initial load after the first save.
  const [latest, setLatest] = useState<Settings | null>(null);
  const [languageError, setLanguageError] = useState<ErrorPayload | null>(null);
  const settings = latest ?? query.data;
  const language = settings?.language;

  useEffect(() => {
    if (!language) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  const save = useCallback(async (patch: SettingsPatchInput) => {
    const stored = await call('settings/update', patch);
    setLatest(stored);
    return stored;
  }, []);

  const setLanguage = useCallback(
    (next: Language) => {
      if (!settings || next === settings.language) return;
      const previous = settings.language;
      // Switch first so the clerk sees the change at once; storing it follows.
      setLatest({ ...settings, language: next });
      setLanguageError(null);
      call('settings/update', { language: next }).then(
        (stored) => setLatest((cur) => ({ ...(cur ?? stored), language: stored.language })),
        (e: unknown) => {
          setLatest((cur) => (cur ? { ...cur, language: previous } : cur));
          setLanguageError(toErrorPayload(e));
        },
      );
    },
    [settings],
  );

  const dismissLanguageError = useCallback(() => setLanguageError(null), []);

  const value = useMemo<SettingsContextValue | null>(
    () => (settings ? { settings, save, setLanguage, languageError, dismissLanguageError } : null),
    [settings, save, setLanguage, languageError, dismissLanguageError],
  );

  if (query.error && !latest) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={query.error} title={t('app.startupFailed')} onAction={query.reload} />
      </Container>
    );
  }
  if (!value) {
    return (
      <Center h="100dvh">
        <LoadingState />
      </Center>
    );
  }
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
