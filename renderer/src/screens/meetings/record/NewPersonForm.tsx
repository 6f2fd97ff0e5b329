import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../contract/contract';
import type { ErrorPayload } from '../../../../../contract/errors';
import { foldName } from '../../../../../contract/vietnamese/fold';
import { call, toErrorPayload } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { AtTheTimeFields, type AtTheTime } from './AtTheTimeFields';
import { personLabel } from './PersonPicker';

interface Draft extends AtTheTime {
  fullName: string;
}

/**
 * "Thêm người mới" inside the attendee dialog: a guest who is not in Danh bạ yet is created there
 * (`people/create`) and then chosen. Before creating, people of the same name (folded: "Nguyễn Văn
 * An" = "nguyen van an") are shown so the clerk picks the existing entry instead of making a twin;
 * creating anyway stays possible (two people can share a name).
 */
export function NewPersonForm({
  initialName,
  onCreated,
  onCancel,
}: {
  initialName: string;
  /** The person now in the directory (created, or an existing one the clerk chose instead). */
  onCreated: (p: Person) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>({ fullName: initialName, rank: '', titles: '', unit: '' });
  const [twins, setTwins] = useState<Person[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setD((cur) => ({ ...cur, ...patch }));
    // A changed name is checked again.
    if (patch.fullName !== undefined) setTwins(null);
  };
  const nameError = tried && !d.fullName.trim() ? t('attendance.nameRequired') : undefined;

  async function create() {
    setTried(true);
    const fullName = d.fullName.trim().replace(/\s+/g, ' ');
    if (!fullName || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (twins === null) {
        const page = await call('people/list', { query: fullName, offset: 0, limit: 100 });
        const same = page.rows.filter((p) => foldName(p.fullName) === foldName(fullName));
        if (same.length) {
          setTwins(same);
          return;
        }
      }
      onCreated(await call('people/create', { fullName, rank: d.rank, title: d.titles, unit: d.unit, notes: '' }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper
      withBorder
      p="sm"
      data-testid="new-person-form"
      onKeyDown={(e) => {
        // Enter creates the person here; it must not submit the attendee dialog around it.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          e.preventDefault();
          void create();
        }
      }}
    >
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('attendance.newGuest.title')}
        </Text>
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <TextInput
          label={t('attendance.fullName')}
          required
          value={d.fullName}
          onChange={(e) => set({ fullName: e.currentTarget.value })}
          error={nameError}
          data-testid="new-person-name"
          data-autofocus
        />
        <AtTheTimeFields value={d} onChange={set} testIdPrefix="new-person" />
        <Text size="xs" c="dimmed">
          {t('attendance.newGuest.help')}
        </Text>
        {twins && twins.length > 0 && (
          <Alert
            color="yellow"
            icon={<IconAlertTriangle size={18} />}
            title={t('attendance.newGuest.twinsTitle', { count: twins.length })}
            data-testid="new-person-twins"
          >
            <Stack gap={6}>
              <Text size="sm">{t('attendance.newGuest.twinsText')}</Text>
              {twins.map((p) => (
                <Group key={p.id} justify="space-between" wrap="nowrap" data-testid="new-person-twin">
                  <Text size="sm">
                    {personLabel(p)}
                    {p.unit ? ` (${p.unit})` : ''}
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    style={{ flexShrink: 0 }}
                    onClick={() => onCreated(p)}
                    data-testid="new-person-use-twin"
                  >
                    {t('attendance.newGuest.useTwin')}
                  </Button>
                </Group>
              ))}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} data-testid="new-person-cancel">
            {t('attendance.newGuest.back')}
          </Button>
          <Button
            leftSection={<IconUserPlus size={16} />}
            color={twins?.length ? 'yellow' : undefined}
            loading={busy}
            onClick={() => void create()}
            data-testid="new-person-create"
          >
            {twins?.length ? t('attendance.newGuest.createAnyway') : t('attendance.newGuest.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
