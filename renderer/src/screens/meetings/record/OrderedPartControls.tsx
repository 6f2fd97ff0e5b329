import { ActionIcon, Button, Group } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ReorderButtons } from './ReorderButtons';
import type { OrderedPart } from './useOrderedPart';

/**
 * The controls every ordered part of a record (conclusions, document references) shows the same way,
 * around its own rows; the dialogs are OrderedPartDialogs.
 */

/**
 * What names a part on screen: its message namespace (`<texts>.edit`, `.remove`, `.add`) and the stem of
 * its test ids (`<testId>-edit`, `-remove`, `-add`).
 */
export interface PartNames {
  texts: 'conclusions' | 'documents';
  testId: 'conclusion' | 'document';
}

/** A failed move or remove, above the list, with "Tải lại"; a failed edit shows in its dialog instead. */
export function PartWriteError<Row, Fields>({
  part,
  onReload,
}: {
  part: OrderedPart<Row, Fields>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { write, editing } = part;
  if (!write.error || editing) return null;
  return (
    <ErrorAlert
      error={write.error}
      title={t('errors.saveFailed')}
      onClose={write.clearError}
      onAction={onReload}
      actionLabel={t('common.reload')}
    />
  );
}

/** Row `index`'s up / down, edit and remove buttons. */
export function PartRowActions<Row extends { id: string }, Fields>({
  part,
  rows,
  index,
  names,
  justify,
}: {
  part: OrderedPart<Row, Fields>;
  rows: Row[];
  index: number;
  names: PartNames;
  justify?: 'flex-end';
}) {
  const { t } = useTranslation();
  const { write, move, setEditing, setRemoving } = part;
  const editLabel = t(`${names.texts}.edit`);
  const removeLabel = t(`${names.texts}.remove`);
  const row = rows[index];
  if (!row) return null;
  return (
    <Group gap={2} wrap="nowrap" justify={justify}>
      <ReorderButtons
        index={index}
        count={rows.length}
        disabled={write.busy}
        onMove={(from, to) => void move(rows, from, to)}
      />
      <ActionIcon
        variant="subtle"
        aria-label={editLabel}
        onClick={() => setEditing(row)}
        data-testid={`${names.testId}-edit`}
      >
        <IconPencil size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={removeLabel}
        onClick={() => setRemoving(row)}
        data-testid={`${names.testId}-remove`}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** "Thêm …" under the list: opens the editor for a new row. */
export function PartAddButton<Row, Fields>({ part, names }: { part: OrderedPart<Row, Fields>; names: PartNames }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button
        leftSection={<IconPlus size={16} />}
        variant="light"
        onClick={() => part.setEditing('new')}
        data-testid={`${names.testId}-add`}
      >
        {t(`${names.texts}.add`)}
      </Button>
    </Group>
  );
}
