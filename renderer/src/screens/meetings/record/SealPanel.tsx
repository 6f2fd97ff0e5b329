import { useState } from 'react';
import { ActionIcon, Button, Code, CopyButton, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEdit, IconLock, IconShieldSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../../contract/errors';
import type { SealReport } from '../../../../../contract/recordContract';
import { call, toErrorPayload } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../format/date';
import { ConfirmActionModal } from './ConfirmActionModal';
import { CorrectionModal } from './CorrectionModal';
import { SealCheckResult } from './SealCheckResult';
import { useRecordWrite } from './useRecordWrite';

interface Props {
  meetingId: string;
  version: number;
  onVersion: (v: number) => void;
  finalized: boolean;
  sealHash: string | null;
  sealedAt: number | null;
  /** The record changed (corrected): reload what is shown. */
  onChanged: () => void;
  /** Finalized: the whole screen turns read-only (header, every tab), so the host loads it again. */
  onFinalized?: () => void;
}

/** Khóa hồ sơ (finalize and seal), then the seal itself: when, its hash, a check, and corrections. */
export function SealPanel({
  meetingId,
  version,
  onVersion,
  finalized,
  sealHash,
  sealedAt,
  onChanged,
  onFinalized,
}: Props) {
  const { t } = useTranslation();
  const write = useRecordWrite(version, onVersion);
  const [confirming, setConfirming] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [report, setReport] = useState<SealReport | null>(null);
  const [checkError, setCheckError] = useState<ErrorPayload | null>(null);
  const [checking, setChecking] = useState(false);

  async function finalize() {
    const done = await write.run((v) => call('meetings/finalize', { id: meetingId, version: v }));
    setConfirming(false);
    if (done) (onFinalized ?? onChanged)();
  }

  async function check() {
    setChecking(true);
    setCheckError(null);
    try {
      setReport(await call('meetings/seal-check', { id: meetingId }));
    } catch (e) {
      setCheckError(toErrorPayload(e));
    } finally {
      setChecking(false);
    }
  }

  if (!finalized) {
    return (
      <>
        <Button
          color="teal"
          leftSection={<IconLock size={16} />}
          onClick={() => setConfirming(true)}
          data-testid="finalize"
        >
          {t('seal.finalize')}
        </Button>
        {write.error && (
          <ErrorAlert error={write.error} title={t('seal.finalizeFailed')} onClose={write.clearError} />
        )}
        <ConfirmActionModal
          opened={confirming}
          title={t('seal.finalizeTitle')}
          message={t('seal.finalizeConfirm')}
          confirmLabel={t('seal.finalize')}
          color="teal"
          loading={write.busy}
          onConfirm={() => void finalize()}
          onClose={() => setConfirming(false)}
          confirmTestId="finalize-confirm"
        />
      </>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" bg="teal.0" data-testid="seal-panel">
      <Stack gap="sm">
        <Group gap="xs">
          <IconLock size={18} />
          <Text fw={600} data-testid="sealed-at">
            {sealedAt !== null ? t('seal.sealedAt', { when: formatDateTime(sealedAt) }) : t('seal.sealed')}
          </Text>
        </Group>
        {sealHash && (
          <Group gap="xs">
            <Text size="sm">{t('seal.hash')}:</Text>
            <Tooltip label={sealHash} multiline maw={420}>
              <Code data-testid="seal-hash" data-hash={sealHash}>
                {sealHash.slice(0, 16)}…
              </Code>
            </Tooltip>
            <CopyButton value={sealHash}>
              {({ copied, copy }) => (
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  onClick={copy}
                  aria-label={t('seal.copy')}
                >
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              )}
            </CopyButton>
          </Group>
        )}
        <Group>
          <Button
            variant="light"
            leftSection={<IconShieldSearch size={16} />}
            loading={checking}
            onClick={() => void check()}
            data-testid="seal-check"
          >
            {t('seal.check')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={() => setCorrecting(true)}
            data-testid="correct"
          >
            {t('seal.correct')}
          </Button>
        </Group>
        {checkError && (
          <ErrorAlert error={checkError} title={t('seal.checkFailed')} onClose={() => setCheckError(null)} />
        )}
        {report && <SealCheckResult report={report} />}
      </Stack>
      {correcting && (
        <CorrectionModal
          meetingId={meetingId}
          version={version}
          onVersion={onVersion}
          onClose={() => setCorrecting(false)}
          onDone={() => {
            setCorrecting(false);
            setReport(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
