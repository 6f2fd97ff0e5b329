import { useEffect, useMemo, useRef } from 'react';
import { Paper, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { marksOf, segmentsOf, type FieldKey, type ReviewState } from './reviewState';

/** One light colour per kind of field, the same beside the item in the draft. */
export const FIELD_COLORS: Record<FieldKey, string> = {
  title: 'var(--mantine-color-blue-1)',
  kind: 'var(--mantine-color-blue-1)',
  date: 'var(--mantine-color-grape-1)',
  location: 'var(--mantine-color-cyan-1)',
  organizer: 'var(--mantine-color-indigo-1)',
  person: 'var(--mantine-color-teal-1)',
  caption: 'var(--mantine-color-yellow-2)',
  document: 'var(--mantine-color-orange-1)',
  conclusion: 'var(--mantine-color-lime-2)',
  byline: 'var(--mantine-color-gray-3)',
};

/** The source text with every extracted item highlighted; `active` is outlined and scrolled to. */
export function SourceView({
  text,
  state,
  active,
  unsure,
}: {
  text: string;
  state: ReviewState;
  active: string | null;
  /** Ids of the marks the importer was unsure of ('date'): underlined in orange, as in the draft. */
  unsure: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const segments = useMemo(() => segmentsOf(text, marksOf(state)), [text, state]);
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const v = viewport.current;
    const mark = active ? v?.querySelector<HTMLElement>(`[data-mark-id="${active}"]`) : null;
    if (!v || !mark) return;
    // Only the source's own box scrolls. scrollIntoView would scroll the page as well, moving the field
    // the clerk just clicked (a person's directory choice) away from under the pointer.
    const top = mark.getBoundingClientRect().top - v.getBoundingClientRect().top + v.scrollTop;
    v.scrollTo({ top: top - v.clientHeight / 2 + mark.offsetHeight / 2, behavior: 'smooth' });
  }, [active]);
  return (
    // Sticky: the source stays in view while the clerk works down a long draft.
    <Paper withBorder p="sm" radius="md" style={{ position: 'sticky', top: 76 }}>
      <Text fw={600}>{t('importer.source')}</Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('importer.sourceHelp')}
      </Text>
      <ScrollArea h="70vh" type="auto" viewportRef={viewport}>
        <div
          style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6, fontSize: 14 }}
          data-testid="import-source"
        >
          {segments.map((s, i) =>
            s.mark ? (
              <mark
                key={i}
                data-field={s.mark.field}
                data-mark-id={s.mark.id}
                data-unsure={unsure.has(s.mark.id) || undefined}
                style={{
                  background: s.mark.discarded ? 'transparent' : FIELD_COLORS[s.mark.field],
                  textDecoration: s.mark.discarded ? 'line-through' : undefined,
                  borderBottom: unsure.has(s.mark.id) ? '2px dashed var(--mantine-color-orange-6)' : undefined,
                  outline: active === s.mark.id ? '2px solid var(--mantine-color-blue-6)' : undefined,
                  borderRadius: 3,
                  padding: '0 1px',
                }}
              >
                {s.text}
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </div>
      </ScrollArea>
    </Paper>
  );
}
