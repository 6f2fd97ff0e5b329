import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/vi';
// Only the Vietnamese and Latin subsets: together they cover every Vietnamese letter and tone mark, and
// the files ship with the app (the CSP allows no remote fonts, and the office PCs are offline).
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-500.css';
import '@fontsource/be-vietnam-pro/latin-500.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/tiptap/styles.css';
import '@mantine/notifications/styles.css';
import './i18n';
import { App } from './App';
import notificationsClasses from './components/Notifications.module.css';
import { toLanguage } from './format/language';
import { SettingsProvider } from './settings/SettingsProvider';
import { LockGuard } from './screens/lock/LockGuard';
import { localizedTheme } from './theme';

/** Calendars follow the UI language: Vietnamese month and weekday names, weeks starting on Monday. */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: toLanguage(i18n.language), firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/** Mantine's own buttons (the password eye, a dialog's ×) labelled in the UI's language. */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(
    () => localizedTheme({ showPassword: t('app.showPassword'), close: t('app.close'), removeItem: t('app.removeItem') }),
    [t],
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Top centre, under the 60 px header, between a screen's title and its buttons: the sticky save
          bars sit at the bottom, and a confirmation must never cover the button the clerk reaches next. */}
      <Notifications position="top-center" limit={3} containerWidth={380} classNames={{ root: notificationsClasses.root }} />
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <LocalizedMantine>
      <LocalizedDates>
        {/* Above the settings: they cannot be read while the app is locked. */}
        <LockGuard>
          <SettingsProvider>
            <App />
          </SettingsProvider>
        </LockGuard>
      </LocalizedDates>
    </LocalizedMantine>
  </StrictMode>,
);
