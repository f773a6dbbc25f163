/** Request validation with zod: a 400 BAD_INPUT that says which parameter is wrong. */
import { z } from 'zod';
import { PolicygraphError } from '../core/errors.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../ingest/types.js';

export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    throw new PolicygraphError('BAD_INPUT', problems);
  }
  return r.data;
}

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).max(100));

export const queryText = z.string().trim().min(1, 'must not be empty').max(500, 'at most 500 characters');
export const k = z.coerce.number().int().min(1).max(100).default(10);
export const entityType = z.enum(ENTITY_TYPES);
export const entityTypes = csv(z.enum(ENTITY_TYPES));
export const relationTypes = csv(z.enum(RELATION_TYPES));
export const idList = csv(z.string().min(1).max(300));
export const id = z.string().min(1).max(300);
