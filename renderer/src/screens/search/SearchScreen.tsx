import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  CloseButton,
  Flex,
  Group,
  List,
  Loader,
  Paper,
  Popover,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBookmarkPlus,
  IconHelpCircle,
  IconInfoCircle,
  IconSearch,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { useMessageText } from '../../api/useMessageText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { formatCount } from '../../format/number';
import { toLanguage } from '../../format/language';
import { navigate, useHash } from '../../router/useRoute';
import { FacetPanel } from './FacetPanel';
import { NarrowingChips } from './NarrowingChips';
import { ResultCard } from './ResultCard';
import { SavedSearchList, SaveSearchModal } from './SavedSearches';
import {
  clearNarrowing,
  isBlank,
  narrow,
  QUERY_MAX,
  readSearchState,
  searchHref,
  type Narrowing,
  type SearchSort,
  type SearchState,
} from './searchState';
import { currentShortcut } from './shortcut';
import { SyntaxHelp } from './SyntaxHelp';
import { useSearch } from './useSearch';
import classes from './search.module.css';

const PAGE_SIZE = 20;
/** Long enough not to search on every keystroke of a word, short enough to feel live. */
const TYPING_DELAY_MS = 250;

/**
 * `#/search`: the full search page. The URL holds the query, order and narrowing (see searchState.ts);
 * the input holds what is being typed and reaches the URL after a short pause or on Enter.
 */
export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const messageText = useMessageText();
  const lang = toLanguage(i18n.language);
  const hash = useHash();
  const state = useMemo(() => readSearchState(hash), [hash]);

  const [text, setText] = useState(state.q);
  // The query the input last agreed with the URL on. When the URL changes from outside (Back, a saved
  // search, the quick search's "see all"), the input follows; while the clerk types it does not.
  const [syncedQ, setSyncedQ] = useState(state.q);
  if (state.q !== syncedQ) {
    setSyncedQ(state.q);
    setText(state.q);
  }

  const go = (next: SearchState, replace: boolean) => navigate(searchHref(next), { replace });
  const commit = (value: string) => {
    if (value === state.q) return;
    setSyncedQ(value);
    // Typing replaces the history entry: Back leaves the search page instead of replaying keystrokes.
    go({ ...state, q: value }, true);
  };
  const commitLater = useDebouncedCallback(commit, TYPING_DELAY_MS);
  const commitNow = (value: string) => {
    commitLater.cancel();
    commit(value);
  };

  const [helpOpened, setHelpOpened] = useState(false);
  const [saveQuery, setSaveQuery] = useState<string | null>(null);
  const saved = useApiQuery('search/saved-list', {});
  const search = useSearch(state, PAGE_SIZE);
  const result = search.result;
  const blank = isBlank(state);

  // Narrowing pushes a history entry, so Back undoes it.
  const onNarrow = (n: Narrowing, value: string | null) => go(narrow(state, n, value), false);
  // A saved search is its query alone: it runs over the whole archive, whatever was narrowed before.
  const runSaved = (query: string) => {
    commitLater.cancel();
    go({ ...clearNarrowing(state), q: query }, false);
  };
  const pickExample = (query: string) => {
    setHelpOpened(false);
    setText(query);
    commitNow(query);
  };

  const input = (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        size="lg"
        aria-label={t('search.inputLabel')}
        placeholder={t('search.placeholder')}
        value={text}
        maxLength={QUERY_MAX}
        autoFocus
        spellCheck={false}
        onChange={(e) => {
          setText(e.currentTarget.value);
          commitLater(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) commitNow(text);
        }}
        leftSection={<IconSearch size={20} />}
        rightSectionPointerEvents="auto"
        rightSection={
          !blank && search.stale && !search.error ? (
            <Loader size="xs" data-testid="search-loading" />
          ) : text ? (
            <CloseButton
              aria-label={t('search.clear')}
              onClick={() => {
                setText('');
                commitNow('');
              }}
              data-testid="search-clear"
            />
          ) : null
        }
        data-testid="search-input"
      />
      <Popover
        opened={helpOpened}
        onChange={setHelpOpened}
        width={600}
        position="bottom-end"
        shadow="md"
        withArrow
      >
        <Popover.Target>
          <Button
            size="lg"
            variant="default"
            leftSection={<IconHelpCircle size={20} />}
            onClick={() => setHelpOpened((o) => !o)}
            data-testid="search-help-toggle"
          >
            {t('search.help.button')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Text fw={600} mb="xs">
            {t('search.help.title')}
          </Text>
          <SyntaxHelp onPick={pickExample} />
        </Popover.Dropdown>
      </Popover>
    </Group>
  );

  let main;
  if (blank) {
    main = (
      <Paper withBorder radius="md" p="lg" data-testid="search-intro">
        <Title order={3} size="h4">
          {t('search.intro.title')}
        </Title>
        <Text c="dimmed" mt={4} mb="md">
          {t('search.intro.description', { shortcut: currentShortcut() })}
        </Text>
        <SyntaxHelp onPick={pickExample} />
      </Paper>
    );
  } else if (search.error) {
    main = <ErrorAlert error={search.error} title={t('errors.loadFailed')} onAction={search.retry} />;
  } else if (!result) {
    main = <LoadingState />;
  } else {
    main = (
      <Stack
        gap="sm"
        className={search.stale ? classes.stale : undefined}
        aria-busy={search.stale}
        data-testid="search-results"
        data-loading={search.stale || undefined}
      >
        {result.message && (
          <Alert
            color="blue"
            variant="light"
            icon={<IconInfoCircle size={20} />}
            data-testid="search-message"
          >
            {messageText(result.message)}
          </Alert>
        )}
        {result.notes.length > 0 && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={20} />}
            title={t('search.notesTitle')}
            data-testid="search-notes"
          >
            <List size="sm" spacing={2}>
              {result.notes.map(messageText).map((note) => (
                <List.Item key={note}>{note}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {result.total === 0 && !result.message && (
          <Paper withBorder radius="md" p="lg" data-testid="search-empty">
            <Text fw={500}>{t('search.noResults', { query: state.q.trim() })}</Text>
            <Text size="sm" c="dimmed" mt={4}>
              {t('search.noResultsHint')}
            </Text>
          </Paper>
        )}
        {search.rows.map((row) => (
          <ResultCard key={row.id} row={row} />
        ))}
        {search.rows.length > 0 && result.total > search.rows.length && (
          <Group justify="space-between" mt="xs">
            <Text size="sm" c="dimmed">
              {t('search.showing', {
                shown: formatCount(search.rows.length, lang),
                total: formatCount(result.total, lang),
              })}
            </Text>
            <Button
              variant="default"
              onClick={search.loadMore}
              loading={search.loadingMore}
              disabled={!search.hasMore}
              data-testid="search-more"
            >
              {t('search.more')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  const total = !blank && result && !search.error ? result.total : null;
  return (
    <Stack gap="md" maw={1280} data-testid="search-screen">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('search.title')}</Title>
        <Button
          variant="light"
          leftSection={<IconBookmarkPlus size={18} />}
          disabled={!text.trim()}
          onClick={() => {
            commitNow(text);
            setSaveQuery(text.trim());
          }}
          data-testid="saved-save"
        >
          {t('search.saved.save')}
        </Button>
      </Group>
      {input}
      {!blank && (
        <Group justify="space-between" align="center" gap="sm" mih={30}>
          <Group gap="sm" align="center">
            <Text fw={600} data-testid="search-total" data-count={total ?? undefined}>
              {total === null ? '\u00a0' : t('search.total', { count: total, n: formatCount(total, lang) })}
            </Text>
            <NarrowingChips
              state={state}
              facets={result?.facets ?? null}
              onRemove={(n) => go(narrow(state, n, null), false)}
              onClear={() => go(clearNarrowing(state), false)}
            />
            {total !== null && total > 0 && state.q.trim() !== '' && (
              // The Lưu trữ USB screen opens on the meetings this query finds (ExportPanel reads ?q=).
              <Anchor size="sm" href={`#/usb?q=${encodeURIComponent(state.q)}`} data-testid="search-export-usb">
                {t('search.exportToUsb')}
              </Anchor>
            )}
          </Group>
          {/* No order to choose among no results (or while the page explains why there are none). */}
          {total !== null && total > 0 && (
            <SegmentedControl
              size="sm"
              value={state.sort}
              onChange={(value) => go({ ...state, sort: value as SearchSort }, true)}
              data={[
                { value: 'relevance', label: t('search.sort.relevance') },
                { value: 'date', label: t('search.sort.date') },
              ]}
              aria-label={t('search.sort.label')}
              data-testid="search-sort"
            />
          )}
        </Group>
      )}
      <Flex gap="xl" align="flex-start" direction={{ base: 'column', md: 'row' }}>
        <Box style={{ flex: 1, minWidth: 0 }} w="100%">
          {main}
        </Box>
        <Stack gap="xl" w={{ base: '100%', md: 290 }} style={{ flexShrink: 0 }}>
          {!blank && result && !search.error && (
            <FacetPanel facets={result.facets} state={state} onNarrow={onNarrow} />
          )}
          <SavedSearchList saved={saved} onRun={runSaved} />
        </Stack>
      </Flex>
      <SaveSearchModal
        query={saveQuery}
        onClose={() => setSaveQuery(null)}
        onSaved={() => {
          setSaveQuery(null);
          saved.reload();
        }}
      />
    </Stack>
  );
}
