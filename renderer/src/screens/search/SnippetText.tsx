import { Fragment, useMemo } from 'react';
import { snippetSegments } from './snippet';

/**
 * A yellow that stays readable behind dark text and the tone marks above and below it; the weight
 * helps clerks who read on washed-out office screens. The highlight is widened with a shadow, not
 * padding, so it takes no room: padding reads as a space before the comma that follows a hit.
 */
const MARK_STYLE = {
  backgroundColor: 'var(--mantine-color-yellow-2)',
  boxShadow: '0 0 0 1px var(--mantine-color-yellow-2)',
  color: 'inherit',
  fontWeight: 600,
  padding: 0,
  borderRadius: 2,
} as const;

/** A server snippet as text nodes and <mark> elements (see snippet.ts for why no innerHTML). */
export function SnippetText({ html }: { html: string }) {
  const segments = useMemo(() => snippetSegments(html), [html]);
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} style={MARK_STYLE}>
            {s.text}
          </mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
