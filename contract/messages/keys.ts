/** Types derived from the Vietnamese catalog, which is the shape of every catalog. */
import type { vi } from './vi';

/** The same tree of keys, any text: what another language's catalog must be. */
export type CatalogShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message a layer below the UI may send: `errors.DISK_FULL`, `input.tooLong`, `field.rank`… */
export type MessageKey = Leaves<typeof vi>;

export type Catalog = CatalogShape<typeof vi>;
