import type { ImportSource } from '../../../../contract/importContract';

/** Bytes → base64 in slices (String.fromCharCode over a whole file overflows the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A picked or dropped file as the contract carries it; the server decides what it is. */
export async function fileToSource(file: File): Promise<ImportSource> {
  return { kind: 'file', name: file.name, dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())) };
}
