import type { ReactNode } from 'react';
import type { ErrorPayload } from '../../../../../contract/errors';
import { ConfirmActionModal } from './ConfirmActionModal';
import type { OrderedPart } from './useOrderedPart';

/** What every part editor (conclusion, document reference) takes. */
export interface PartEditorProps<Row, Fields> {
  row: Row | null;
  busy: boolean;
  error: ErrorPayload | null;
  onSave: (fields: Fields) => void;
  onClose: () => void;
}

interface Props<Row, Fields> {
  part: OrderedPart<Row, Fields>;
  editor: (props: PartEditorProps<Row, Fields>) => ReactNode;
  /** Texts of the remove confirmation, for the row about to be removed. */
  removeTexts: (row: Row | null) => { title: string; message: string; confirmLabel: string };
  confirmTestId: string;
}

/** The edit dialog and the remove confirmation of an ordered part, wired to its versioned writes. */
export function OrderedPartDialogs<Row, Fields>({
  part,
  editor,
  removeTexts,
  confirmTestId,
}: Props<Row, Fields>) {
  const { editing, setEditing, removing, setRemoving, write, save, remove } = part;
  return (
    <>
      {editing &&
        editor({
          row: editing === 'new' ? null : editing,
          busy: write.busy,
          error: write.error,
          onSave: (f) => void save(f),
          onClose: () => {
            setEditing(null);
            write.clearError();
          },
        })}
      <ConfirmActionModal
        opened={removing !== null}
        {...removeTexts(removing)}
        loading={write.busy}
        onConfirm={() => removing && void remove(removing)}
        onClose={() => setRemoving(null)}
        confirmTestId={confirmTestId}
      />
    </>
  );
}
