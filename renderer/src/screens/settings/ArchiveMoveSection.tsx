import { useState } from 'react';
import { Alert, Button, Code, Fieldset, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconDatabaseExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArchiveMoveCheck, ArchiveMoveResult } from '../../../../contract/archiveContract';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApiQuery } from '../../api/useApiQuery';
import { useErrorText } from '../../api/useErrorText';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';

function megabytes(bytes: number, language: string): string {
  return `${(bytes / 1024 / 1024).toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** What a finished move says: the new place, restart, the old copy kept (and HOSO_DB, when it wins). */
function MovedNotice({ moved }: { moved: ArchiveMoveResult }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" icon={<IconCircleCheck size={20} />} data-testid="archive-move-done">
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('archiveMove.done', { file: moved.file, photos: moved.photos })}
        </Text>
        <Text size="sm">{t('archiveMove.oldKept', { old: moved.oldFile })}</Text>
        {moved.overridden && (
          <Text size="sm" c="orange.8" data-testid="archive-move-overridden">
            {t('archiveMove.overridden', { file: moved.file })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Nơi lưu kho hồ sơ: the archive's file, and moving it to another folder (archive/move-check, then a
 * confirmation, then archive/move). Used in Cài đặt and in the first-run setup's Nơi lưu step (`bare`:
 * without its own frame, the setup showing the file itself). The folder is typed or, in the desktop app, chosen with the folder dialog.
 */
export function ArchiveMoveSection({ bare = false }: { bare?: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const info = useApiQuery('app/info', {});
  const [folder, setFolder] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState<ArchiveMoveCheck | null>(null);
  const [moved, setMoved] = useState<ArchiveMoveResult | null>(null);
  const checking = useAction();
  const moving = useAction();

  const choose = (dir: string) => {
    setFolder(dir);
    setProblem(null);
  };

  async function check() {
    setProblem(null);
    await checking.run(async () => {
      const r = await call('archive/move-check', { dir: folder.trim() });
      if (r.problem) setProblem(errorText(r.problem));
      else setChecked(r);
    });
  }

  async function move() {
    if (!checked) return;
    const ok = await moving.run(async () => {
      setMoved(await call('archive/move', { dir: folder.trim() }));
    });
    if (ok) setChecked(null);
  }

  const movedTo = moved?.file ?? info.data?.movedTo ?? null;
  const body = (
    <Stack gap="sm" data-testid="archive-move">
      {!bare && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            {t('archiveMove.current')}:
          </Text>
          <Code data-testid="archive-move-current">{info.data?.archiveFile ?? '…'}</Code>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t('archiveMove.intro')}
      </Text>
      {moved ? (
        <MovedNotice moved={moved} />
      ) : movedTo ? (
        <Alert color="teal" icon={<IconCircleCheck size={20} />} data-testid="archive-move-done">
          {t('archiveMove.movedBefore', { file: movedTo })}
        </Alert>
      ) : (
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('archiveMove.folder')}
            placeholder={t('archiveMove.folderPlaceholder')}
            value={folder}
            onChange={(e) => choose(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter checks this folder; inside the setup's form it must not submit the step instead.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (folder.trim()) void check();
            }}
            error={problem}
            maxLength={1000}
            data-testid="archive-move-folder"
          />
          <Group mt={25} gap="xs" wrap="nowrap">
            <ChooseFolderButton title={t('archiveMove.folder')} onChosen={choose} />
            <Button
              variant="light"
              leftSection={<IconDatabaseExport size={16} />}
              onClick={() => void check()}
              loading={checking.busy}
              disabled={!folder.trim()}
              data-testid="archive-move-check"
            >
              {t('archiveMove.check')}
            </Button>
          </Group>
        </Group>
      )}
      {checking.error && (
        <ErrorAlert error={checking.error} title={t('archiveMove.failed')} onClose={checking.clearError} />
      )}
      {checked && (
        <Modal
          opened
          onClose={() => !moving.busy && setChecked(null)}
          title={t('archiveMove.confirmTitle')}
          size="lg"
        >
          <Stack gap="sm" data-testid="archive-move-dialog">
            <Text size="sm">
              {t('archiveMove.confirmBody', {
                size: megabytes(checked.bytes, i18n.language),
                target: checked.target,
              })}
            </Text>
            {moving.error && <ErrorAlert error={moving.error} title={t('archiveMove.failed')} />}
            <DialogActions
              onCancel={() => setChecked(null)}
              cancelLabel={t('archiveMove.cancel')}
              onConfirm={() => void move()}
              loading={moving.busy}
              confirmLabel={t('archiveMove.confirm')}
              confirmTestId="archive-move-confirm"
            />
          </Stack>
        </Modal>
      )}
    </Stack>
  );
  if (bare) return body;
  return (
    <Fieldset legend={t('archiveMove.sectionTitle')} data-testid="archive-move-section">
      {body}
    </Fieldset>
  );
}
