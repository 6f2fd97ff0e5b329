import { useEffect, useRef, useState } from 'react';
import { Alert, Input } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { MINUTES_HTML_MAX_CHARS } from '../../../../../contract/contract';
import { cleanWordPaste, MINUTES_EXTENSIONS } from './minutesSchema';

interface Props {
  /** Canonical minutes HTML ('' when empty). */
  value: string;
  onChange: (html: string) => void;
  readOnly: boolean;
  error?: string | undefined;
}

/**
 * The minutes (nội dung / biên bản) as rich text: headings, lists, emphasis and tables, with a paste
 * from Word that keeps its structure. The editor owns its document while the clerk types; `value` is
 * only pushed into it when it changes from outside (a reload, a restored version), so a save that
 * comes back never moves the cursor.
 */
export function MinutesEditor({ value, onChange, readOnly, error }: Props) {
  const { t } = useTranslation();
  const [pasteRefused, setPasteRefused] = useState(false);
  const lastEmitted = useRef(value);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  const editor = useEditor({
    extensions: MINUTES_EXTENSIONS,
    content: value,
    editable: !readOnly,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { 'data-testid': 'meeting-minutes', 'aria-label': t('minutes.label') },
      transformPastedHTML: cleanWordPaste,
      // A paste bigger than the minutes may hold would freeze the editor for seconds and then be
      // refused on save anyway: refuse it at once, keep what is there, and say why.
      handlePaste: (_view, event) => {
        const data = event.clipboardData;
        const size = Math.max(data?.getData('text/html').length ?? 0, data?.getData('text/plain').length ?? 0);
        if (size > MINUTES_HTML_MAX_CHARS) {
          setPasteRefused(true);
          return true;
        }
        setPasteRefused(false);
        return false;
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      lastEmitted.current = html;
      onChangeRef.current(html);
    },
  });

  useEffect(() => {
    if (!editor || value === lastEmitted.current) return;
    lastEmitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t('minutes.bold'),
    italicControlLabel: t('minutes.italic'),
    underlineControlLabel: t('minutes.underline'),
    strikeControlLabel: t('minutes.strike'),
    clearFormattingControlLabel: t('minutes.clearFormatting'),
    h2ControlLabel: t('minutes.h2'),
    h3ControlLabel: t('minutes.h3'),
    h4ControlLabel: t('minutes.h4'),
    bulletListControlLabel: t('minutes.bulletList'),
    orderedListControlLabel: t('minutes.orderedList'),
    blockquoteControlLabel: t('minutes.blockquote'),
    hrControlLabel: t('minutes.hr'),
    undoControlLabel: t('minutes.undo'),
    redoControlLabel: t('minutes.redo'),
    tableInsertControlLabel: t('minutes.tableInsert'),
    tableInsertLabel: (columns: number, rows: number) => t('minutes.tableSize', { columns, rows }),
    tableDeleteControlLabel: t('minutes.tableDelete'),
    tableColumnBeforeControlLabel: t('minutes.columnBefore'),
    tableColumnAfterControlLabel: t('minutes.columnAfter'),
    tableColumnDeleteControlLabel: t('minutes.columnDelete'),
    tableRowBeforeControlLabel: t('minutes.rowBefore'),
    tableRowAfterControlLabel: t('minutes.rowAfter'),
    tableRowDeleteControlLabel: t('minutes.rowDelete'),
    tableToggleHeaderRowControlLabel: t('minutes.headerRow'),
    tableMergeCellsControlLabel: t('minutes.mergeCells'),
    tableSplitCellControlLabel: t('minutes.splitCell'),
  };

  return (
    <Input.Wrapper label={t('meetingForm.field.minutes')} error={error}>
      <RichTextEditor editor={editor} labels={labels} mt={4} data-testid="minutes-editor">
        {!readOnly && (
          <RichTextEditor.Toolbar sticky stickyOffset={0}>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.Underline />
              <RichTextEditor.Strikethrough />
              <RichTextEditor.ClearFormatting />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.H2 />
              <RichTextEditor.H3 />
              <RichTextEditor.H4 />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Blockquote />
              <RichTextEditor.Hr />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.TableInsert />
              <RichTextEditor.TableRowAfter />
              <RichTextEditor.TableRowDelete />
              <RichTextEditor.TableColumnAfter />
              <RichTextEditor.TableColumnDelete />
              <RichTextEditor.TableToggleHeaderRow />
              <RichTextEditor.TableMergeCells />
              <RichTextEditor.TableSplitCell />
              <RichTextEditor.TableDelete />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content mih={readOnly ? undefined : 280} />
      </RichTextEditor>
      {pasteRefused && (
        <Alert color="red" mt="xs" data-testid="minutes-paste-refused" withCloseButton onClose={() => setPasteRefused(false)}>
          {t('minutes.pasteTooLarge')}
        </Alert>
      )}
    </Input.Wrapper>
  );
}
