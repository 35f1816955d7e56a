import { object, optional, string, type InferOutput } from 'valibot';
import { StatusSnapshotSchema } from '../core/status';
import { storedKey } from './stored-key';

/** The last status check (src/background/status-check.ts writes it; every surface reads it). null: none yet. */
export const STATUS = storedKey('status', StatusSnapshotSchema, null);

/** The summary's ETag / Last-Modified, kept next to the snapshot they validate, for a conditional request. */
const ValidatorsSchema = object({ etag: optional(string()), lastModified: optional(string()) });
export const STATUS_VALIDATORS = storedKey('statusValidators', ValidatorsSchema, {});
export type Validators = InferOutput<typeof ValidatorsSchema>;
