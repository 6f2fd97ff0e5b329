import { useEffect } from 'react';
import { AppShell } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader';
import { Confirmations } from './components/Confirmations';
import { ErrorAlert } from './components/ErrorAlert';
import { NavBar } from './components/NavBar';
import { pageOf, sectionOf, type Route } from './router/route';
import { useHash, useRoute } from './router/useRoute';
import { MeetingFormScreen } from './screens/meetings/MeetingFormScreen';
import { MeetingsScreen } from './screens/meetings/MeetingsScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { MergeScreen } from './screens/usb/MergeScreen';
import { PeopleScreen } from './screens/people/PeopleScreen';
import { PersonScreen } from './screens/people/PersonScreen';
import { QuickSearch } from './screens/search/QuickSearch';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { SearchScreen } from './screens/search/SearchScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { FirstRunGate } from './screens/setup/FirstRunGate';
import { TasksScreen } from './screens/tasks/TasksScreen';
import { TrashScreen } from './screens/trash/TrashScreen';
import { UsbScreen } from './screens/usb/UsbScreen';
import { useSettings } from './settings/settingsContext';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'meetings':
      return <MeetingsScreen />;
    case 'meetingNew':
      return <MeetingFormScreen key="new" id={null} />;
    case 'meeting':
      // Keyed by id: another meeting is a fresh form, never the previous one's leftover state.
      return <MeetingFormScreen key={route.id} id={route.id} />;
    case 'people':
      return <PeopleScreen />;
    case 'person':
      return <PersonScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'search':
      return <SearchScreen />;
    case 'tasks':
      return <TasksScreen />;
    case 'trash':
      return <TrashScreen />;
    case 'import':
      return <ImportScreen />;
    case 'usbMerge':
      return <MergeScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'usb':
      return <UsbScreen />;
    case 'notFound':
      return <NotFoundScreen path={route.path} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const page = pageOf(useHash());
  // Another page opens at its top: a saved new meeting becomes its record, a link is followed, and the
  // window is not left scrolled down where the form's Lưu was (the query part alone changes nothing).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [page]);
  const [navOpened, nav] = useDisclosure(false);
  const { languageError, dismissLanguageError } = useSettings();
  const [quickOpened, quick] = useDisclosure(false);
  // Registered once for the whole app, and also while typing in a field (the empty ignore list): the
  // clerk reaches for Ctrl+K (⌘K on a Mac) wherever the cursor is. Physical keys, so it works whatever
  // keyboard layout or Vietnamese input method is active.
  useHotkeys([['mod+K', quick.open, { usePhysicalKeys: true }]], [], true);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} onQuickSearch={quick.open} />
      </AppShell.Header>
      <AppShell.Navbar>
        <NavBar active={sectionOf(route)} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        {languageError && (
          <ErrorAlert error={languageError} title={t('language.saveFailed')} onClose={dismissLanguageError} />
        )}
        <Screen route={route} />
      </AppShell.Main>
      <QuickSearch opened={quickOpened} onClose={quick.close} />
      <Confirmations />
      <FirstRunGate />
    </AppShell>
  );
}
