import { Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonMatchCell } from '../../components/PersonMatchCell';
import { editEntry, type Update } from './reviewEdits';
import { KeepBox, ListSection } from './ReviewSection';
import type { Item, PersonRole, ReviewPerson, ReviewState } from './reviewState';

const ROLES: PersonRole[] = ['chu_tri', 'dong_chu_tri', 'dai_bieu', 'thu_ky'];

/** The chairs and attendees the report names, each matched against the directory. */
export function ReviewPeople({
  state,
  update,
  peopleProblem,
  onActivate,
}: {
  state: ReviewState;
  update: Update;
  /** A kept person's possible match is not decided yet. */
  peopleProblem: boolean;
  onActivate: (id: string) => void;
}) {
  const { t } = useTranslation();
  const edit = editEntry(update, 'people');
  return (
    <ListSection
      field="person"
      title={t('importer.field.people')}
      items={state.people}
      footer={
        peopleProblem && (
          <Text size="sm" c="red">
            {t('importer.problem.people')}
          </Text>
        )
      }
    >
      <Table.ScrollContainer minWidth={820}>
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('importer.column.keep')}</Table.Th>
              <Table.Th>{t('importer.column.role')}</Table.Th>
              <Table.Th>{t('importer.column.rank')}</Table.Th>
              <Table.Th>{t('importer.column.name')}</Table.Th>
              <Table.Th>{t('importer.column.titles')}</Table.Th>
              <Table.Th>{t('importer.column.match')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.people.map((p, i) => (
              <PersonRow
                key={i}
                item={p}
                onActivate={() => onActivate(`person-${i}`)}
                onChange={(change) => edit(i, change)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ListSection>
  );
}

function PersonRow({
  item,
  onChange,
  onActivate,
}: {
  item: Item<ReviewPerson>;
  onChange: (c: (i: Item<ReviewPerson>) => Item<ReviewPerson>) => void;
  onActivate: () => void;
}) {
  const { t } = useTranslation();
  const p = item.value;
  const set = (patch: Partial<ReviewPerson>) => onChange((x) => ({ ...x, value: { ...x.value, ...patch } }));
  const text = (field: 'rank' | 'name' | 'titles', minWidth: number) => (
    <Table.Td>
      <TextInput
        size="xs"
        miw={minWidth}
        aria-label={t(`importer.column.${field}`)}
        value={p[field]}
        onChange={(e) => set({ [field]: e.currentTarget.value })}
      />
    </Table.Td>
  );
  return (
    <Table.Tr
      data-testid="import-person"
      data-match={p.match.match}
      onClick={onActivate}
      style={{ opacity: item.keep ? 1 : 0.5 }}
    >
      <Table.Td>
        <KeepBox item={item} name={p.name} onKeep={(keep) => onChange((x) => ({ ...x, keep }))} />
      </Table.Td>
      <Table.Td miw={120}>
        <Select
          size="xs"
          aria-label={t('importer.column.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`importer.role.${r}`) }))}
          value={p.role}
          allowDeselect={false}
          onChange={(r) => r && set({ role: r as PersonRole })}
        />
      </Table.Td>
      {text('rank', 110)}
      {text('name', 150)}
      {text('titles', 220)}
      <Table.Td miw={200}>
        <PersonMatchCell
          match={p.match}
          choice={p.choice}
          onChoice={(choice) => set({ choice })}
          choiceTestId="import-person-choice"
        />
      </Table.Td>
    </Table.Tr>
  );
}
