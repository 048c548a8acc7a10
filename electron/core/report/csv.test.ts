import { describe, expect, it } from 'vitest';
import { csvField, csvRow, defuseFormula, toCsv, UTF8_BOM } from './csv';

describe('RFC 4180 writer', () => {
  it('leaves plain fields alone and writes empty for null and undefined', () => {
    expect(csvRow(['i-0abc', 42, true, null, undefined, '本番サーバー'])).toBe('i-0abc,42,true,,,本番サーバー\r\n');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
  });

  it("quotes fields with ';' or a tab, which Excel splits on in ';'-separator locales and pastes", () => {
    expect(csvField('web;db')).toBe('"web;db"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvRow(['i-1', 'prod; eu'])).toBe('i-1,"prod; eu"\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(defuseFormula(text)).toBe(`'${text}`);
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(defuseFormula('a=b')).toBe('a=b');
    expect(defuseFormula('web - 01')).toBe('web - 01');
  });

  it('defuses formulas after leading white space and in their full-width forms', () => {
    for (const text of [' =1+1', '  +cmd', '\u3000=SUM(A1)', '\u00a0@x', '\n-1', '＝1+1', '＋cmd', '－2', '＠SUM(A1)', ' ＝HYPERLINK("x")'])
      expect(defuseFormula(text)).toBe(`'${text}`);
    expect(defuseFormula('本番＝web')).toBe('本番＝web');
  });

  it('writes numbers as numbers: a negative count is data, not a formula', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe("'-3");
  });

  it('starts the document with the BOM, then the header, with CRLF line ends', () => {
    const doc = toCsv(
      ['id', 'name'],
      [
        ['i-1', 'web, 01'],
        ['i-2', null],
      ],
    );
    expect(doc.startsWith(UTF8_BOM)).toBe(true);
    expect(doc.slice(1)).toBe('id,name\r\ni-1,"web, 01"\r\ni-2,\r\n');
  });
});
