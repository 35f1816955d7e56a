import { object, optional, string, type InferOutput } from 'valibot';
import { KnownSnapshotSchema, UnknownSnapshotSchema, type StatusSnapshot } from '../core/status';
import { checked, storedKey, type StoredKey } from './stored-key';

/** The last status check (src/background/status-check.ts writes it; every surface reads it). null: none yet. */
export const STATUS: StoredKey<StatusSnapshot | null> = {
  name: 'status',
  read: (raw) => checked(KnownSnapshotSchema, raw) ?? checked(UnknownSnapshotSchema, raw) ?? null,
};

/** The summary's ETag / Last-Modified, kept next to the snapshot they validate, for a conditional request. */
const ValidatorsSchema = object({ etag: optional(string()), lastModified: optional(string()) });
export const STATUS_VALIDATORS = storedKey('statusValidators', ValidatorsSchema, {});
export type Validators = InferOutput<typeof ValidatorsSchema>;
