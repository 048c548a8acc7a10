import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText, terminalValue } from './terminal';

const ESC = '\u001b';
const HOSTILE = [
  `${ESC}]0;owned${'\u0007'}`, // window title
  `${ESC}[2J${ESC}[H`, // clear screen, cursor home
  `${ESC}]52;c;ZWNobyBoaQ==${'\u0007'}`, // OSC 52: write the clipboard
  '\u009b31m', // C1 CSI
  'web\u202Eexe.txt', // right-to-left override
  'i-0ab\u200Bc', // zero-width space
  '\u2066isolate\u2069',
  'bom\ufeff',
  'cr\rover',
];

describe('terminal output of client-supplied strings', () => {
  it('leaves no control, bidi or zero-width character in the text, and shows where each was', () => {
    for (const text of HOSTILE) {
      const out = terminalText(text);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
      expect(out).toMatch(/\\(x[0-9A-F]{2}|u[0-9A-F]{4})/);
    }
    expect(terminalText(`${ESC}]0;owned\u0007`)).toBe('\\x1B]0;owned\\x07');
    expect(terminalText('web\u202Eexe.txt')).toBe('web\\u202Eexe.txt');
  });

  it('keeps ordinary text, Japanese, tabs and line feeds as they are', () => {
    const text = 'snapshot 12\t本番サーバー (ap-northeast-1)\nnext line ✓ × △';
    expect(terminalText(text)).toBe(text);
  });

  it('puts one value on one line: a line feed in a name cannot fake a line of output', () => {
    expect(terminalValue('web-01\nsnapshot 99  complete')).toBe('web-01\\nsnapshot 99  complete');
    expect(terminalValue('a\tb')).toBe('a\\tb');
  });

  it('writes JSON that parses back to the same data with nothing invisible left raw', () => {
    const value = { name: HOSTILE.join('|'), nested: ['\u0085', '\u2028'] };
    const json = terminalJson(value);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
