import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconDeviceUsb, IconFolderOpen, IconLock, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Drive } from '../../../../contract/archiveContract';
import type { FoundBag } from '../../../../contract/mergeContract';
import { useApiQuery } from '../../api/useApiQuery';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatIsoDate } from '../../format/date';
import { useSettings } from '../../settings/settingsContext';
import { formatBytes } from './format';

/** Bags shown on a stick's card; the others are counted ("… và 3 bản khác"). */
const BAGS_SHOWN = 3;

interface Props {
  /** Export writes into the stick chosen; merge reads the stick (its bags are then looked for) or one of its bags. */
  mode: 'export' | 'merge';
  value: string;
  onChange: (path: string) => void;
  /** Test id of the typed path (the fallback behind "Chọn thư mục khác…" in the browser). */
  pathTestId: string;
  /** Why the chosen place cannot be used (worded by the caller). */
  error?: string;
  disabled?: boolean;
}

/**
 * The USB sticks plugged in (`archive/drives`) as cards: label, free space, the hoso archives already on
 * it. The clerk picks one instead of typing a path; "Chọn thư mục khác…" stays for anything else (the
 * desktop's folder dialog, a typed path in the browser).
 */
export function StickPicker({ mode, value, onChange, pathTestId, error, disabled = false }: Props) {
  const { t } = useTranslation();
  const drives = useApiQuery('archive/drives', {});
  const [typing, setTyping] = useState(false);
  const list = drives.data;
  return (
    <Stack gap="xs" data-testid="stick-picker">
      <Group justify="space-between">
        <Text fw={500}>{t('usbSticks.title')}</Text>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconRefresh size={16} />}
          onClick={drives.reload}
          loading={drives.loading}
          data-testid="stick-refresh"
        >
          {t('usbSticks.refresh')}
        </Button>
      </Group>
      {drives.error && <ErrorAlert error={drives.error} />}
      {!list && !drives.error && (
        <Text size="sm" c="dimmed">
          {t('usbSticks.searching')}
        </Text>
      )}
      {list?.length === 0 && (
        <Alert color="gray" icon={<IconDeviceUsb size={20} />} data-testid="stick-none">
          {t('usbSticks.none')}
        </Alert>
      )}
      {list && list.length > 0 && (
        <SimpleGrid cols={mode === 'export' ? { base: 1, sm: 2 } : { base: 1, sm: 2, lg: 3 }} spacing="sm">
          {list.map((d) => (
            <StickCard key={d.root} drive={d} mode={mode} value={value} onChange={onChange} disabled={disabled} />
          ))}
        </SimpleGrid>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <ChooseFolderButton
          title={t('usbSticks.other')}
          label={t('usbSticks.other')}
          onChosen={onChange}
          browserFallback={
            !typing && (
              <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => setTyping(true)} disabled={disabled} data-testid="stick-other">
                {t('usbSticks.other')}
              </Button>
            )
          }
        />
        {typing && (
          <TextInput
            style={{ flex: 1, minWidth: 320 }}
            label={t('usbSticks.otherPath')}
            placeholder={t('usbSticks.otherPlaceholder')}
            value={value}
            onChange={(e) => onChange(e.currentTarget.value)}
            disabled={disabled}
            data-testid={pathTestId}
          />
        )}
      </Group>
      {value.trim() !== '' && (
        <Text size="sm">
          {mode === 'export' ? t('usbSticks.writeTo') : t('usbSticks.readFrom')}{' '}
          <Text span ff="monospace" data-testid="stick-chosen">
            {value}
          </Text>
        </Text>
      )}
      {error && (
        <Text size="sm" c="red.8" data-testid="stick-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function StickCard({
  drive: d,
  mode,
  value,
  onChange,
  disabled,
}: {
  drive: Drive;
  mode: Props['mode'];
  value: string;
  onChange: (path: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const lang = settings.language;
  const chosen = value === d.root || (mode === 'merge' && d.bags.some((b) => b.path === value));
  const usable = d.unreadable === null && !disabled;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={chosen ? { borderColor: 'var(--mantine-color-blue-6)', boxShadow: '0 0 0 1px var(--mantine-color-blue-6)' } : undefined}
      data-testid="stick"
      data-chosen={chosen || undefined}
    >
      <Stack gap={6}>
        <UnstyledButton onClick={() => onChange(d.root)} disabled={!usable} aria-pressed={chosen} data-testid="stick-choose">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconDeviceUsb size={26} stroke={1.5} color={usable ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-5)'} />
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Text fw={600} truncate data-testid="stick-label">
                  {d.label}
                </Text>
                {chosen && (
                  <Badge size="sm" variant="filled">
                    {t('usbSticks.chosenStick')}
                  </Badge>
                )}
              </Group>
              {d.freeBytes !== null && d.totalBytes !== null && (
                <Text size="sm" data-testid="stick-space">
                  {t('usbSticks.space', { free: formatBytes(d.freeBytes, t, lang), total: formatBytes(d.totalBytes, t, lang) })}
                </Text>
              )}
              <Text size="xs" c="dimmed" ff="monospace" truncate>
                {d.root}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
        {d.unreadable !== null ? (
          <Text size="sm" c="red.8" data-testid="stick-unreadable">
            {unreadableText(d.unreadable, t)}
          </Text>
        ) : d.bags.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('usbSticks.noArchive')}
          </Text>
        ) : (
          <Stack gap={2} data-testid="stick-bags">
            <Text size="sm">{t('usbSticks.archives', { count: d.bags.length })}</Text>
            {d.bags.slice(0, BAGS_SHOWN).map((b) => (
              <BagLine key={b.path} bag={b} chosen={value === b.path} onChoose={mode === 'merge' && usable ? () => onChange(b.path) : null} />
            ))}
            {d.bags.length > BAGS_SHOWN && (
              <Text size="xs" c="dimmed">
                {t('usbSticks.more', { n: d.bags.length - BAGS_SHOWN })}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Why a stick cannot be read, in the clerk's words: the two causes a clerk can act on are said plainly;
 * any other keeps its system code (EIO…) for whoever repairs the PC.
 */
export function unreadableText(code: string, t: TFunction): string {
  if (code === 'ETIMEDOUT') return t('usbSticks.unreadableTimeout');
  if (code === 'EACCES' || code === 'EPERM') return t('usbSticks.unreadableDenied');
  return t('usbSticks.unreadable', { code });
}

/** One archive on a stick: its date, name and size in meetings; in merge, a button that chooses it. */
function BagLine({ bag, chosen, onChoose }: { bag: FoundBag; chosen: boolean; onChoose: (() => void) | null }) {
  const { t } = useTranslation();
  const text = (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        {formatIsoDate(bag.date)}
      </Text>
      <Text size="xs" fw={chosen ? 700 : 500} truncate style={{ flex: 1, minWidth: 0 }}>
        {bag.name}
      </Text>
      {bag.encrypted ? (
        <Badge size="xs" variant="light" color="grape" leftSection={<IconLock size={10} />}>
          {t('usbSticks.encrypted')}
        </Badge>
      ) : (
        bag.meetings !== null && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('usbSticks.meetings', { n: bag.meetings })}
          </Text>
        )
      )}
    </Group>
  );
  if (!onChoose) return <div data-testid="stick-bag">{text}</div>;
  return (
    <UnstyledButton
      onClick={onChoose}
      aria-pressed={chosen}
      title={`${t('usbSticks.chooseBag')}: ${bag.name}`}
      px={6}
      py={2}
      style={{ borderRadius: 4, background: chosen ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-0)' }}
      data-testid="stick-bag"
    >
      {text}
    </UnstyledButton>
  );
}
