import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Fieldset, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconDatabase, IconRefresh, IconShieldCheck, IconZoomCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntegrityReport } from '../../../../contract/lockContract';
import { call } from '../../api/client';
import { useActions } from '../../api/useAction';
import { useApiQuery } from '../../api/useApiQuery';
import { useErrorText } from '../../api/useErrorText';
import { useMessageText } from '../../api/useMessageText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { formatCount } from '../../format/number';
import { formatClock, formatDateTime } from '../../format/date';
import { toLanguage } from '../../format/language';
import { formatBytes } from '../usb/format';

function Verdict({ ok, testId }: { ok: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={ok ? 'teal' : 'red'} variant="light" data-testid={testId} data-ok={ok}>
      {ok ? t('health.good') : t('health.problem')}
    </Badge>
  );
}

function Row({
  label,
  verdict,
  children,
  action,
}: {
  label: string;
  verdict?: ReactNode;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Table.Tr>
      <Table.Th w={190} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td w={110} style={{ verticalAlign: 'top' }}>
        {verdict}
      </Table.Td>
      <Table.Td>{children}</Table.Td>
      <Table.Td w={190} style={{ verticalAlign: 'top' }}>
        {action}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Cài đặt → Tình trạng kho: the archive's size, the newest backup and whether it checks, data
 * integrity on demand (quick or full), the search index and the audit chain, each with the one action
 * that fixes or refreshes it (Sao lưu ngay, Kiểm tra, Xây lại chỉ mục).
 */
export function HealthSection() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const errorText = useErrorText();
  const messageText = useMessageText();
  const health = useApiQuery('health/status', {});
  const [integrity, setIntegrity] = useState<IntegrityReport | null>(null);
  const actions = useActions<'backup' | 'full' | 'quick' | 'rebuild'>();
  const { running: busy, error } = actions;
  const [notice, setNotice] = useState<string | null>(null);

  async function act(name: 'backup' | 'full' | 'quick' | 'rebuild', work: () => Promise<string | null>) {
    setNotice(null);
    await actions.run(name, async () => {
      setNotice(await work());
      health.reload();
    });
  }

  const backupNow = () =>
    act('backup', async () => t('health.backupDone', { name: (await call('backups/create', {})).name }));
  const verify = (full: boolean) =>
    act(full ? 'full' : 'quick', async () => {
      setIntegrity(await call('health/verify', { full }));
      return null;
    });
  const rebuild = () =>
    act('rebuild', async () =>
      t('health.rebuilt', { n: formatCount((await call('search/rebuild', {})).documents, language) }),
    );

  const s = health.data;
  const kind = (r: IntegrityReport) => (r.kind === 'full' ? t('health.kindFull') : t('health.kindQuick'));
  return (
    <Fieldset legend={t('health.sectionTitle')} data-testid="health-section">
      <Stack gap="md">
        {health.error && <ErrorAlert error={health.error} onAction={health.reload} />}
        {!s && !health.error && <LoadingState />}
        {s && (
          <Table withRowBorders verticalSpacing="sm">
            <Table.Tbody>
              <Row label={t('health.archiveFile')}>
                <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="health-file">
                  {s.archiveFile}
                </Text>
              </Row>
              <Row label={t('health.size')}>
                <Text size="sm" data-testid="health-size">
                  {t('health.sizeValue', {
                    archive: formatBytes(s.archiveBytes, t, language),
                    photos: formatBytes(s.photoBytes, t, language),
                    meetings: formatCount(s.meetings, language),
                  })}
                </Text>
              </Row>
              <Row
                label={t('health.lastBackup')}
                verdict={<Verdict ok={s.lastBackup?.ok ?? false} testId="health-backup-verdict" />}
                action={
                  <Button
                    size="xs"
                    leftSection={<IconDatabase size={16} />}
                    loading={busy === 'backup'}
                    disabled={busy !== null}
                    onClick={() => void backupNow()}
                    data-testid="health-backup-now"
                  >
                    {t('health.backupNow')}
                  </Button>
                }
              >
                <Stack gap={2} data-testid="health-backup">
                  {s.backupProblem ? (
                    <Text size="sm" c="red" data-testid="health-backup-problem">
                      {errorText(s.backupProblem)}
                    </Text>
                  ) : s.lastBackup ? (
                    <>
                      <Text size="sm">
                        {t('health.backupValue', {
                          date: formatDateTime(s.lastBackup.createdAt),
                          size: formatBytes(s.lastBackup.bytes, t, language),
                          count: formatCount(s.backupCount, language),
                        })}
                      </Text>
                      <Text size="sm" c={s.lastBackup.ok ? 'dimmed' : 'red'}>
                        {messageText(s.lastBackup.message)}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm">{t('health.noBackup', { dir: s.backupDir })}</Text>
                  )}
                </Stack>
              </Row>
              <Row
                label={t('health.integrity')}
                verdict={integrity && <Verdict ok={integrity.ok} testId="health-integrity-verdict" />}
                action={
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconZoomCheck size={16} />}
                      loading={busy === 'quick'}
                      disabled={busy !== null}
                      onClick={() => void verify(false)}
                      data-testid="health-verify-quick"
                    >
                      {t('health.verifyQuick')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === 'full'}
                      disabled={busy !== null}
                      onClick={() => void verify(true)}
                      data-testid="health-verify-full"
                    >
                      {t('health.verifyFull')}
                    </Button>
                  </Group>
                }
              >
                <div data-testid="health-integrity">
                  {!integrity ? (
                    <Text size="sm" c="dimmed">
                      {t('health.integrityNotChecked')}
                    </Text>
                  ) : integrity.ok ? (
                    <Text size="sm">
                      {t('health.integrityOk', {
                        kind: kind(integrity),
                        time: formatClock(integrity.checkedAt),
                      })}
                    </Text>
                  ) : (
                    <>
                      <Text size="sm" c="red">
                        {t('health.integrityBad', {
                          kind: kind(integrity),
                          time: formatClock(integrity.checkedAt),
                        })}
                      </Text>
                      <List size="sm">
                        {integrity.problems.map((p, i) => (
                          <List.Item key={i}>{messageText(p)}</List.Item>
                        ))}
                      </List>
                    </>
                  )}
                </div>
              </Row>
              <Row
                label={t('health.index')}
                verdict={<Verdict ok={s.index.ok} testId="health-index-verdict" />}
                action={
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRefresh size={16} />}
                    loading={busy === 'rebuild'}
                    disabled={busy !== null}
                    onClick={() => void rebuild()}
                    data-testid="health-rebuild"
                  >
                    {t('health.rebuild')}
                  </Button>
                }
              >
                <Text size="sm" data-testid="health-index">
                  {s.index.structureError
                    ? t('health.indexBroken', { error: s.index.structureError })
                    : s.index.ok
                      ? t('health.indexOk', { n: formatCount(s.index.documents, language) })
                      : t('health.indexBad', { n: formatCount(s.index.mismatched, language) })}
                </Text>
              </Row>
              <Row
                label={t('health.audit')}
                verdict={<Verdict ok={s.audit.ok} testId="health-audit-verdict" />}
              >
                <Text size="sm" data-testid="health-audit">
                  {s.audit.ok
                    ? t('health.auditOk', { n: formatCount(s.audit.entries, language) })
                    : t('health.auditBad', { seq: s.audit.firstBrokenSeq })}
                </Text>
              </Row>
            </Table.Tbody>
          </Table>
        )}
        {notice && (
          <Alert color="teal" icon={<IconShieldCheck size={18} />} data-testid="health-notice">
            {notice}
          </Alert>
        )}
        {error && <ErrorAlert error={error} title={t('health.failed')} onClose={actions.clearError} />}
        {s && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('health.checkedAt', { time: formatDateTime(s.checkedAt) })}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              onClick={health.reload}
              disabled={busy !== null}
              data-testid="health-refresh"
            >
              {t('health.refresh')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
