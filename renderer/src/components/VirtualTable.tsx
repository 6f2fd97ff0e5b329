import { useEffect, useRef, type ReactNode } from 'react';
import { Skeleton, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import classes from './VirtualTable.module.css';

export interface Column<T> {
  id: string;
  header: ReactNode;
  /** A CSS grid track, e.g. `110px` or `minmax(0, 3fr)`. */
  width: string;
  render: (row: T) => ReactNode;
  /** Plain text shown as a tooltip when the cell is cut off. */
  title?: (row: T) => string;
}

/** A column showing one text field, cut off with a tooltip when too long. */
export function textColumn<T>(id: string, header: ReactNode, width: string, text: (row: T) => string): Column<T> {
  return { id, header, width, render: text, title: text };
}

export interface VirtualTableProps<T> {
  columns: Column<T>[];
  total: number;
  rowAt: (index: number) => T | undefined;
  /** Called with the rows on screen so their pages get fetched. */
  onRangeChange: (first: number, last: number) => void;
  rowKey: (row: T) => string;
  /** Rows with a link open it (middle-click and keyboard work as for any link)… */
  rowHref?: (row: T) => string;
  /** …otherwise a row is a button; with neither, a plain row whose cells hold their own controls. */
  onRowClick?: (row: T) => void;
  /** Extra `data-*` attributes of a row (its state, for tests and styles). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  rowTestId: string;
  /** On the scrolling element, so tests can scroll to rows that are not rendered yet. */
  scrollTestId: string;
  label: string;
  rowHeight?: number;
  initialScrollOffset?: number;
  onScrollOffset?: (offset: number) => void;
}

/**
 * A table whose body only renders the rows on screen, so 100 000 rows scroll as smoothly as 100. Rows
 * not fetched yet show a skeleton until their page arrives.
 */
export function VirtualTable<T>({
  columns,
  total,
  rowAt,
  onRangeChange,
  rowKey,
  rowHref,
  onRowClick,
  rowData,
  rowTestId,
  scrollTestId,
  label,
  rowHeight = 44,
  initialScrollOffset = 0,
  onScrollOffset,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns a mutable instance; React Compiler cannot memoize around it, which is fine
  // here because this component does not rely on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialOffset: initialScrollOffset,
    // React 19 warns about flushSync during rendering; async updates keep scrolling smooth enough.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    onRangeChange(first, last);
  }, [onRangeChange, first, last]);

  const template = columns.map((c) => c.width).join(' ');

  return (
    <div className={classes.frame} role="region" aria-label={label}>
      <div className={`${classes.grid} ${classes.header}`} style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.id} className={classes.cell}>
            {c.header}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className={classes.scroller}
        data-testid={scrollTestId}
        onScroll={onScrollOffset ? (e) => onScrollOffset(e.currentTarget.scrollTop) : undefined}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = {
              height: item.size,
              transform: `translateY(${item.start}px)`,
              gridTemplateColumns: template,
            };
            if (row === undefined) {
              return (
                <div
                  key={`placeholder-${item.index}`}
                  className={`${classes.grid} ${classes.row} ${classes.placeholder}`}
                  style={style}
                >
                  {columns.map((c) => (
                    <Skeleton key={c.id} height={12} radius="sm" />
                  ))}
                </div>
              );
            }
            const cells = columns.map((c) => (
              <div key={c.id} className={classes.cell} title={c.title?.(row)}>
                {c.render(row)}
              </div>
            ));
            const common = {
              className: `${classes.grid} ${classes.row}`,
              style,
              'data-testid': rowTestId,
              'data-index': item.index,
              ...rowData?.(row),
            };
            if (!rowHref && !onRowClick)
              return (
                <div key={rowKey(row)} {...common} className={`${common.className} ${classes.plain}`}>
                  {cells}
                </div>
              );
            return rowHref ? (
              <a key={rowKey(row)} href={rowHref(row)} {...common}>
                {cells}
              </a>
            ) : (
              <UnstyledButton key={rowKey(row)} onClick={() => onRowClick?.(row)} {...common}>
                {cells}
              </UnstyledButton>
            );
          })}
        </div>
      </div>
    </div>
  );
}
