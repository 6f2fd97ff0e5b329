import { useState } from 'react';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCircleCheck, IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupCheck, BackupEntry } from '../../../../contract/mergeContract';
import { call } from '../../api/client';
import { useAction, useActions } from '../../api/useAction';
import { useApiQuery } from '../../api/useApiQuery';
import { useMessageText } from '../../api/useMessageText';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { formatDateTime } from '../../format/date';
import { useSettings } from '../../settings/settingsContext';
import { UsbPanel } from './UsbPanel';
import { useBackupDirCheck } from './useBackupDirCheck';

const KIND_COLOR: Record<BackupEntry['kind'], string> = {
  auto: 'blue',
  manual: 'teal',
  'before-restore': 'orange',
  other: 'gray',
};

function megabytes(bytes: number, language: string): string {
  return `${(bytes / 1024 / 1024).toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Asks before a restore, after checking the backup, and says what happens to the current archive. */
function RestoreDialog({
  entry,
  onClose,
  onRestored,
}: {
  entry: BackupEntry;
  onClose: () => void;
  onRestored: (message: string) => void;
}) {
  const { t } = useTranslation();
  const messageText = useMessageText();
  const check = useApiQuery('backups/check', { file: entry.file });
  const { busy, error, run } = useAction();
  const verdict: BackupCheck | null = check.data;

  async function restore() {
    await run(async () => {
      const r = await call('backups/restore', { file: entry.file });
      onRestored(
        t('usbBackups.restored', { from: entry.name, meetings: r.meetings, safety: r.safetyBackup }),
      );
    });
  }

  return (
    <Modal opened onClose={onClose} title={t('usbBackups.restoreTitle')} size="lg">
      <Stack gap="sm" data-testid="restore-dialog">
        <Text fw={600}>{entry.name}</Text>
        {check.loading && <Text size="sm">{t('usbBackups.restoreChecking')}</Text>}
        {check.error && <ErrorAlert error={check.error} />}
        {verdict && (
          <Alert color={verdict.ok ? 'teal' : 'red'} data-testid="restore-check">
            {messageText(verdict.message)}
          </Alert>
        )}
        {verdict?.ok && <Text size="sm">{t('usbBackups.restoreExplain')}</Text>}
        {error && <ErrorAlert error={error} title={t('usbBackups.restoreFailed')} />}
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('usbBackups.cancel')}
          color="orange"
          onConfirm={() => void restore()}
          loading={busy}
          disabled={!verdict?.ok}
          confirmLabel={t('usbBackups.restoreConfirm')}
          confirmTestId="restore-confirm"
        />
      </Stack>
    </Modal>
  );
}

/**
 * Sao lưu: the backups in the configured folder (newest first) with "Sao lưu ngay", the folder / keep-N
 * / daily settings, and a restore that checks the backup and asks first.
 */
export function BackupPanel() {
  const { t, i18n } = useTranslation();
  const { settings, save } = useSettings();
  const list = useApiQuery('backups/list', {});
  const [folder, setFolder] = useState(settings.backupDir ?? '');
  const [keep, setKeep] = useState<number>(settings.backupKeep ?? 7);
  const [daily, setDaily] = useState(settings.backupDaily ?? true);
  const actions = useActions<'now' | 'settings'>();
  const busy = actions.running;
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const checkBackupDir = useBackupDirCheck();
  // Why the folder typed or chosen cannot take backups, shown under it; nothing is saved meanwhile.
  const [dirProblem, setDirProblem] = useState<string | null>(null);
  const chooseFolder = (dir: string) => {
    setFolder(dir);
    setDirProblem(null);
  };

  /** Sao lưu ngay or Lưu cài đặt: what it did is said above the list, which is fetched again. */
  async function act(name: 'now' | 'settings', work: () => Promise<string>) {
    setNotice(null);
    await actions.run(name, async () => {
      setNotice(await work());
      list.reload();
    });
  }
  const backupNow = () =>
    act('now', async () => t('usbBackups.made', { name: (await call('backups/create', {})).name }));
  const saveSettings = async () => {
    const dir = folder.trim();
    setNotice(null);
    let problem: string | null = null;
    // The folder is checked first (writable, not the archive's own folder, room for a backup), as the
    // first-run setup does: a folder that cannot take backups is not saved, and the daily backup would
    // otherwise only fail the next morning.
    const checked = await actions.run('settings', async () => {
      problem = await checkBackupDir(dir);
    });
    setDirProblem(problem);
    if (!checked || problem) return;
    await act('settings', async () => {
      await save({ backupDir: dir, backupKeep: keep, backupDaily: daily });
      return t('usbBackups.settingsSaved');
    });
  };

  return (
    <UsbPanel title={t('usbBackups.title')} intro={t('usbBackups.intro')} testId="backup-panel">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          style={{ flex: 1, minWidth: 300 }}
          label={t('usbBackups.folder')}
          description={t('usbBackups.folderHelp')}
          placeholder={list.data?.dir}
          value={folder}
          onChange={(e) => chooseFolder(e.currentTarget.value)}
          error={dirProblem}
          data-testid="backup-folder"
        />
        <ChooseFolderButton title={t('usbBackups.folder')} onChosen={chooseFolder} />
        <NumberInput
          w={190}
          label={t('usbBackups.keep')}
          min={1}
          max={365}
          value={keep}
          onChange={(v) => setKeep(typeof v === 'number' ? v : Number(v) || 1)}
          data-testid="backup-keep"
        />
        <Switch
          label={t('usbBackups.daily')}
          checked={daily}
          onChange={(e) => setDaily(e.currentTarget.checked)}
          mb={8}
        />
        <Button
          variant="light"
          onClick={() => void saveSettings()}
          loading={busy === 'settings'}
          disabled={busy !== null}
          data-testid="backup-save-settings"
        >
          {t('usbBackups.saveSettings')}
        </Button>
      </Group>
      <Group>
        <Button
          leftSection={<IconDatabaseExport size={16} />}
          onClick={() => void backupNow()}
          loading={busy === 'now'}
          disabled={busy !== null}
          data-testid="backup-now"
        >
          {t('usbBackups.now')}
        </Button>
      </Group>
      {notice && (
        <Alert
          color="teal"
          icon={<IconCircleCheck size={20} />}
          withCloseButton
          onClose={() => setNotice(null)}
          data-testid="backup-notice"
        >
          {notice}
        </Alert>
      )}
      {restored && (
        <Alert color="teal" icon={<IconCircleCheck size={20} />} data-testid="restore-done">
          <Stack gap="xs">
            <Text size="sm">{restored}</Text>
            <Button size="xs" w="fit-content" onClick={() => window.location.reload()}>
              {t('usbBackups.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {actions.error && (
        <ErrorAlert
          error={actions.error}
          title={actions.failed === 'settings' ? t('usbBackups.settingsFailed') : t('usbBackups.failed')}
          onClose={actions.clearError}
        />
      )}
      {list.error && (
        <ErrorAlert error={list.error} title={t('usbBackups.loadFailed')} onAction={list.reload} />
      )}
      {!list.data && !list.error && <LoadingState />}
      {list.data && (
        <>
          <Text size="xs" c="dimmed" data-testid="backup-dir">
            {list.data.dir}
          </Text>
          {list.data.rows.length === 0 ? (
            <Text c="dimmed">{t('usbBackups.empty')}</Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="backup-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usbBackups.column.time')}</Table.Th>
                  <Table.Th>{t('usbBackups.column.name')}</Table.Th>
                  <Table.Th>{t('usbBackups.column.kind')}</Table.Th>
                  <Table.Th>{t('usbBackups.column.size')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((r) => (
                  <Table.Tr key={r.file} data-testid="backup-row">
                    <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {r.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={KIND_COLOR[r.kind]} variant="light">
                        {t(`usbBackups.kind.${r.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{megabytes(r.bytes, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="orange"
                        leftSection={<IconRestore size={14} />}
                        onClick={() => setRestoring(r)}
                        data-testid="backup-restore"
                      >
                        {t('usbBackups.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {restoring && (
        <RestoreDialog
          entry={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(message) => {
            setRestoring(null);
            setRestored(message);
            list.reload();
          }}
        />
      )}
    </UsbPanel>
  );
}
