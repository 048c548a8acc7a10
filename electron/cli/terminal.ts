/**
 * Everything the CLI prints passes through here. Node ids, names, platform strings and
 * annotations come from a client's AWS accounts and files; raw, an escape sequence in one of
 * them would retitle the window, clear the screen, fake lines or write the clipboard (OSC 52),
 * and bidi or zero-width characters would make a line read differently than it is. They are
 * shown as visible escapes (`\x1B`, `\u202E`), so the consultant sees that something was there.
 */

/**
 * C0 controls but tab and line feed, DEL, C1 controls, the bidi embeddings, overrides, isolates
 * and marks, the zero-width characters, line and paragraph separators, and the BOM.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** Text for a terminal: line feeds and tabs stay, every other control or invisible character is spelled out. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** One value on one line: a line feed in a client's string must not start a fake line of output. */
export function terminalValue(text: string): string {
  return terminalText(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/**
 * JSON for a terminal or a pipe, the same data: JSON.stringify escapes C0 controls but leaves
 * C1, bidi and zero-width characters raw; written as `\uXXXX` they parse back identically.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const printOut = (text: string): void => void process.stdout.write(terminalText(text.endsWith('\n') ? text : `${text}\n`));
export const printErr = (text: string): void => void process.stderr.write(terminalText(text.endsWith('\n') ? text : `${text}\n`));
