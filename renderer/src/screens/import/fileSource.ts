import type { ImportSource } from '../../../../contract/importContract';

/** Bytes → base64 in slices (String.fromCharCode over a whole file overflows the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The file's last-modified day (local), YYYY-MM-DD: the import reads a date's missing year from it. */
function modifiedOn(file: File): string | undefined {
  if (!file.lastModified) return undefined;
  const d = new Date(file.lastModified);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A picked or dropped file as the contract carries it; the server decides what it is. */
export async function fileToSource(file: File): Promise<ImportSource> {
  const day = modifiedOn(file);
  return {
    kind: 'file',
    name: file.name,
    dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
    ...(day ? { modifiedOn: day } : {}),
  };
}
