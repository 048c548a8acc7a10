/**
 * Client text the report and the CSV show (node names, tags, labels) cannot reorder or hide what
 * the reader sees (issue 28 item 9): every bidi control, zero-width or invisible character
 * reaches the page and the spreadsheet as ⟨U+XXXX⟩.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from './csv';
import { escapeHtml, html } from './html';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|\p{Cs}/u;
const tricky = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('\u202e', '\u202a', '\u2066', '\u2069', '\u200b', '\u200d', '\u2060', '\ufeff', '\ud800', '\u200f', '\u0085'),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('client text in the report and the CSV', () => {
  it('never carries an invisible character into the HTML', () => {
    fc.assert(
      fc.property(tricky, (name) => {
        expect(INVISIBLE.test(escapeHtml(name))).toBe(false);
        expect(INVISIBLE.test(html`<td>${name}</td>`.toString())).toBe(false);
      }),
    );
    expect(escapeHtml('Acme \u202efdp.exe <b>')).toBe('Acme ⟨U+202E⟩fdp.exe &lt;b&gt;');
  });

  it('never carries one into a CSV field, and still defuses formulas', () => {
    fc.assert(
      fc.property(tricky, (name) => {
        expect(INVISIBLE.test(csvField(name).replace(/[\t\r\n]/g, ''))).toBe(false);
      }),
    );
    expect(csvField('\u200b=HYPERLINK("x")')).toBe('"⟨U+200B⟩=HYPERLINK(""x"")"');
    expect(csvField('=1\u202e')).toBe("'=1⟨U+202E⟩");
  });
});
