import { Burger, Button, Group, Kbd, Text, Title } from '@mantine/core';
import { IconArchive, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/useApiQuery';
import { currentShortcut } from '../screens/search/shortcut';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  navOpened: boolean;
  onToggleNav: () => void;
  /** Opens the quick search (the same as Ctrl+K / ⌘K). */
  onQuickSearch: () => void;
}

/**
 * App name, which archive file is open (clerks may keep several), the quick search (with its shortcut
 * written on it, so clerks learn it) and the language switch.
 */
export function AppHeader({ navOpened, onToggleNav, onQuickSearch }: Props) {
  const { t } = useTranslation();
  const info = useApiQuery('app/info', {});
  const file = info.data?.archiveFile;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('app.toggleNav')}
        />
        <IconArchive size={26} stroke={1.6} color="var(--mantine-color-blue-7)" aria-hidden />
        <Title order={1} size="h3" style={{ whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Title>
        {file && (
          <Text
            size="xs"
            c="dimmed"
            truncate="start"
            title={file}
            miw={0}
            visibleFrom="sm"
            data-testid="archive-file"
          >
            {t('app.archiveFile')}: {file}
          </Text>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Button
          variant="default"
          c="dimmed"
          fw={400}
          leftSection={<IconSearch size={16} />}
          rightSection={
            <Kbd size="xs" visibleFrom="sm">
              {currentShortcut()}
            </Kbd>
          }
          onClick={onQuickSearch}
          aria-keyshortcuts="Control+K Meta+K"
          data-testid="quick-search-open"
        >
          {t('quickSearch.open')}
        </Button>
        <LanguageSwitch testId="lang-switch" />
      </Group>
    </Group>
  );
}
