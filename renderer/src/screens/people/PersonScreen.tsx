import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonMeetings } from '../../../../contract/recordContract';
import type { ErrorPayload } from '../../../../contract/errors';
import { call, toErrorPayload } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { formatIsoDate } from '../../format/date';
import { toLanguage } from '../../format/language';
import { formatCount } from '../../format/number';
import { hrefOf } from '../../router/route';
import { navigate } from '../../router/useRoute';
import { PersonDeleteButton } from './PersonDeleteButton';
import { PersonModal, type PersonTarget } from './PersonModal';
import { PersonMergeButton } from './PersonMergeButton';
import { leaveMergeNotice, takeMergeNotice, type MergeNotice } from './usePersonMerge';

const PAGE_SIZE = 50;

type MeetingRow = PersonMeetings['rows'][number];

interface Loaded {
  total: number;
  rows: MeetingRow[];
}

/** The meetings of one person, newest first (the server's order), a page at a time ("Xem thêm"). */
function usePersonMeetings(personId: string) {
  const [nonce, setNonce] = useState(0);
  // Everything is stored under the query it answers, so a retry or another person never shows old rows.
  const key = `${personId} ${nonce}`;
  const [loaded, setLoaded] = useState<{ key: string; data: Loaded } | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: ErrorPayload } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let current = true;
    call('people/meetings', { personId, offset: 0, limit: PAGE_SIZE })
      .then((page) => {
        if (current) setLoaded({ key, data: page });
      })
      .catch((e: unknown) => {
        if (current) setFailure({ key, error: toErrorPayload(e) });
      });
    return () => {
      current = false;
    };
  }, [personId, key]);

  const data = loaded?.key === key ? loaded.data : null;

  function loadMore() {
    if (!data || loadingMore) return;
    setLoadingMore(true);
    setFailure(null);
    call('people/meetings', { personId, offset: data.rows.length, limit: PAGE_SIZE })
      .then((page) => {
        setLoaded((prev) =>
          prev?.key === key ? { key, data: { total: page.total, rows: [...prev.data.rows, ...page.rows] } } : prev,
        );
      })
      .catch((e: unknown) => setFailure({ key, error: toErrorPayload(e) }))
      .finally(() => setLoadingMore(false));
  }

  return {
    data,
    error: failure?.key === key ? failure.error : null,
    loading: loadingMore,
    loadMore,
    retry: () => setNonce((n) => n + 1),
  };
}

/** What was different at the time of a meeting: only the rank / titles that no longer match today's. */
function thenText(row: MeetingRow, currentRank: string, currentTitle: string): string[] {
  const parts: string[] = [];
  if (row.rank.trim() && row.rank.trim() !== currentRank.trim()) parts.push(row.rank.trim());
  if (row.titles.trim() && row.titles.trim() !== currentTitle.trim()) parts.push(row.titles.trim());
  return parts;
}

/** Trang cá nhân: who the person is today and every meeting they attended, in which role. */
export function PersonScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const person = useApiQuery('people/get', { id });
  const meetings = usePersonMeetings(id);
  const [target, setTarget] = useState<PersonTarget | null>(null);
  // The page is opened anew (keyed by id) when the merge kept the other entry: the notice waits for it.
  const [notice, setNotice] = useState<MergeNotice | null>(() => takeMergeNotice(id));

  if (person.error)
    return <ErrorAlert error={person.error} title={t('errors.loadFailed')} onAction={person.reload} />;
  const p = person.data;
  if (!p) return <LoadingState />;

  const data = meetings.data;
  let list;
  if (meetings.error && !data)
    list = <ErrorAlert error={meetings.error} title={t('errors.loadFailed')} onAction={meetings.retry} />;
  else if (!data) list = <LoadingState />;
  else if (data.total === 0)
    list = (
      <Text c="dimmed" data-testid="person-meetings-empty">
        {t('personPage.empty')}
      </Text>
    );
  else
    list = (
      <Stack gap="xs">
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="person-meetings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('personPage.column.date')}</Table.Th>
              <Table.Th>{t('personPage.column.title')}</Table.Th>
              <Table.Th w={130}>{t('personPage.column.role')}</Table.Th>
              <Table.Th>{t('personPage.column.rankTitles')}</Table.Th>
              <Table.Th w={110}>{t('personPage.column.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((m) => {
              const then = thenText(m, p.rank, p.title);
              return (
                <Table.Tr key={m.meetingId} data-testid="person-meeting-row" data-meeting-id={m.meetingId}>
                  <Table.Td data-testid="person-meeting-date">
                    {m.meetingDate ? formatIsoDate(m.meetingDate) : <Text span c="dimmed" size="sm">{t('personPage.noDate')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      href={`${hrefOf({ name: 'meeting', id: m.meetingId })}?tab=attendance`}
                      data-testid="person-meeting-link"
                      fw={500}
                    >
                      {m.title}
                    </Anchor>
                    {m.kind && (
                      <Text size="xs" c="dimmed">
                        {m.kind}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="person-meeting-role">{t(`attendance.role.${m.role}`)}</Table.Td>
                  <Table.Td data-testid="person-meeting-then">
                    {then.length > 0 && (
                      <Text span size="sm" c="orange.8" fs="italic">
                        {t('personPage.atTheTime', { value: then.join(', ') })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.status === 'finalized' ? 'green' : 'gray'}>
                      {t(`meetings.status.${m.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {meetings.error && <ErrorAlert error={meetings.error} title={t('errors.loadFailed')} onAction={meetings.loadMore} />}
        {data.rows.length < data.total && (
          <Group justify="center">
            <Button variant="default" loading={meetings.loading} onClick={meetings.loadMore} data-testid="person-meetings-more">
              {t('personPage.more')}
            </Button>
          </Group>
        )}
      </Stack>
    );

  return (
    <Stack gap="md" data-testid="person-page" data-person-id={p.id}>
      <Anchor href={hrefOf({ name: 'people' })} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('personPage.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="person-page-name">
            {p.fullName}
          </Title>
          <Group gap="xs" data-testid="person-page-current">
            {p.rank && (
              <Text fw={500} data-testid="person-page-rank">
                {p.rank}
              </Text>
            )}
            {p.title && <Text data-testid="person-page-title">{p.title}</Text>}
          </Group>
          {p.unit && (
            <Text c="dimmed" size="sm" data-testid="person-page-unit">
              {p.unit}
            </Text>
          )}
        </Stack>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setTarget({ mode: 'edit', person: p })}
            data-testid="person-edit"
          >
            {t('personPage.edit')}
          </Button>
          <PersonMergeButton
            person={p}
            onMerged={(result) => {
              const merged = { keepId: result.keep.id, duplicate: result.duplicate, meetings: result.meetings };
              if (result.keep.id === p.id) {
                setNotice(merged);
                person.reload();
                meetings.retry();
              } else {
                leaveMergeNotice(merged);
                navigate(hrefOf({ name: 'person', id: result.keep.id }), { replace: true });
              }
            }}
          />
          <PersonDeleteButton
            person={p}
            meetings={data?.total ?? null}
            onDeleted={() => navigate(hrefOf({ name: 'people' }), { replace: true })}
          />
        </Group>
      </Group>
      {notice && (
        <Alert color="green" icon={<IconCheck size={18} />} withCloseButton onClose={() => setNotice(null)} data-testid="person-merged">
          {t('personPage.merged', { count: notice.meetings, duplicate: notice.duplicate })}
        </Alert>
      )}
      <Group justify="space-between" align="baseline">
        <Title order={3}>{t('personPage.meetings')}</Title>
        <Text c="dimmed" size="sm" data-testid="person-meetings-count" data-count={data?.total ?? undefined}>
          {data ? t('personPage.count', { count: data.total, n: formatCount(data.total, lang) }) : '\u00a0'}
        </Text>
      </Group>
      {list}
      <PersonModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          person.reload();
        }}
      />
    </Stack>
  );
}
