import { Badge, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { editEntry, type Update } from './reviewEdits';
import { KeepBox, ListSection } from './ReviewSection';
import type { ReviewState } from './reviewState';
import { TaskOffer } from './TaskOffer';

interface Props {
  state: ReviewState;
  update: Update;
  onActivate: (id: string) => void;
}

/**
 * The photo captions the report had (with the picture each belongs to). A caption whose picture the
 * source does not hold (a standalone "Ảnh: …", a pasted "[Ảnh 2]") says so: it is saved at the end of
 * the minutes rather than dropped (services/import/save.ts, placeCaptions).
 */
export function ReviewCaptions({
  state,
  update,
  onActivate,
  pictures,
}: Props & { pictures: ReadonlySet<number> }) {
  const { t } = useTranslation();
  const edit = editEntry(update, 'captions');
  const withoutPicture = state.captions.some(
    (c) => c.keep && (c.value.image === null || !pictures.has(c.value.image)),
  );
  return (
    <ListSection
      field="caption"
      title={t('importer.field.captions')}
      items={state.captions}
      footer={
        withoutPicture && (
          <Text size="xs" c="dimmed">
            {t('importer.captionsWithoutPicture')}
          </Text>
        )
      }
    >
      {state.captions.map((c, i) => (
        <Group key={i} gap="xs" wrap="nowrap" data-testid="import-caption">
          <KeepBox item={c} name={c.value.text} onKeep={(keep) => edit(i, (x) => ({ ...x, keep }))} />
          {c.value.image !== null && pictures.has(c.value.image) ? (
            <Badge variant="light">{t('importer.picture', { n: c.value.image + 1 })}</Badge>
          ) : (
            <Badge variant="light" color="gray" data-testid="import-caption-no-picture">
              {t('importer.noPicture')}
            </Badge>
          )}
          <TextInput
            style={{ flex: 1 }}
            aria-label={t('importer.field.captions')}
            value={c.value.text}
            disabled={!c.keep}
            onFocus={() => onActivate(`caption-${i}`)}
            onChange={(e) => {
              const text = e.currentTarget.value;
              edit(i, (x) => ({ ...x, value: { ...x.value, text } }));
            }}
          />
        </Group>
      ))}
    </ListSection>
  );
}

/** The documents the report refers to: type, số và ký hiệu, date. */
export function ReviewDocuments({ state, update, onActivate }: Props) {
  const { t } = useTranslation();
  const edit = editEntry(update, 'documents');
  return (
    <ListSection field="document" title={t('importer.field.documents')} items={state.documents}>
      {state.documents.map((d, i) => (
        <Group key={i} gap="xs" wrap="nowrap" data-testid="import-document">
          <KeepBox item={d} name={d.value.number} onKeep={(keep) => edit(i, (x) => ({ ...x, keep }))} />
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
                edit(i, (x) => ({ ...x, value: { ...x.value, [f]: v } }));
              }}
            />
          ))}
        </Group>
      ))}
    </ListSection>
  );
}

/** The report's conclusions, one text each; a directive with a deadline offers to become a task. */
export function ReviewConclusions({ state, update, onActivate }: Props) {
  const { t } = useTranslation();
  const edit = editEntry(update, 'conclusions');
  return (
    <ListSection field="conclusion" title={t('importer.field.conclusions')} items={state.conclusions}>
      {state.conclusions.map((c, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="import-conclusion">
          <KeepBox item={c} name={c.value.text} onKeep={(keep) => edit(i, (x) => ({ ...x, keep }))} />
          <Stack gap={4} style={{ flex: 1 }}>
            <Textarea
              aria-label={t('importer.field.conclusions')}
              autosize
              minRows={1}
              value={c.value.text}
              disabled={!c.keep}
              onFocus={() => onActivate(`conclusion-${i}`)}
              onChange={(e) => {
                const text = e.currentTarget.value;
                edit(i, (x) => ({ ...x, value: { ...x.value, text } }));
              }}
            />
            <TaskOffer
              conclusion={c.value}
              disabled={!c.keep}
              onChange={(patch) => edit(i, (x) => ({ ...x, value: { ...x.value, ...patch } }))}
            />
          </Stack>
        </Group>
      ))}
    </ListSection>
  );
}
