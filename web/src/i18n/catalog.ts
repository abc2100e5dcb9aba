import type { en } from './en';

/** Same keys as T, every leaf a string. */
export type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };

/** The shape every translation must have: exactly the keys of the English catalogue. */
export type Catalog = DeepString<typeof en>;
