import { useCallback, useRef, useState } from 'react';
import { Anchor, Button, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contract/contract';
import { call } from '../../api/client';
import { usePagedRows } from '../../api/usePagedRows';
import { ListHeading, PagedTableBody } from '../../components/PagedList';
import { type Column, textColumn } from '../../components/VirtualTable';
import fill from '../../components/FillHeight.module.css';
import { hrefOf } from '../../router/route';
import { PersonModal, type PersonTarget } from './PersonModal';

const PAGE_SIZE = 100;

/** Danh bạ: the directory in Vietnamese name order; the server folds diacritics for the search. */
export function PeopleScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Wait for a pause in typing so each keystroke does not start a query.
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [generation, setGeneration] = useState(0);
  const [target, setTarget] = useState<PersonTarget | null>(null);
  const scrollOffset = useRef(0);
  const [restoreOffset, setRestoreOffset] = useState(0);

  const key = JSON.stringify([debounced, generation]);
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('people/list', { query: debounced, offset, limit }),
    [debounced],
  );
  const list = usePagedRows<Person>(key, fetchPage, PAGE_SIZE);
  const onScrollOffset = useCallback((offset: number) => {
    scrollOffset.current = offset;
  }, []);

  function onSaved() {
    setTarget(null);
    // Refetch so the entry shows in its new place, and stay where the clerk was in the list.
    setRestoreOffset(scrollOffset.current);
    setGeneration((g) => g + 1);
  }

  const columns: Column<Person>[] = [
    {
      id: 'fullName',
      header: t('people.column.fullName'),
      width: 'minmax(0, 2fr)',
      // The name opens the person's page; the rest of the row still opens the edit form. The link
      // stops the click so the row's own action does not run as well.
      render: (p) => (
        <Anchor
          href={hrefOf({ name: 'person', id: p.id })}
          fw={500}
          size="sm"
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          aria-label={t('personPage.open', { name: p.fullName })}
          data-testid="person-open"
        >
          {p.fullName}
        </Anchor>
      ),
      title: (p) => p.fullName,
    },
    textColumn('rank', t('people.column.rank'), 'minmax(0, 1fr)', (p) => p.rank),
    textColumn('title', t('people.column.title'), 'minmax(0, 2fr)', (p) => p.title),
    textColumn('unit', t('people.column.unit'), 'minmax(0, 2fr)', (p) => p.unit),
  ];

  return (
    <div className={fill.fill}>
      <ListHeading
        title={t('people.title')}
        total={list.total}
        totalKey="people.total"
        totalTestId="people-total"
        action={
          <Button
            leftSection={<IconUserPlus size={18} />}
            onClick={() => setTarget({ mode: 'new' })}
            data-testid="people-new"
          >
            {t('people.new')}
          </Button>
        }
      />
      <TextInput
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setRestoreOffset(0);
        }}
        maxLength={200}
        maw={420}
        data-testid="people-search"
      />
      <PagedTableBody
        key={key}
        list={list}
        empty={
          <Text c="dimmed" data-testid="people-empty">
            {debounced ? t('people.noMatch', { query: debounced }) : t('people.empty')}
          </Text>
        }
        columns={columns}
        rowKey={(p) => p.id}
        onRowClick={(person) => setTarget({ mode: 'edit', person })}
        rowTestId="person-row"
        scrollTestId="people-scroll"
        label={t('people.title')}
        initialScrollOffset={debounced ? 0 : restoreOffset}
        onScrollOffset={onScrollOffset}
      />
      <PersonModal target={target} onClose={() => setTarget(null)} onSaved={onSaved} />
    </div>
  );
}
