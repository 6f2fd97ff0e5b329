import { useState, type ReactNode } from 'react';
import { Paper } from '@mantine/core';

/**
 * A dashed area that takes files dropped on it (Mantine's Dropzone is not part of the app); the
 * caller puts its own words, buttons and file inputs inside. Used for photos and for imports.
 */
export function DropZone({
  onFiles,
  testId,
  children,
}: {
  onFiles: (files: File[]) => void;
  testId: string;
  children: ReactNode;
}) {
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles(Array.from(e.dataTransfer.files));
      }}
      data-testid={testId}
    >
      {children}
    </Paper>
  );
}
