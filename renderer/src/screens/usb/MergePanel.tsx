import { useCallback, useState } from 'react';
import { StickPicker } from './StickPicker';
import {
  Alert,
  Badge,
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FoundBag, MergeChoice, MergePreviewSummary, MergeRow } from '../../../../contract/mergeContract';
import { call, toErrorPayload } from '../../api/client';
import type { ErrorPayload } from '../../../../contract/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UsbPanel } from './UsbPanel';
import { BagList } from './BagList';
import { CLASS_COLOR, MergePreviewList } from './MergePreviewList';
import { mergeResultLine } from './mergeResultText';
import { JobFeedback } from './JobProgressView';
import { useStartedJob } from './useJob';

type Choices = Record<string, MergeChoice>;

/**
 * Nhập gói lưu trữ: path (and passphrase) → preview of new / changed / conflicting / identical meetings
 * and people → a choice per record (defaults shown, conflicts left unchosen) → one merge.
 * Preview and merge run as jobs (`merge/preview-start`, `merge/apply-start`, followed like an export):
 * the phase, counts, bytes and time left stay pinned at the bottom of the window with Hủy. Only the
 * clerk's own choices are kept and sent; every other record takes its default. The Nhập từ USB page
 * (MergeScreen.tsx) shows it above the backups.
 */
export function MergePanel() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [choices, setChoices] = useState<Choices>({});
  // The conflicts among them: a conflict has no default, so those not chosen are left as they are.
  const [chosenConflicts, setChosenConflicts] = useState<ReadonlySet<string>>(new Set());
  const [personChoices, setPersonChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [bags, setBags] = useState<FoundBag[] | null>(null);
  const [finding, setFinding] = useState(false);
  const [findError, setFindError] = useState<ErrorPayload | null>(null);
  const previewJob = useStartedJob();
  const applyJob = useStartedJob();
  const previewState = previewJob.status?.state;
  const applyState = applyJob.status?.state;
  const running = finding || previewState === 'running' || applyState === 'running';
  // The preview is shown until a merge of it has ended (its result replaces it) or a new preview starts.
  const summary: MergePreviewSummary | null =
    previewState === 'done' && applyState !== 'done' ? previewJob.status!.mergePreview : null;
  const result = applyState === 'done' ? applyJob.status!.mergeResult : null;
  const failedJob = [previewJob, applyJob].find((j) => j.status?.state === 'failed');
  const cancelledJob = [previewJob, applyJob].find((j) => j.status?.state === 'cancelled');
  const failedTitle = (job: typeof previewJob) => (job === applyJob ? t('usbMerge.applyFailed') : t('usbMerge.previewFailed'));

  async function preview(chosen?: FoundBag) {
    setBags(null);
    setFindError(null);
    setChoices({});
    setChosenConflicts(new Set());
    setPersonChoices({});
    let bag = chosen?.path ?? path;
    if (!chosen) {
      // The clerk may pick the stick itself: the bags on it are found first, and one chosen if several.
      setFinding(true);
      try {
        const found = await call('merge/find-bags', { path });
        if (found.length !== 1) {
          setBags(found);
          return;
        }
        bag = found[0]!.path;
      } catch (e) {
        setFindError(toErrorPayload(e));
        return;
      } finally {
        setFinding(false);
      }
    }
    setPath(bag);
    applyJob.reset();
    await previewJob.start(() => call('merge/preview-start', { path: bag, passphrase: passphrase || null }), {
      hidePrevious: true,
    });
  }

  async function apply() {
    if (!summary) return;
    await applyJob.start(
      () =>
        call('merge/apply-start', {
          path,
          passphrase: passphrase || null,
          token: summary.token,
          meetings: choices,
          people: personChoices,
        }),
      { hidePrevious: true },
    );
  }

  const chooseMeeting = useCallback((row: MergeRow, choice: MergeChoice) => {
    setChoices((c) => ({ ...c, [row.id]: choice }));
    if (row.class === 'conflict') setChosenConflicts((s) => new Set(s).add(row.id));
  }, []);
  const people = summary?.people ?? [];
  const unresolved = summary
    ? summary.counts.meetings.conflict -
      chosenConflicts.size +
      people.filter((p) => p.class === 'conflict' && !personChoices[p.id]).length
    : 0;
  const counts = (c: MergePreviewSummary['counts']['meetings']) =>
    (['new', 'changed', 'conflict', 'identical'] as const).map((k) => (
      <Badge
        key={k}
        color={CLASS_COLOR[k]}
        variant={c[k] ? 'filled' : 'light'}
        data-testid={`merge-count-${k}`}
      >
        {t(`usbMerge.count.${k}`, { n: c[k] })}
      </Badge>
    ));

  return (
    <UsbPanel title={t('usbMerge.title')} intro={t('usbMerge.intro')} testId="merge-panel">
      <StickPicker mode="merge" value={path} onChange={setPath} pathTestId="merge-path" disabled={running} />
      <Group align="flex-end" wrap="wrap">
        <PasswordInput
          style={{ width: 260 }}
          label={t('usbMerge.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          data-testid="merge-passphrase"
        />
        <Button
          leftSection={<IconShieldCheck size={16} />}
          onClick={() => void preview()}
          loading={finding || previewState === 'running'}
          disabled={!path.trim() || running}
          data-testid="merge-preview"
        >
          {t('usbMerge.preview')}
        </Button>
      </Group>
      {bags && bags.length === 0 && (
        <Alert color="yellow" data-testid="merge-no-bag">
          {t('usbMerge.bags.none')}
        </Alert>
      )}
      {bags && bags.length > 1 && <BagList bags={bags} disabled={running} onChoose={(b) => void preview(b)} />}
      {findError && <ErrorAlert error={findError} title={t('usbMerge.previewFailed')} onClose={() => setFindError(null)} />}
      {failedJob?.status?.error && (
        <ErrorAlert error={failedJob.status.error} title={failedTitle(failedJob)} onClose={failedJob.reset} />
      )}
      {cancelledJob && (
        <Alert color="gray" data-testid="merge-cancelled" withCloseButton onClose={cancelledJob.reset}>
          {cancelledJob === applyJob ? t('usbMerge.applyCancelled') : t('usbMerge.previewCancelled')}
        </Alert>
      )}

      {result && (
        <Alert
          color="teal"
          icon={<IconCircleCheck size={20} />}
          title={t('usbMerge.done')}
          data-testid="merge-result"
        >
          {result.changed
            ? mergeResultLine(result, (part) => t(`usbMerge.resultPart.${part.key}`, { n: part.n }))
            : t('usbMerge.resultNothing')}
          {result.meetings.unresolved + result.people.unresolved > 0 && (
            <Text size="sm" mt={4}>
              {t('usbMerge.resultUnresolved', { n: result.meetings.unresolved + result.people.unresolved })}
            </Text>
          )}
        </Alert>
      )}

      {summary && previewJob.jobId && (
        <Stack gap="sm" data-testid="merge-plan">
          <Text size="sm" c="teal.8">
            {t('usbMerge.verified')} ({summary.bag.name})
          </Text>
          <Group gap="xs">
            <Text size="sm" fw={600} w={170}>
              {t('usbMerge.meetings')}
            </Text>
            {counts(summary.counts.meetings)}
          </Group>
          <Group gap="xs">
            <Text size="sm" fw={600} w={170}>
              {t('usbMerge.people')}
            </Text>
            {counts(summary.counts.people)}
          </Group>
          {summary.rows === 0 && people.length === 0 && (
            <Text data-testid="merge-nothing">{t('usbMerge.nothingToDo')}</Text>
          )}
          {summary.rows > 0 && (
            <MergePreviewList jobId={previewJob.jobId} summary={summary} choices={choices} onChoose={chooseMeeting} />
          )}
          {people.length > 0 && (
            <Table verticalSpacing="xs" data-testid="merge-people">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usbMerge.column.mine')}</Table.Th>
                  <Table.Th>{t('usbMerge.column.theirs')}</Table.Th>
                  <Table.Th w={220}>{t('usbMerge.column.state')}</Table.Th>
                  <Table.Th>{t('usbMerge.column.choice')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((p) => (
                  <Table.Tr key={p.id} data-testid="merge-person">
                    <Table.Td>
                      {p.mine &&
                        `${p.mine.fullName} — ${[p.mine.rank, p.mine.title].filter(Boolean).join(', ')}`}
                    </Table.Td>
                    <Table.Td>{`${p.theirs.fullName} — ${[p.theirs.rank, p.theirs.title].filter(Boolean).join(', ')}`}</Table.Td>
                    <Table.Td>
                      <Badge color={CLASS_COLOR[p.class]} variant="light">
                        {t(`usbMerge.class.${p.class}`)}
                      </Badge>
                      {p.newer && <Text size="xs">{t(`usbMerge.newer.${p.newer}`)}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        value={personChoices[p.id] ?? p.defaultChoice ?? ''}
                        onChange={(v) => setPersonChoices((c) => ({ ...c, [p.id]: v as 'mine' | 'theirs' }))}
                        data={(['mine', 'theirs'] as const).map((c) => ({
                          value: c,
                          label: t(`usbMerge.choice.${c}`),
                        }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {(summary.rows > 0 || people.length > 0) && applyState !== 'running' && (
            // Stays at the bottom of the window however long the list: the clerk never scrolls to find it.
            <Group
              p="sm"
              style={{
                position: 'sticky',
                bottom: 0,
                zIndex: 2,
                background: 'var(--mantine-color-body)',
                borderTop: '1px solid var(--mantine-color-gray-3)',
              }}
              data-testid="merge-apply-bar"
            >
              {unresolved > 0 && (
                <Text size="sm" c="red.8" data-testid="merge-unresolved">
                  {t('usbMerge.unresolved', { count: unresolved })}
                </Text>
              )}
              <Button
                leftSection={<IconFileImport size={16} />}
                onClick={() => void apply()}
                disabled={running}
                data-testid="merge-apply"
              >
                {t('usbMerge.apply')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {/* The running job, pinned at the bottom of the window like the export's: phase, counts, time left, Hủy. */}
      <div style={{ position: 'sticky', bottom: 0, zIndex: 3, background: 'var(--mantine-color-body)' }}>
        <JobFeedback job={previewJob} failedTitle={t('usbMerge.previewFailed')} />
        <JobFeedback job={applyJob} failedTitle={t('usbMerge.applyFailed')} />
      </div>
    </UsbPanel>
  );
}
