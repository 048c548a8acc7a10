/**
 * Free text a consultant types: snapshot labels, client and engagement names, in annotations,
 * audit plans and export files alike. One schema for all three, so whatever the app accepts its
 * own export restores (a label the import would refuse made backups unrestorable).
 * Control characters never belong in stored text (they are also terminal escape sequences); a
 * `..` path segment is refused because these names may become parts of file names.
 */
import { z } from 'zod';

export const USER_TEXT_MAX = 200;

const CONTROL = /[^\P{Cc}\t\n\r]/u;
const DOT_DOT_SEGMENT = /(^|[\\/])\.\.([\\/]|$)/;

// Checked as given and as trimmed: annotations are stored trimmed, and ` ..` must not become `..`.
export const UserText = z
  .string()
  .max(USER_TEXT_MAX)
  .refine((s) => !CONTROL.test(s), 'contains control characters')
  .refine((s) => !DOT_DOT_SEGMENT.test(s) && !DOT_DOT_SEGMENT.test(s.trim()), 'contains a ".." path segment');
