/**
 * How deep a call's input may nest. No contract input nests more than a few levels (a saved
 * plan's is the deepest, 4; `inputDepth.test.ts` keeps this above every schema), so anything
 * deeper is invalid before validation looks at it. The check matters where the input is
 * copied before it is validated: the web host hands it to the core's thread with
 * `postMessage`, whose structured clone recurses and overflows the stack at a few thousand
 * levels.
 */
import type { CallResult } from './contract';

export const MAX_INPUT_DEPTH = 16;

/**
 * Whether `value` nests objects or arrays more than `limit` levels (a scalar is level 0, `{}`
 * and `[]` level 1). Walks with its own stack, so a hostile depth cannot overflow this check.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > limit) return true;
    for (const member of Object.values(item)) pending.push([member, depth + 1]);
  }
  return false;
}

/** The answer to an input nested deeper than MAX_INPUT_DEPTH. */
export const TOO_DEEP: CallResult<never> = {
  ok: false,
  error: { code: 'invalid_input', message: `The input nests deeper than ${MAX_INPUT_DEPTH} levels.` },
};
