import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_EDITIONS, DEFAULT_CATALOG_ID, catalogs, defineCatalog, getCatalog } from '.';
import { formatRanges } from './versionRange';

// The repo's own copy of the Japanese seed (the project never reads ../shared).
const SOURCE = readFileSync(new URL('./seed-2022.source.ja.txt', import.meta.url), 'utf8');
const seed = getCatalog(DEFAULT_CATALOG_ID)!;

describe('seed-2022 transcription', () => {
  it('is registered as the default edition', () => {
    expect(seed.id).toBe('seed-2022');
    expect(CATALOG_EDITIONS.map((edition) => edition.id)).toContain('seed-2022');
    expect(catalogs['seed-2022']).toBe(seed);
    expect(getCatalog('no-such-edition')).toBeUndefined();
    expect(getCatalog('toString')).toBeUndefined();
  });

  it('P1: agent minimum 2.0.834.0', () => {
    expect(seed.agent.minimum).toBe('2.0.834.0');
    expect(seed.agent.source.rule).toBe('P1');
  });

  it('P2: Python 2.6–3.9; Python 3 (3.0–3.9) on Debian, Raspberry Pi OS and Ubuntu; none on Windows', () => {
    expect(seed.python.range).toEqual({ from: '2.6', to: '3.9' });
    expect(seed.python.python3Only.range).toEqual({ from: '3.0', to: '3.9' });
    expect([...seed.python.python3Only.families].sort()).toEqual(['debian', 'raspberry-pi-os', 'ubuntu']);
    expect(seed.python.notRequiredTypes).toEqual(['Windows']);
  });

  // Written out by hand from the Japanese page, line by line.
  it('P5: the OS matrix, entry by entry', () => {
    const matrix = Object.fromEntries(seed.os.map((entry) => [entry.family, formatRanges(entry.versions)]));
    expect(matrix).toEqual({
      'amazon-linux': '2012.03 - 2018.03',
      'amazon-linux-2': '2 - 2.0',
      'amazon-linux-2022': '2022',
      centos: '6.5 - 7.9, 8.0 - 8.5',
      'centos-stream': '8.x',
      debian: '8.x, 9.x, 10.x',
      'oracle-linux': '7.5 - 7.9',
      'raspberry-pi-os': '9.x, 10.x',
      rhel: '6.5 - 8.6',
      'rocky-linux': '8.4, 8.5',
      sles: '12.0 - 12.x, 15.0 - 15.4',
      ubuntu: '14.04, 16.04, 18.04, 20.04, 20.10',
      macos: '10.14.x, 10.15.x, 11.3.1, 11.4',
      'windows-server': '2008 - 2022',
    });
    expect(seed.os.every((entry) => entry.source.rule === 'P5')).toBe(true);
  });

  it('P5: the explicit unsupported examples and the Amazon Linux proxy note', () => {
    expect(seed.unsupportedExamples.map((example) => [example.family, formatRanges(example.versions ?? [])])).toEqual([
      ['centos', '6.3'],
      ['raspberry-pi-os', '8.x'],
    ]);
    const withNotes = seed.os.filter((entry) => entry.note);
    expect(withNotes.map((entry) => entry.family)).toEqual(['amazon-linux']);
    expect(withNotes[0]?.note?.text.en).toMatch(/requests module/);
  });

  it('P6: Windows Server 2008 facts', () => {
    expect(seed.windows2008.lastSupportedAgent).toBe('2.3.1644.0');
    expect(seed.windows2008.vendorSupportEnded).toBe('2020-01-14');
    expect(seed.windows2008.match.family).toBe('windows-server');
    expect(seed.windows2008.source.rule).toBe('P6');
  });

  it('P5/P7: Greengrass exclusions on macOS and Windows 10', () => {
    expect(
      seed.greengrassUnsupported.map((match) => [match.family, match.versions ? formatRanges(match.versions) : '*', match.source.rule]),
    ).toEqual([
      ['macos', '*', 'P5'],
      ['windows-client', '10', 'P7'],
    ]);
  });

  it('quotes every source sentence verbatim from the Japanese page', () => {
    const quotes = [
      seed.agent.source,
      seed.python.source,
      seed.patchSource.linux,
      seed.patchSource.windows,
      seed.s3.source,
      ...seed.os.flatMap((entry) => [entry.source, ...(entry.note ? [entry.note.source] : [])]),
      ...seed.unsupportedExamples.map((example) => example.source),
      seed.windows2008.source,
      seed.windows2008.match.source,
      ...seed.greengrassUnsupported.map((match) => match.source),
    ].map((source) => source.quote);
    expect(quotes.length).toBeGreaterThan(20);
    for (const quote of quotes) expect(SOURCE, quote).toContain(quote);
  });
});

describe('defineCatalog', () => {
  it('refuses an edition with an unknown family or a malformed bound', () => {
    const badFamily = { ...seed, id: 'bad', os: [{ ...seed.os[0]!, family: 'beos' }] };
    expect(() => defineCatalog(badFamily as never)).toThrow(/family/);
    const badBound = { ...seed, id: 'bad', agent: { ...seed.agent, minimum: 'latest' } };
    expect(() => defineCatalog(badBound)).toThrow(/minimum/);
  });
});
