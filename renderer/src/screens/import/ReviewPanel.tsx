import { Alert, Anchor, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../contract/importContract';
import { useMessageText } from '../../api/useMessageText';
import { DialogActions } from '../../components/DialogActions';
import { hrefOf } from '../../router/route';
import type { Update } from './reviewEdits';
import { ReviewFields } from './ReviewFields';
import { ReviewCaptions, ReviewConclusions, ReviewDocuments } from './ReviewLists';
import { ReviewPeople } from './ReviewPeople';
import { problemsOf, readingNotesOf, type ReviewState } from './reviewState';
import { UnsureFrame, UnsureList, UnsureProvider } from './UnsureChecks';

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
  const messageText = useMessageText();
  const problems = problemsOf(state);
  const readingNotes = readingNotesOf(preview);
  const blocked = problems.length > 0 || (preview.duplicate !== null && !state.allowDuplicate);
  const pictures = new Set(preview.draft.images.map((i) => i.index));
  // What every section of the draft reads and writes.
  const lists = { state, update, onActivate };

  return (
    <Paper withBorder p="sm" radius="md">
      <UnsureProvider draft={preview.draft}>
        <Stack gap="md">
          <Title order={4}>{t('importer.draft')}</Title>
          <UnsureList onActivate={onActivate} />
          {readingNotes.length > 0 && (
            <Alert color="yellow" data-testid="import-notes">
              <Stack gap={4}>
                {readingNotes.map((n, i) => (
                  <Text key={i} size="sm">
                    {messageText(n)}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
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
          <ReviewFields {...lists} preview={preview} problems={problems} kinds={kinds} />
          <UnsureFrame fields={['chairs', 'attendees']}>
            <ReviewPeople {...lists} peopleProblem={problems.includes('people')} />
          </UnsureFrame>
          <UnsureFrame fields={['captions']}>
            <ReviewCaptions {...lists} pictures={pictures} />
          </UnsureFrame>
          <ReviewDocuments {...lists} />
          <ReviewConclusions {...lists} />

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
          <DialogActions
            justify="space-between"
            onCancel={onBack}
            cancelLabel={t('importer.back')}
            onConfirm={onSave}
            loading={busy}
            disabled={blocked}
            confirmLabel={t('importer.save')}
            confirmTestId="import-save"
          />
        </Stack>
      </UnsureProvider>
    </Paper>
  );
}
