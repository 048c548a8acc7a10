import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Strictly, storableText, USER_TEXT_MAX, UserText, userTextProblem, userTextProblemText, visibleText } from './userText';

/** Every character the rule refuses (issue 28 item 9), by the problem it names. */
const REFUSED: Record<string, number[]> = {
  bidi: [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c],
  zero_width: [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff],
  lone_surrogate: [0xd800, 0xdbff, 0xdc00, 0xdfff],
  not_utf8: [0xfffd],
  control: [0x00, 0x1b, 0x7f, 0x85, 0x9b],
};
const refused = fc.constantFrom(
  ...Object.entries(REFUSED).flatMap(([code, points]) => points.map((p) => ({ code, char: String.fromCharCode(p), point: p }))),
);

const isRefused = (s: string) =>
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]|\p{Cs}/u.test(s);
/** Text a consultant may type: any characters of any script, emoji included, but none of the refused ones. */
const ordinary = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !isRefused(s) && !s.includes('..'));
const hex = (point: number) => point.toString(16).toUpperCase().padStart(4, '0');

describe('the text rule (labels, client, engagement; input and import)', () => {
  it('accepts ordinary text in every script', () => {
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(userTextProblem(text)).toBeNull();
      }),
    );
    for (const text of ['本番環境 2026 年 11 月', 'Acme GmbH — Q4 audit', 'Ünïcödé ✓', 'שלום', '🚀 team'])
      expect(UserText.safeParse(text).success).toBe(true);
  });

  it('refuses bidi controls, zero-width characters, lone surrogates and U+FFFD wherever they are, naming the character', () => {
    fc.assert(
      fc.property(ordinary, ordinary, refused, (before, after, bad) => {
        const problem = userTextProblem(`${before}${bad.char}${after}`);
        expect(problem).toEqual({ code: bad.code, char: `U+${hex(bad.point)}` });
        const parsed = UserText.safeParse(`${before}${bad.char}${after}`);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.message).toContain(`U+${hex(bad.point)}`);
      }),
    );
  });

  it('says why in both languages', () => {
    for (const code of Object.keys(REFUSED)) {
      const problem = userTextProblem(String.fromCharCode(REFUSED[code]![0]!))!;
      expect(userTextProblemText(problem, 'en')).toMatch(/^Contains .*U\+[0-9A-F]{4}/);
      expect(userTextProblemText(problem, 'ja')).toMatch(/U\+[0-9A-F]{4}.*[ぁ-ん]/);
    }
    expect(userTextProblemText(userTextProblem('a/../b')!, 'ja')).toContain('..');
  });
});

describe('visibleText (client text that cannot be refused: node names, tags)', () => {
  const withRefused = fc
    .array(
      fc.oneof(
        ordinary,
        refused.map((bad) => bad.char),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));
  const unmark = (s: string) => s.replace(/⟨U\+([0-9A-F]{4,6})⟩/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

  it('leaves no refused character and hides nothing: every one is shown as ⟨U+XXXX⟩ in its place', () => {
    fc.assert(
      fc.property(
        withRefused.filter((s) => !s.includes('⟨U+')),
        (text) => {
          const shown = visibleText(text);
          expect(isRefused(shown)).toBe(false);
          expect(unmark(shown)).toBe(text);
        },
      ),
    );
  });

  it('changes nothing in ordinary text, tabs and line breaks included', () => {
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(visibleText(`${text}\t\n\r`)).toBe(`${text}\t\n\r`);
      }),
    );
    expect(visibleText('Acme \u202efdp.exe')).toBe('Acme ⟨U+202E⟩fdp.exe');
  });
});

describe('storableText (text stored before the rule, migrated so that it exports and imports)', () => {
  /** Anything: any UTF-16 units (lone surrogates and controls included), dots and slashes, past the length limit. */
  const anything = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom('..', '/', ' ', '\u200d'),
        refused.map((b) => b.char),
      ),
      {
        maxLength: 20,
      },
    )
    .map((parts) => parts.join(''));

  it('makes any text acceptable to the rule', () => {
    fc.assert(
      fc.property(anything, (text) => {
        expect(UserText.safeParse(storableText(text)).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves text the rule accepts as it is', () => {
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(storableText(text)).toBe(text);
      }),
    );
  });

  it('shows what was hidden as the UI does, and cuts what grew too long without splitting a character', () => {
    expect(storableText('Team \u{1F469}\u200D\u{1F4BB} week 4')).toBe('Team \u{1F469}⟨U+200D⟩\u{1F4BB} week 4');
    expect(storableText('Acme\uFFFD')).toBe('Acme⟨U+FFFD⟩');
    expect(storableText('a/../b\u200b')).toBe('a/\u2025/b⟨U+200B⟩');
    const long = storableText(`${'😀'.repeat(99)}\u200d😀`);
    expect(long.length).toBeLessThanOrEqual(USER_TEXT_MAX);
    expect(long.endsWith('😀…')).toBe(true);
  });
});

describe('decodeUtf8Strictly (the import reads bytes through it)', () => {
  it('decodes every well-formed text exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeUtf8Strictly(new TextEncoder().encode(text))).toBe(text);
      }),
    );
  });

  it('refuses a raw 0xFF, an overlong sequence, an encoded surrogate and a truncated sequence anywhere', () => {
    const bad = fc.constantFrom([0xff], [0xfe], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xe3, 0x81]);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        bad,
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
        (a, bytes, b) => {
          const encoded = [...new TextEncoder().encode(a), ...bytes, ...new TextEncoder().encode(b)];
          expect(decodeUtf8Strictly(Uint8Array.from(encoded))).toBeNull();
        },
      ),
    );
  });
});
