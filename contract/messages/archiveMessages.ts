/**
 * Messages of the archive side below the UI, Vietnamese and English, spread into the catalogs vi.ts and
 * en.ts (a part of its own so the catalogs stay readable; test/unit/messages.test.ts checks both agree).
 */
import type { CatalogShape } from './keys';

export const archiveVi = {} as const;

export const archiveEn: CatalogShape<typeof archiveVi> = {};
