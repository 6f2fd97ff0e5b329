import { useMemo, useState } from 'react';
import { Badge, Box, Group, Loader, Modal, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useMessageText } from '../../api/useMessageText';
import { formatIsoDate } from '../../format/date';
import { formatCount } from '../../format/number';
import { toLanguage } from '../../format/language';
import { hrefOf } from '../../router/route';
import { navigate } from '../../router/useRoute';
import { moveSelection, QUICK_LIMIT, quickItems, type QuickItem } from './quickSearch';
import { EMPTY_SEARCH, QUERY_MAX, searchHref, toRequest } from './searchState';
import { SnippetText } from './SnippetText';
import { useSearch } from './useSearch';
import classes from './search.module.css';

/** Shorter than the search page's pause: the palette shows only a handful of rows. */
const TYPING_DELAY_MS = 150;

interface Props {
  opened: boolean;
  onClose: () => void;
}

/**
 * Ctrl+K (⌘K) from any screen: type, see the top meetings live, arrows to choose, Enter to open, Esc to
 * close. The body mounts per opening, so each opening starts with an empty box.
 */
export function QuickSearch({ opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onClose} size={680} yOffset="8dvh">
      <Modal.Overlay />
      <Modal.Content data-testid="quick-search">
        <VisuallyHidden>
          <Modal.Title>{t('quickSearch.title')}</Modal.Title>
        </VisuallyHidden>
        <Modal.Body p={0}>{opened && <QuickSearchBody onClose={onClose} />}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

function QuickSearchBody({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const messageText = useMessageText();
  const lang = toLanguage(i18n.language);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const setQueryLater = useDebouncedCallback(setQuery, TYPING_DELAY_MS);
  const state = useMemo(() => ({ ...EMPTY_SEARCH, q: query }), [query]);
  const search = useSearch(state, QUICK_LIMIT);
  const [selected, setSelected] = useState(0);

  const typed = text.trim();
  // Rows of an older query stay listed while the new ones load, but never under an empty box.
  const rows = typed ? search.rows : [];
  const items = quickItems(rows, text);
  const current = !search.stale && query === text;
  const total = current && search.result ? search.result.total : null;

  const open = (item: QuickItem) => {
    onClose();
    navigate(item.href);
  };

  async function enter() {
    if (!typed) return;
    const item = items[Math.min(selected, items.length - 1)];
    if (item && (current || item.kind === 'all')) {
      open(item);
      return;
    }
    // Enter came before the results of what is typed now: open that query's top hit, or the full page.
    setQueryLater.cancel();
    const top = await call('search/query', toRequest({ ...EMPTY_SEARCH, q: text }, 0, 1)).catch(() => null);
    const id = top?.rows[0]?.id;
    onClose();
    navigate(id ? hrefOf({ name: 'meeting', id }) : searchHref({ q: typed }));
  }

  const optionId = (i: number) => `quick-search-option-${i}`;
  return (
    <Box>
      <TextInput
        size="lg"
        variant="unstyled"
        px="md"
        py={4}
        value={text}
        maxLength={QUERY_MAX}
        placeholder={t('quickSearch.placeholder')}
        aria-label={t('quickSearch.title')}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="quick-search-list"
        aria-activedescendant={items.length ? optionId(Math.min(selected, items.length - 1)) : undefined}
        data-autofocus
        spellCheck={false}
        leftSection={<IconSearch size={20} />}
        rightSection={typed && !current ? <Loader size="xs" /> : null}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setSelected(0);
          setQueryLater(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setSelected((s) => moveSelection(s, e.key === 'ArrowDown' ? 1 : -1, items.length));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void enter();
          }
        }}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        data-testid="quick-search-input"
      />
      {/* A plain scrolling box: Mantine's ScrollArea lays its content out as a table, which would widen
          the list to the longest title instead of truncating it. */}
      <Box
        p="xs"
        mah="62dvh"
        style={{ overflowY: 'auto' }}
        id="quick-search-list"
        role="listbox"
        aria-label={t('quickSearch.title')}
      >
        {!typed && (
          <Text size="sm" c="dimmed" px="sm" py="xs">
            {t('quickSearch.hint')}
          </Text>
        )}
        {typed && current && search.result?.message && (
          <Text size="sm" c="dimmed" px="sm" py="xs" data-testid="quick-search-message">
            {messageText(search.result.message)}
          </Text>
        )}
        {typed && current && search.result && !search.result.message && search.result.total === 0 && (
          <Text size="sm" c="dimmed" px="sm" py="xs" data-testid="quick-search-empty">
            {t('quickSearch.noResults')}
          </Text>
        )}
        {items.map((item, i) => {
          const row = item.kind === 'meeting' ? rows[i] : undefined;
          const isSelected = i === Math.min(selected, items.length - 1);
          return (
            <a
              key={item.kind === 'meeting' ? item.id : 'all'}
              id={optionId(i)}
              href={item.href}
              role="option"
              aria-selected={isSelected}
              className={classes.quickItem}
              data-selected={isSelected || undefined}
              // Keep the keyboard's choice in view when the list scrolls.
              ref={isSelected ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
              onMouseMove={() => setSelected(i)}
              onClick={(e) => {
                e.preventDefault();
                open(item);
              }}
              data-testid="quick-search-item"
              data-id={item.kind === 'meeting' ? item.id : undefined}
              data-all={item.kind === 'all' || undefined}
            >
              {row ? (
                <>
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Text fw={600} size="sm" truncate title={row.title} data-testid="quick-search-title">
                      <SnippetText html={row.titleHtml} />
                    </Text>
                    <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                      <Badge variant="light" size="xs">
                        {row.kind}
                      </Badge>
                      <Text size="xs" c="dimmed" fs={row.date ? undefined : 'italic'}>
                        {row.date ? formatIsoDate(row.date) : t('search.noDate')}
                      </Text>
                    </Group>
                  </Group>
                  <Text size="xs" c="dark.4" lineClamp={2} mt={2} lh={1.5}>
                    <SnippetText html={row.snippet.html} />
                  </Text>
                </>
              ) : (
                <Group gap={6} wrap="nowrap" c="blue.8">
                  <IconArrowRight size={16} />
                  <Text size="sm" fw={500}>
                    {total !== null && total > 0
                      ? t('quickSearch.seeAllCount', { n: formatCount(total, lang) })
                      : t('quickSearch.seeAll')}
                  </Text>
                </Group>
              )}
            </a>
          );
        })}
      </Box>
      <Text
        size="xs"
        c="dimmed"
        px="md"
        py={6}
        style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      >
        {t('quickSearch.keys')}
      </Text>
    </Box>
  );
}
