/**
 * Values of the AWS CLI's JSON output that every source's file shape shares. Timestamps come as
 * epoch seconds (AWS CLI v1, or v2 with `cli_timestamp_format = none`) or ISO strings (v2) and
 * are normalized to ISO strings.
 */
import { z } from 'zod';

export const Timestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.issues.push({ code: 'custom', message: `not a timestamp: ${JSON.stringify(value)}`, input: value });
    return z.NEVER;
  }
  return date.toISOString();
});

export const Count = z.number().int().nonnegative();
