import { useCallback, useMemo, useState } from 'react';
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
import type { FoundBag, MergeChoice, MergePlan, MergeResult } from '../../../../contract/mergeContract';
import { call } from '../../api/client';
import { useActions } from '../../api/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UsbPanel } from './UsbPanel';
import { BagList } from './BagList';
import { CLASS_COLOR, MergePreviewList } from './MergePreviewList';
import { mergeResultLine } from './mergeResultText';

type Choices = Record<string, MergeChoice>;

/**
 * Nhập gói lưu trữ: path (and passphrase) → preview of new / changed / conflicting / identical meetings
 * and people → a choice per record (defaults pre-selected, conflicts left unchosen) → one merge.
 * The Nhập từ USB page (MergeScreen.tsx) shows it above the backups.
 */
export function MergePanel() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [personChoices, setPersonChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const actions = useActions<'preview' | 'apply'>();
  const busy = actions.running;
  const [result, setResult] = useState<MergeResult | null>(null);
  const [bags, setBags] = useState<FoundBag[] | null>(null);

  async function preview(chosen?: FoundBag) {
    setResult(null);
    setPlan(null);
    setBags(null);
    await actions.run('preview', async () => {
      // The clerk may pick the stick itself: the bags on it are found first, and one chosen if several.
      let bag = chosen?.path ?? path;
      if (!chosen) {
        const found = await call('merge/find-bags', { path });
        if (found.length !== 1) {
          setBags(found);
          return;
        }
        bag = found[0]!.path;
      }
      setPath(bag);
      const p = await call('merge/preview', { path: bag, passphrase: passphrase || null });
      setPlan(p);
      setChoices(
        Object.fromEntries(
          p.meetings.flatMap((m) =>
            m.class !== 'identical' && m.defaultChoice ? [[m.id, m.defaultChoice]] : [],
          ),
        ),
      );
      setPersonChoices(
        Object.fromEntries(
          p.people.flatMap((x) =>
            x.class !== 'identical' && x.class !== 'new' && x.defaultChoice ? [[x.id, x.defaultChoice]] : [],
          ),
        ),
      );
    });
  }

  async function apply() {
    if (!plan) return;
    await actions.run('apply', async () => {
      const r = await call('merge/apply', {
        path,
        passphrase: passphrase || null,
        token: plan.token,
        meetings: choices,
        people: personChoices,
      });
      setResult(r);
      setPlan(null);
    });
  }

  const shown = useMemo(() => plan?.meetings.filter((m) => m.class !== 'identical') ?? [], [plan]);
  const chooseMeeting = useCallback(
    (id: string, choice: MergeChoice) => setChoices((c) => ({ ...c, [id]: choice })),
    [],
  );
  const people = plan?.people.filter((p) => p.class === 'changed' || p.class === 'conflict') ?? [];
  const unresolved =
    shown.filter((m) => m.class === 'conflict' && !choices[m.id]).length +
    people.filter((p) => p.class === 'conflict' && !personChoices[p.id]).length;
  const counts = (c: MergePlan['counts']['meetings']) =>
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
      <StickPicker mode="merge" value={path} onChange={setPath} pathTestId="merge-path" disabled={busy !== null} />
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
          loading={busy === 'preview'}
          disabled={!path.trim() || busy !== null}
          data-testid="merge-preview"
        >
          {t('usbMerge.preview')}
        </Button>
      </Group>
      {busy === 'preview' && (
        <Text size="sm" c="dimmed">
          {t('usbMerge.checking')}
        </Text>
      )}
      {bags && bags.length === 0 && (
        <Alert color="yellow" data-testid="merge-no-bag">
          {t('usbMerge.bags.none')}
        </Alert>
      )}
      {bags && bags.length > 1 && <BagList bags={bags} disabled={busy !== null} onChoose={(b) => void preview(b)} />}
      {actions.error && (
        <ErrorAlert
          error={actions.error}
          title={actions.failed === 'apply' ? t('usbMerge.applyFailed') : t('usbMerge.previewFailed')}
          onClose={actions.clearError}
        />
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

      {plan && (
        <Stack gap="sm" data-testid="merge-plan">
          <Text size="sm" c="teal.8">
            {t('usbMerge.verified')} ({plan.bag.name})
          </Text>
          <Group gap="xs">
            <Text size="sm" fw={600} w={170}>
              {t('usbMerge.meetings')}
            </Text>
            {counts(plan.counts.meetings)}
          </Group>
          <Group gap="xs">
            <Text size="sm" fw={600} w={170}>
              {t('usbMerge.people')}
            </Text>
            {counts(plan.counts.people)}
          </Group>
          {shown.length === 0 && people.length === 0 && (
            <Text data-testid="merge-nothing">{t('usbMerge.nothingToDo')}</Text>
          )}
          {shown.length > 0 && (
            <MergePreviewList meetings={shown} choices={choices} onChoose={chooseMeeting} />
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
                        value={personChoices[p.id] ?? ''}
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
          {(shown.length > 0 || people.length > 0) && (
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
                loading={busy === 'apply'}
                disabled={busy !== null}
                data-testid="merge-apply"
              >
                {busy === 'apply' ? t('usbMerge.applying') : t('usbMerge.apply')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </UsbPanel>
  );
}
