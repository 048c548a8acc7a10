/**
 * Free text a consultant types: snapshot labels, client and engagement names, in annotations,
 * audit plans and export files alike. One schema for all three, so whatever the app accepts its
 * own export restores (a label the import would refuse made backups unrestorable).
 * Control characters never belong in stored text (they are also terminal escape sequences); a
 * `..` path segment is refused because these names may become parts of file names.
 * Text that reads differently from what it is (issue 28 item 9) is refused the same way on input
 * and on import: bidirectional overrides, isolates and marks reorder what follows them (a client
 * name "Acme ‮fdp.exe" shows as "Acme exe.pdf"), zero-width characters make two names that look
 * equal differ, a lone surrogate is no character at all, and U+FFFD is what bytes that were not
 * UTF-8 became when decoded leniently. Text the consultant cannot refuse (node names and tags from
 * a client's AWS accounts) is shown with those characters made visible: `visibleText`.
 */
import { z } from 'zod';
import type { Lang } from './model';

export const USER_TEXT_MAX = 200;

const CONTROL = /[^\P{Cc}\t\n\r]/u;
const DOT_DOT_SEGMENT = /(^|[\\/])\.\.([\\/]|$)/;
/** Embeddings and overrides U+202A–202E, isolates U+2066–2069, the marks U+200E, U+200F and U+061C. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
/** Zero-width space, non-joiner, joiner, word joiner and the BOM (a zero-width no-break space). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const REPLACEMENT = /\ufffd/u;

export type UserTextProblemCode = 'control' | 'bidi' | 'zero_width' | 'lone_surrogate' | 'not_utf8' | 'dot_dot';

/** What is wrong with a text, and the character that is (as `U+XXXX`, for the message). */
export interface UserTextProblem {
  code: UserTextProblemCode;
  char?: string;
}

const PROBLEM_TEXTS: Record<UserTextProblemCode, Record<Lang, string>> = {
  control: { ja: '制御文字 ({char}) が含まれています。', en: 'Contains a control character ({char}).' },
  bidi: {
    ja: '文字の表示順を変える双方向制御文字 ({char}) が含まれています。見た目と内容が食い違うため使用できません。',
    en: 'Contains a bidirectional control character ({char}), which makes text display in another order than it is written.',
  },
  zero_width: {
    ja: '幅のない不可視の文字 ({char}) が含まれています。同じに見える名前が別物になるため使用できません。',
    en: 'Contains an invisible zero-width character ({char}), which makes names that look the same differ.',
  },
  lone_surrogate: {
    ja: '文字として成り立たないコード ({char}、対になっていないサロゲート) が含まれています。',
    en: 'Contains {char}, half of a character (a lone surrogate), which is not text.',
  },
  not_utf8: {
    ja: 'UTF-8 として正しくないバイト列 (置換文字 {char} として読まれた部分) が含まれています。',
    en: 'Contains bytes that are not valid UTF-8 (read as the replacement character {char}).',
  },
  dot_dot: { ja: '".." のパス区切りが含まれています。', en: 'Contains a ".." path segment.' },
};

const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

const CHECKS: [UserTextProblemCode, RegExp][] = [
  ['lone_surrogate', LONE_SURROGATE],
  ['control', CONTROL],
  ['bidi', BIDI],
  ['zero_width', ZERO_WIDTH],
  ['not_utf8', REPLACEMENT],
];

/** The first reason a consultant's text cannot be stored, or null when it can. */
export function userTextProblem(text: string): UserTextProblem | null {
  for (const [code, pattern] of CHECKS) {
    const found = pattern.exec(text);
    if (found) return { code, char: codePoint(found[0]) };
  }
  // Checked as given and as trimmed: annotations are stored trimmed, and ` ..` must not become `..`.
  if (DOT_DOT_SEGMENT.test(text) || DOT_DOT_SEGMENT.test(text.trim())) return { code: 'dot_dot' };
  return null;
}

/** The problem in the reader's language. */
export function userTextProblemText(problem: UserTextProblem, lang: Lang): string {
  return PROBLEM_TEXTS[problem.code][lang].replaceAll('{char}', problem.char ?? '');
}

export const UserText = z
  .string()
  .max(USER_TEXT_MAX)
  .superRefine((text, ctx) => {
    const problem = userTextProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: userTextProblemText(problem, 'en') });
  });

/** Everything `userTextProblem` refuses but the `..` rule and layout (tab, CR, LF), plus line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- showing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffd]|\p{Cs}/gu;

/**
 * Text from a client's accounts or files, for a reader: each character that would reorder,
 * hide or stand in for others is shown as ⟨U+XXXX⟩, so that what is there is seen.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (char) => `⟨${codePoint(char)}⟩`);
}

/**
 * Text stored before the rule (a label "Team 👩‍💻 week 4" held a zero-width joiner) in a form the
 * rule accepts, so that what the app already holds still exports and its export still imports:
 * each refused character as its visible form, a `..` segment with its dots as U+2025 (two dot
 * leader), cut to USER_TEXT_MAX with an ellipsis. Text the rule accepts is returned unchanged.
 */
export function storableText(text: string): string {
  if (UserText.safeParse(text).success) return text;
  const visible = visibleText(text);
  const short = visible.length <= USER_TEXT_MAX ? visible : `${cutTo(visible, USER_TEXT_MAX - 1)}…`;
  // Cut first: the cut could end a segment in `..`.
  return userTextProblem(short) ? short.replaceAll('..', '\u2025') : short;
}

/** The longest start of `text` within `max` UTF-16 units that splits neither a character nor a ⟨U+XXXX⟩. */
function cutTo(text: string, max: number): string {
  let cut = '';
  for (const [char] of text.matchAll(/⟨U\+[0-9A-F]{4,6}⟩|[^]/gu)) {
    if (cut.length + char.length > max) break;
    cut += char;
  }
  return cut;
}

/**
 * Bytes to text, refusing what is not UTF-8: a lenient decoder would turn a raw 0xFF or an
 * overlong sequence into U+FFFD and the text would pass as something it was not.
 */
export function decodeUtf8Strictly(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
