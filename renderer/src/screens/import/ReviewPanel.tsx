import type { ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../contract/importContract';
import { hrefOf } from '../../router/route';
import { FIELD_COLORS } from './SourceView';
import {
  problemsOf,
  type FieldKey,
  type Item,
  type PersonRole,
  type ReviewPerson,
  type ReviewState,
} from './reviewState';

type Update = (change: (s: ReviewState) => ReviewState) => void;

const ROLES: PersonRole[] = ['chu_tri', 'dong_chu_tri', 'dai_bieu', 'thu_ky'];

/** Replaces item `i` of a list with `change(item)`. */
const at = <T,>(list: Item<T>[], i: number, change: (it: Item<T>) => Item<T>) =>
  list.map((x, j) => (j === i ? change(x) : x));

function Swatch({ field }: { field: FieldKey }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 2,
        background: FIELD_COLORS[field],
        marginRight: 6,
      }}
    />
  );
}

function Section({ field, title, children }: { field: FieldKey; title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text fw={600}>
        <Swatch field={field} />
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The draft beside its source: every field can be kept, corrected or discarded, then saved. */
export function ReviewPanel({
  preview,
  state,
  update,
  kinds,
  onActivate,
  onSave,
  onBack,
  busy,
}: {
  preview: ImportPreview;
  state: ReviewState;
  update: Update;
  kinds: readonly string[];
  onActivate: (id: string) => void;
  onSave: () => void;
  onBack: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const problems = problemsOf(state);
  const blocked = problems.length > 0 || (preview.duplicate !== null && !state.allowDuplicate);
  const date = preview.draft.date;
  const keepBox = (it: Item<unknown>, set: (keep: boolean) => void, label: string) => (
    <Checkbox aria-label={label} checked={it.keep} onChange={(e) => set(e.currentTarget.checked)} />
  );

  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="md">
        <Title order={4}>{t('importer.draft')}</Title>
        {preview.duplicate && (
          <Alert color="orange" data-testid="import-duplicate">
            <Stack gap={6}>
              <Text size="sm">
                {t('importer.duplicate', {
                  title: preview.duplicate.title,
                  reason: t(`importer.duplicateReason.${preview.duplicate.reason}`),
                })}
              </Text>
              <Group>
                <Anchor href={hrefOf({ name: 'meeting', id: preview.duplicate.id })} size="sm">
                  {t('importer.openDuplicate')}
                </Anchor>
                <Checkbox
                  label={t('importer.allowDuplicate')}
                  checked={state.allowDuplicate}
                  onChange={(e) => {
                    const v = e.currentTarget.checked;
                    update((s) => ({ ...s, allowDuplicate: v }));
                  }}
                />
              </Group>
            </Stack>
          </Alert>
        )}
        <Section field="title" title={t('importer.field.title')}>
          <TextInput
            aria-label={t('importer.field.title')}
            value={state.title.value}
            onFocus={() => onActivate('title')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((s) => ({ ...s, title: { ...s.title, value: v, keep: true } }));
            }}
            error={problems.includes('title') ? t('importer.problem.title') : undefined}
            data-testid="import-title"
          />
        </Section>
        <Group grow align="flex-start">
          <Select
            label={t('importer.field.kind')}
            data={kinds.map((k) => ({ value: k, label: k }))}
            value={state.kind || null}
            allowDeselect={false}
            onChange={(k) => k && update((s) => ({ ...s, kind: k }))}
            data-testid="import-kind"
          />
          <TextInput
            label={
              <>
                <Swatch field="date" />
                {t('importer.field.date')}
              </>
            }
            value={state.date.value}
            onFocus={() => onActivate('date')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((s) => ({ ...s, date: { ...s.date, value: v, keep: true } }));
            }}
            description={
              date && !date.value ? t('importer.noYear', { day: date.day, month: date.month }) : undefined
            }
            error={problems.includes('date') ? t('importer.problem.date') : undefined}
            data-testid="import-date"
          />
          <TextInput
            label={t('importer.field.startTime')}
            value={state.startTime}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((s) => ({ ...s, startTime: v }));
            }}
            error={problems.includes('time') ? t('importer.problem.time') : undefined}
            maw={140}
            data-testid="import-time"
          />
        </Group>
        {(['location', 'byline'] as const).map((f) => (
          <Group key={f} align="flex-end" gap="xs" wrap="nowrap">
            {keepBox(
              state[f],
              (keep) => update((s) => ({ ...s, [f]: { ...s[f], keep } })),
              `${t('importer.keep')}: ${t(`importer.field.${f}`)}`,
            )}
            <TextInput
              style={{ flex: 1 }}
              label={
                <>
                  <Swatch field={f} />
                  {t(`importer.field.${f}`)}
                </>
              }
              value={state[f].value}
              disabled={!state[f].keep}
              onFocus={() => onActivate(f)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((s) => ({ ...s, [f]: { ...s[f], value: v } }));
              }}
              data-testid={`import-${f}`}
            />
          </Group>
        ))}

        <Section
          field="person"
          title={`${t('importer.field.people')} (${state.people.filter((p) => p.keep).length})`}
        >
          {state.people.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('importer.none')}
            </Text>
          ) : (
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
                      onChange={(change) => update((s) => ({ ...s, people: at(s.people, i, change) }))}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {problems.includes('people') && (
            <Text size="sm" c="red">
              {t('importer.problem.people')}
            </Text>
          )}
        </Section>

        <Section
          field="caption"
          title={`${t('importer.field.captions')} (${state.captions.filter((c) => c.keep).length})`}
        >
          {state.captions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('importer.none')}
            </Text>
          )}
          {state.captions.map((c, i) => (
            <Group key={i} gap="xs" wrap="nowrap" data-testid="import-caption">
              {keepBox(
                c,
                (keep) => update((s) => ({ ...s, captions: at(s.captions, i, (x) => ({ ...x, keep })) })),
                `${t('importer.keep')}: ${c.value.text}`,
              )}
              {c.value.image !== null && (
                <Badge variant="light">{t('importer.picture', { n: c.value.image + 1 })}</Badge>
              )}
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('importer.field.captions')}
                value={c.value.text}
                disabled={!c.keep}
                onFocus={() => onActivate(`caption-${i}`)}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((s) => ({
                    ...s,
                    captions: at(s.captions, i, (x) => ({ ...x, value: { ...x.value, text: v } })),
                  }));
                }}
              />
            </Group>
          ))}
        </Section>

        <Section
          field="document"
          title={`${t('importer.field.documents')} (${state.documents.filter((d) => d.keep).length})`}
        >
          {state.documents.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('importer.none')}
            </Text>
          )}
          {state.documents.map((d, i) => (
            <Group key={i} gap="xs" wrap="nowrap" data-testid="import-document">
              {keepBox(
                d,
                (keep) => update((s) => ({ ...s, documents: at(s.documents, i, (x) => ({ ...x, keep })) })),
                `${t('importer.keep')}: ${d.value.number}`,
              )}
              {(['type', 'number', 'date'] as const).map((f) => (
                <TextInput
                  key={f}
                  aria-label={t(`importer.column.${f}`)}
                  placeholder={t(`importer.column.${f}`)}
                  style={{ flex: f === 'number' ? 2 : 1 }}
                  value={d.value[f]}
                  disabled={!d.keep}
                  onFocus={() => onActivate(`document-${i}`)}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update((s) => ({
                      ...s,
                      documents: at(s.documents, i, (x) => ({ ...x, value: { ...x.value, [f]: v } })),
                    }));
                  }}
                />
              ))}
            </Group>
          ))}
        </Section>

        <Section
          field="conclusion"
          title={`${t('importer.field.conclusions')} (${state.conclusions.filter((c) => c.keep).length})`}
        >
          {state.conclusions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('importer.none')}
            </Text>
          )}
          {state.conclusions.map((c, i) => (
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              {keepBox(
                c,
                (keep) =>
                  update((s) => ({ ...s, conclusions: at(s.conclusions, i, (x) => ({ ...x, keep })) })),
                `${t('importer.keep')}: ${c.value}`,
              )}
              <Textarea
                style={{ flex: 1 }}
                aria-label={t('importer.field.conclusions')}
                autosize
                minRows={1}
                value={c.value}
                disabled={!c.keep}
                onFocus={() => onActivate(`conclusion-${i}`)}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((s) => ({ ...s, conclusions: at(s.conclusions, i, (x) => ({ ...x, value: v })) }));
                }}
              />
            </Group>
          ))}
        </Section>

        <Textarea
          label={t('importer.field.body')}
          autosize
          minRows={4}
          maxRows={14}
          value={state.body}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update((s) => ({ ...s, body: v }));
          }}
          data-testid="import-body"
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('importer.back')}
          </Button>
          <Button onClick={onSave} loading={busy} disabled={blocked} data-testid="import-save">
            {t('importer.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
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
  const color = p.match.match === 'new' ? 'blue' : p.match.match === 'same' ? 'teal' : 'orange';
  return (
    <Table.Tr
      data-testid="import-person"
      data-match={p.match.match}
      onClick={onActivate}
      style={{ opacity: item.keep ? 1 : 0.5 }}
    >
      <Table.Td>
        <Checkbox
          aria-label={`${t('importer.keep')}: ${p.name}`}
          checked={item.keep}
          onChange={(e) => {
            const keep = e.currentTarget.checked;
            onChange((x) => ({ ...x, keep }));
          }}
        />
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
      <Table.Td>
        <TextInput
          size="xs"
          miw={110}
          aria-label={t('importer.column.rank')}
          value={p.rank}
          onChange={(e) => set({ rank: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          miw={150}
          aria-label={t('importer.column.name')}
          value={p.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          miw={220}
          aria-label={t('importer.column.titles')}
          value={p.titles}
          onChange={(e) => set({ titles: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td miw={200}>
        <Stack gap={4}>
          <Badge color={color} variant="light">
            {t(`attendance.match.${p.match.match}`)}
          </Badge>
          {p.match.reasons.length > 0 && (
            <Text size="xs" c="dimmed">
              {p.match.reasons.map((r) => t(`attendance.match.reason.${r}`)).join(', ')}
            </Text>
          )}
          {p.match.match === 'possible' && (
            <Select
              size="xs"
              placeholder={t('attendance.match.choose')}
              value={p.choice || null}
              onChange={(c) => set({ choice: c ?? '' })}
              data={[
                { value: 'new', label: t('attendance.match.newChoice') },
                ...p.match.candidates.map((c) => ({
                  value: c.id,
                  label: t('attendance.match.sameAs', {
                    name: [c.rank, c.fullName, c.title && `— ${c.title}`].filter(Boolean).join(' '),
                  }),
                })),
              ]}
              error={p.choice === ''}
              data-testid="import-person-choice"
            />
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
