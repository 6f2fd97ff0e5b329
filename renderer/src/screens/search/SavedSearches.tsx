import { useState } from 'react';
import {
  ActionIcon,
  Code,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../contract/contract';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import type { ApiQuery } from '../../api/useApiQuery';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import classes from './search.module.css';

interface ListProps {
  saved: ApiQuery<SavedSearch[]>;
  onRun: (query: string) => void;
}

/** The archive's saved searches: a click runs one again; the bin asks before deleting. */
export function SavedSearchList({ saved, onRun }: ListProps) {
  const { t } = useTranslation();
  const [toDelete, setToDelete] = useState<SavedSearch | null>(null);
  const list = saved.data ?? [];
  return (
    <Stack gap={4} data-testid="saved-list">
      <Title order={3} size="h5" mb={4}>
        {t('search.saved.title')}
      </Title>
      {saved.error && (
        <ErrorAlert error={saved.error} title={t('errors.loadFailed')} onAction={saved.reload} />
      )}
      {saved.data && list.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="saved-empty">
          {t('search.saved.empty')}
        </Text>
      )}
      {list.map((s) => (
        <Group key={s.id} gap={4} wrap="nowrap" align="flex-start" data-testid="saved-item" data-id={s.id}>
          <UnstyledButton
            onClick={() => onRun(s.query)}
            className={classes.facet}
            px="xs"
            py={5}
            style={{ flex: 1, minWidth: 0 }}
            title={t('search.saved.run', { query: s.query })}
            data-testid="saved-run"
          >
            <Group gap={6} wrap="nowrap">
              <IconBookmark
                size={15}
                stroke={1.7}
                color="var(--mantine-color-blue-7)"
                style={{ flexShrink: 0 }}
              />
              <Text size="sm" fw={500} truncate data-testid="saved-item-name">
                {s.name}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" truncate ml={21}>
              {s.query}
            </Text>
          </UnstyledButton>
          <Tooltip label={t('search.saved.delete', { name: s.name })} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              onClick={() => setToDelete(s)}
              aria-label={t('search.saved.delete', { name: s.name })}
              data-testid="saved-delete"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <DeleteSavedModal
        target={toDelete}
        onClose={() => setToDelete(null)}
        onDeleted={() => {
          setToDelete(null);
          saved.reload();
        }}
      />
    </Stack>
  );
}

interface DeleteProps {
  target: SavedSearch | null;
  onClose: () => void;
  onDeleted: () => void;
}

function DeleteSavedModal({ target, onClose, onDeleted }: DeleteProps) {
  const { t } = useTranslation();
  const { busy, error, clearError, run } = useAction();

  async function confirm() {
    if (!target || busy) return;
    await run(async () => {
      await call('search/saved-delete', { id: target.id });
      onDeleted();
    });
  }

  return (
    <Modal
      opened={target !== null}
      onClose={() => {
        clearError();
        onClose();
      }}
      title={t('search.saved.deleteTitle')}
      data-testid="saved-delete-modal"
    >
      <Stack>
        <Text size="sm">{t('search.saved.deleteConfirm', { name: target?.name ?? '' })}</Text>
        {error && <ErrorAlert error={error} title={t('search.saved.deleteFailed')} />}
        <DialogActions
          onCancel={onClose}
          color="red"
          icon={<IconTrash size={16} />}
          loading={busy}
          onConfirm={() => void confirm()}
          confirmLabel={t('search.saved.deleteButton')}
          confirmTestId="saved-delete-confirm"
        />
      </Stack>
    </Modal>
  );
}

interface SaveProps {
  /** The query to save; the modal is open while it is set. */
  query: string | null;
  onClose: () => void;
  onSaved: (saved: SavedSearch) => void;
}

/** Asks for a name, then stores the query under it. The body is keyed per opening so it starts clean. */
export function SaveSearchModal({ query, onClose, onSaved }: SaveProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={query !== null}
      onClose={onClose}
      title={t('search.saved.saveTitle')}
      data-testid="saved-modal"
    >
      {query !== null && <SaveSearchForm key={query} query={query} onCancel={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function SaveSearchForm({
  query,
  onCancel,
  onSaved,
}: {
  query: string;
  onCancel: () => void;
  onSaved: (s: SavedSearch) => void;
}) {
  const { t } = useTranslation();
  // The query itself is the likeliest name; the clerk edits it into something shorter if they wish.
  const [name, setName] = useState(query.slice(0, 200));
  const [submitted, setSubmitted] = useState(false);
  const { busy: saving, error, run } = useAction();
  const nameError = submitted && !name.trim() ? t('search.saved.nameRequired') : null;

  async function save() {
    setSubmitted(true);
    if (!name.trim() || saving) return;
    await run(async () => onSaved(await call('search/saved-create', { name: name.trim(), query })));
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack>
        <TextInput
          label={t('search.saved.name')}
          placeholder={t('search.saved.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError}
          maxLength={200}
          data-autofocus
          data-testid="saved-name"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('search.saved.query')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {query}
          </Code>
          <Text size="xs" c="dimmed">
            {t('search.saved.onlyQuery')}
          </Text>
        </Stack>
        {error && <ErrorAlert error={error} title={t('errors.saveFailed')} />}
        <DialogActions
          onCancel={onCancel}
          icon={<IconDeviceFloppy size={16} />}
          loading={saving}
          confirmTestId="saved-confirm"
        />
      </Stack>
    </form>
  );
}
