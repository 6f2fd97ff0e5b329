import { useRef, useState } from 'react';
import { Button, Checkbox, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES, type ErrorPayload } from '../../../../contract/errors';
import {
  IMPORT_TEXT_MAX_CHARS,
  type ImportPreview,
  type ImportSource,
} from '../../../../contract/importContract';
import { call, toErrorPayload } from '../../api/client';
import { DropZone } from '../../components/DropZone';
import { ErrorAlert } from '../../components/ErrorAlert';
import { hrefOf } from '../../router/route';
import { navigate } from '../../router/useRoute';
import { useSettings } from '../../settings/settingsContext';
import { BatchPanel, type BatchRow } from './BatchPanel';
import { fileToSource } from './fileSource';
import { ReviewPanel } from './ReviewPanel';
import { initialReview, toReviewedDraft, type ReviewState } from './reviewState';
import { SourceView } from './SourceView';
import { unsureMarkIds } from './unsureFields';

type Step =
  | { name: 'input' }
  | { name: 'review'; source: ImportSource; preview: ImportPreview }
  | { name: 'batch'; total: number; items: BatchRow[] };

/**
 * Nhập hồ sơ: a pasted report or a file becomes a draft meeting that the clerk reviews beside its
 * source before saving; several files go through the batch import with a progress bar and a summary.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [step, setStep] = useState<Step>({ name: 'input' });
  const [text, setText] = useState('');
  const [review, setReview] = useState<ReviewState | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Batch only: duplicates are skipped unless the clerk ticks this. */
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const [error, setError] = useState<{ title: string; error: ErrorPayload } | null>(null);

  async function open(source: ImportSource) {
    setBusy(true);
    setError(null);
    try {
      const preview = await call('import/preview', { source });
      setReview(initialReview(preview, settings.meetingKinds));
      setActive(null);
      setStep({ name: 'review', source, preview });
    } catch (e) {
      setError({ title: t('importer.readFailed'), error: toErrorPayload(e) });
    } finally {
      setBusy(false);
    }
  }

  async function runBatch(files: File[]) {
    setError(null);
    const items: BatchRow[] = [];
    setStep({ name: 'batch', total: files.length, items: [] });
    // One file per call: the bar moves file by file, and one huge file never holds up the others.
    for (const file of files) {
      try {
        const r = await call('import/batch', { sources: [await fileToSource(file)], allowDuplicate });
        items.push(...r.items);
      } catch (e) {
        items.push({
          name: file.name,
          status: 'failed',
          meetingId: null,
          title: null,
          error: toErrorPayload(e),
        });
      }
      setStep({ name: 'batch', total: files.length, items: [...items] });
    }
  }

  async function onFiles(files: File[]) {
    if (files.length === 0) return;
    if (files.length > 1) return runBatch(files);
    setBusy(true);
    try {
      await open(await fileToSource(files[0]!));
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (step.name !== 'review' || !review) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('import/save', {
        source: step.source,
        draft: toReviewedDraft(review),
        allowDuplicate: review.allowDuplicate,
      });
      if (r.status === 'imported' && r.meetingId) navigate(hrefOf({ name: 'meeting', id: r.meetingId }));
      else
        setError({
          title: t('importer.saveFailed'),
          error: {
            code: 'INVALID_INPUT',
            message: t('importer.savedDuplicate', { title: r.duplicate?.title ?? '' }),
          },
        });
    } catch (e) {
      setError({ title: t('importer.saveFailed'), error: toErrorPayload(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Group gap="xs">
        <IconFileImport size={26} />
        <Title order={2}>{t('importer.title')}</Title>
      </Group>
      {error && <ErrorAlert error={error.error} title={error.title} onClose={() => setError(null)} />}
      {step.name === 'input' && (
        <>
          <Text c="dimmed" size="sm" maw={900}>
            {t('importer.intro')}
          </Text>
          <FileDrop onFiles={(f) => void onFiles(f)} busy={busy} />
          <Checkbox
            label={t('importer.batchDuplicates')}
            checked={allowDuplicate}
            onChange={(e) => setAllowDuplicate(e.currentTarget.checked)}
            data-testid="import-allow-duplicates"
          />
          <Textarea
            label={t('importer.paste')}
            placeholder={t('importer.pastePlaceholder')}
            autosize
            minRows={10}
            maxRows={24}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onPaste={(e) => {
              // A paste the archive would refuse anyway is refused here, before the browser lays out
              // megabytes of text in the box (which would freeze the screen).
              const pasted = e.clipboardData.getData('text');
              if (text.length + pasted.length > IMPORT_TEXT_MAX_CHARS) {
                e.preventDefault();
                setError({
                  title: t('importer.readFailed'),
                  error: { code: 'IMPORT_TOO_LARGE', message: ERROR_MESSAGES.IMPORT_TOO_LARGE.vi },
                });
              }
            }}
            data-testid="import-paste"
          />
          <Group justify="flex-end">
            <Button
              onClick={() => void open({ kind: 'text', name: t('importer.paste'), text })}
              disabled={!text.trim()}
              loading={busy}
              data-testid="import-read"
            >
              {t('importer.read')}
            </Button>
          </Group>
        </>
      )}
      {step.name === 'review' && review && (
        // miw 0: a column is a flex item, which would otherwise grow to its widest content (the people
        // table) and push the page sideways at 1366 px; the table scrolls inside its own box instead.
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }} miw={0}>
            <SourceView
              text={step.preview.draft.sourceText}
              state={review}
              active={active}
              unsure={unsureMarkIds(step.preview.draft)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }} miw={0}>
            <ReviewPanel
              preview={step.preview}
              state={review}
              update={(change) => setReview((s) => (s ? change(s) : s))}
              kinds={settings.meetingKinds}
              onActivate={setActive}
              onSave={() => void save()}
              onBack={() => setStep({ name: 'input' })}
              busy={busy}
            />
          </Grid.Col>
        </Grid>
      )}
      {step.name === 'batch' && (
        <BatchPanel items={step.items} total={step.total} onAgain={() => setStep({ name: 'input' })} />
      )}
    </Stack>
  );
}

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.doc,.pdf';

/** Drag-and-drop area with a file picker; several files at once go to the batch import. */
/** The files of a picked folder that can be imported (others, such as pictures or .xlsx, are left out). */
const IMPORTABLE = /\.(?:txt|md|markdown|html?|docx?|pdf)$/i;

function FileDrop({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  return (
    <DropZone onFiles={onFiles} testId="import-drop">
      <Group justify="center" gap="sm">
        <Text>{t('importer.drop')}</Text>
        <Button variant="light" loading={busy} onClick={() => input.current?.click()}>
          {t('importer.pick')}
        </Button>
        <Button variant="subtle" disabled={busy} onClick={() => folder.current?.click()}>
          {t('importer.pickFolder')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('importer.dropHint')}
        </Text>
      </Group>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          onFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
        }}
        data-testid="import-file"
      />
      <input
        ref={folder}
        type="file"
        multiple
        hidden
        // A folder of reports: Chromium (and Electron) pick a directory with this attribute.
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          onFiles(Array.from(e.currentTarget.files ?? []).filter((f) => IMPORTABLE.test(f.name)));
          e.currentTarget.value = '';
        }}
        data-testid="import-folder"
      />
    </DropZone>
  );
}
