import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_EDITIONS,
  CURRENT_CATALOG_ID,
  DEFAULT_CATALOG_ID,
  catalogs,
  defineCatalog,
  editionName,
  editionWithId,
  getCatalog,
} from '.';
import { evaluateNode } from '../evaluate';
import type { NodeFacts } from '../model';
import { nodeFacts } from '../../test/unit/nodeFactsFixture';
import type { CatalogEdition } from './schema';
import { formatRanges, inAnyRange } from './versionRange';

// The repo's own copy of the Japanese seed (the project never reads ../shared).
const SOURCE = readFileSync(new URL('./seed-2022.source.ja.txt', import.meta.url), 'utf8');
const seed = getCatalog('seed-2022')!;
const seedWindows2008 = seed.windows2008!;

/** Every quoted source sentence of an edition, for the verbatim check. */
function quotesOf(edition: CatalogEdition): string[] {
  return [
    edition.agent.source,
    edition.python.source,
    edition.patchSource.linux,
    edition.patchSource.windows,
    edition.s3.source,
    ...edition.os.flatMap((entry) => [
      entry.source,
      ...(entry.note ? [entry.note.source] : []),
      ...(entry.ec2Only ? [entry.ec2Only.source] : []),
    ]),
    ...edition.unsupportedExamples.map((example) => example.source),
    ...(edition.windows2008 ? [edition.windows2008.source, edition.windows2008.match.source] : []),
    ...edition.greengrassUnsupported.map((match) => match.source),
  ].map((source) => source.quote);
}

describe('seed-2022 transcription', () => {
  it('is registered and stays selectable beside the default', () => {
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
    expect(seedWindows2008.lastSupportedAgent).toBe('2.3.1644.0');
    expect(seedWindows2008.vendorSupportEnded).toBe('2020-01-14');
    expect(seedWindows2008.match.family).toBe('windows-server');
    expect(seedWindows2008.source.rule).toBe('P6');
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
    const quotes = quotesOf(seed);
    expect(quotes.length).toBeGreaterThan(20);
    for (const quote of quotes) expect(SOURCE, quote).toContain(quote);
  });
});

// The repo's own copy of AWS's current English page, with where and when it was read at its top.
const AWS_SOURCE = readFileSync(new URL('./aws-2026-11.source.en.txt', import.meta.url), 'utf8');
const aws = getCatalog('aws-2026-11')!;

describe('aws-2026-11 transcription', () => {
  it('is registered beside the seed and, as the newest page, is the default (issue 27)', () => {
    expect(aws.id).toBe('aws-2026-11');
    expect(CATALOG_EDITIONS.map((edition) => edition.id)).toEqual(['aws-2026-11', 'seed-2022']);
    expect(DEFAULT_CATALOG_ID).toBe('aws-2026-11');
    expect(CURRENT_CATALOG_ID).toBe(DEFAULT_CATALOG_ID);
    expect(AWS_SOURCE).toMatch(
      /^URL: https:\/\/docs\.aws\.amazon\.com\/systems-manager\/latest\/userguide\/patch-manager-prerequisites\.html$/m,
    );
    expect(AWS_SOURCE).toMatch(/^Retrieved: \d{4}-\d{2}-\d{2}/m);
  });

  it('P1: agent minimum 2.0.834.0', () => {
    expect(aws.agent).toMatchObject({ minimum: '2.0.834.0', source: { rule: 'P1' } });
  });

  it('P2: Python 2.6–3.12; Python 3 (3.0–3.12) on AlmaLinux, Debian and Ubuntu; none on Windows', () => {
    expect(aws.python.range).toEqual({ from: '2.6', to: '3.12' });
    expect(aws.python.python3Only.range).toEqual({ from: '3.0', to: '3.12' });
    expect([...aws.python.python3Only.families].sort()).toEqual(['almalinux', 'debian', 'ubuntu']);
    expect(aws.python.notRequiredTypes).toEqual(['Windows']);
    expect(aws.python.source.rule).toBe('P2');
  });

  it('P3/P4: patch source and S3 cite the page', () => {
    expect([aws.patchSource.linux.rule, aws.patchSource.windows.rule, aws.s3.source.rule]).toEqual(['P3', 'P3', 'P4']);
  });

  // Written out by hand from the English page, line by line.
  it('P5: the OS table, entry by entry', () => {
    const matrix = Object.fromEntries(aws.os.map((entry) => [entry.family, formatRanges(entry.versions)]));
    expect(matrix).toEqual({
      almalinux: '8.x, 9.x',
      'amazon-linux-2': '2.0+',
      'amazon-linux-2023': '2023',
      'centos-stream': '9.x',
      debian: '11.x, 12.x',
      'oracle-linux': '7.5 - 8.x, 9.x',
      rhel: '7.x - 8.x, 9.x, 10.x',
      'rocky-linux': '8.x, 9.x',
      sles: '15.3+',
      ubuntu: '16.04, 18.04, 20.04, 22.04, 24.04, 25.04',
      macos: '13.0 - 13.7, 14.x, 15.x',
      'windows-server': '2012 - 2025',
    });
    expect(aws.os.every((entry) => entry.source.rule === 'P5')).toBe(true);
    expect(aws.unsupportedExamples).toEqual([]);
  });

  // Both sides of every range: [family, inside, outside], versions as SSM reports them.
  it.each([
    ['almalinux', ['8', '8.0', '8.10', '9.0', '9.6'], ['7.9', '10', '10.0']],
    ['amazon-linux-2', ['2', '2.0', '2.0.20240620.0'], ['1', '1.9']],
    ['amazon-linux-2023', ['2023', '2023.5.20240624'], ['2022', '2024']],
    ['centos-stream', ['9', '9.0'], ['8', '10']],
    ['debian', ['11', '11.11', '12', '12.8'], ['10', '10.13', '13', '13.0']],
    ['oracle-linux', ['7.5', '7.9', '8.0', '8.10', '9', '9.5'], ['7.4', '7.4.1', '6.10', '10', '10.0']],
    ['rhel', ['7', '7.0', '7.9', '8.10', '9.0', '9.6', '10.0', '10.1'], ['6.10', '6', '11', '11.0']],
    ['rocky-linux', ['8', '8.4', '8.10', '9.0', '9.6'], ['7.9', '10', '10.0']],
    ['sles', ['15.3', '15.3.1', '15.6', '16', '16.0'], ['15.2', '15.2.9', '12.5', '15']],
    [
      'ubuntu',
      ['16.04', '18.04', '20.04', '22.04', '24.04', '24.04.1', '25.04'],
      ['14.04', '16.10', '20.10', '23.10', '24.10', '25.10', '26.04'],
    ],
    ['macos', ['13.0', '13', '13.7', '13.7.2', '14.0', '14.7.1', '15', '15.3.1'], ['12.7.6', '13.8', '16', '16.0', '26.0']],
    ['windows-server', ['2012', '2012 R2', '2016', '2019', '2022', '2025'], ['2008', '2008 R2', '2003 R2', '2026']],
  ])('P5 boundaries: %s', (family, inside, outside) => {
    const entry = aws.os.find((candidate) => candidate.family === family)!;
    for (const version of inside) expect(inAnyRange(version, entry.versions), `${version} inside`).toBe(true);
    for (const version of outside) expect(inAnyRange(version, entry.versions), `${version} outside`).toBe(false);
  });

  it('P5/P6: macOS on EC2 only is a check; a note on Windows Server 2012 / 2012 R2 only', () => {
    const notes = aws.os
      .filter((entry) => entry.note)
      .map((entry) => [entry.family, entry.note?.source.rule, entry.note?.versions ? formatRanges(entry.note.versions) : '*']);
    expect(notes).toEqual([['windows-server', 'P6', '2012.x']]);
    expect(aws.os.filter((entry) => entry.ec2Only).map((entry) => [entry.family, entry.ec2Only?.source.rule])).toEqual([['macos', 'P5']]);
    expect(aws.windows2008).toBeUndefined();
  });

  it('P5/P7: Greengrass exclusions on macOS and Windows 10', () => {
    expect(
      aws.greengrassUnsupported.map((match) => [match.family, match.versions ? formatRanges(match.versions) : '*', match.source.rule]),
    ).toEqual([
      ['macos', '*', 'P5'],
      ['windows-client', '10', 'P7'],
    ]);
  });

  it('quotes every source sentence verbatim from the English page', () => {
    const quotes = quotesOf(aws);
    expect(quotes.length).toBeGreaterThan(18);
    for (const quote of quotes) expect(AWS_SOURCE, quote).toContain(quote);
  });
});

describe('aws-2026-11 against seed-2022 (the real evaluate)', () => {
  const run = (facts: NodeFacts, catalog: CatalogEdition, rule: string) =>
    evaluateNode(facts, { catalog, now: new Date('2026-11-15T00:00:00Z'), scanAgeDays: 7 }).find((check) => check.rule === rule)!;

  // os-release NAME and VERSION_ID, as SSM Agent reports them in PlatformName / PlatformVersion.
  it.each([
    ['Amazon Linux', '2023'],
    ['Ubuntu', '22.04'],
    ['Red Hat Enterprise Linux', '9.4'],
    ['Rocky Linux', '9.5'],
    ['AlmaLinux', '8.10'],
  ])('%s %s passes os.supported under aws-2026-11, not under seed-2022', (platformName, platformVersion) => {
    const facts = nodeFacts({ platformName, platformVersion, inventory: [{ name: 'python3', version: '3.10.12-1~22.04' }] });
    expect(run(facts, aws, 'os.supported')).toMatchObject({ status: 'pass', code: 'os.supported' });
    expect(run(facts, seed, 'os.supported').status).toBe('fail');
  });

  it('Ubuntu 22.04 with Python 3.10 passes python.version under aws-2026-11, not under seed-2022', () => {
    const facts = nodeFacts({
      platformName: 'Ubuntu',
      platformVersion: '22.04',
      inventory: [{ name: 'python3', version: '3.10.12-1~22.04' }],
    });
    expect(run(facts, aws, 'python.version')).toMatchObject({ status: 'pass', code: 'python.ok' });
    expect(run(facts, seed, 'python.version')).toMatchObject({ status: 'fail', code: 'python.out-of-range' });
  });

  it('drops what the page no longer lists: Windows Server 2008 and Raspberry Pi OS fail, with no 2008 agent rule', () => {
    const win2008 = nodeFacts({
      platformType: 'Windows',
      platformName: 'Microsoft Windows Server 2008 R2 Datacenter',
      platformVersion: '6.1.7601',
      agentVersion: '2.3.1644.0',
    });
    expect(run(win2008, aws, 'os.supported')).toMatchObject({ status: 'fail', code: 'os.version-not-listed' });
    expect(run(win2008, aws, 'agent.windows2008')).toMatchObject({ status: 'not_applicable', code: 'agent.windows2008.not-in-edition' });
    expect(run(win2008, seed, 'agent.windows2008')).toMatchObject({ status: 'warn', code: 'agent.windows2008.eol' });
    const raspbian = nodeFacts({ platformName: 'Raspbian GNU/Linux', platformVersion: '10' });
    expect(run(raspbian, aws, 'os.supported')).toMatchObject({ status: 'fail', code: 'os.family-not-listed' });
  });

  // Issue 27: "macOS is supported for Amazon EC2 instances only." is a check, not a note.
  it('fails a hybrid macOS node (mi- id or ManagedInstance) under aws-2026-11; passes it on EC2; the seed is unchanged', () => {
    const mac = (instanceId: string, resourceType?: string) =>
      nodeFacts({ instanceId, resourceType, platformType: 'MacOS', platformName: 'macOS', platformVersion: '14.6.1' });
    const onEc2 = mac('i-0123456789abcdef0', 'EC2Instance');
    expect(run(onEc2, aws, 'os.supported')).toMatchObject({ status: 'pass', code: 'os.supported' });
    for (const hybrid of [
      mac('mi-0123456789abcdef0', 'ManagedInstance'),
      mac('mi-0123456789abcdef0'),
      mac('i-0123456789abcdef0', 'ManagedInstance'),
    ]) {
      const result = run(hybrid, aws, 'os.supported');
      expect(result).toMatchObject({ status: 'fail', code: 'os.ec2-only' });
      expect(result.evidence).toMatchObject({ instanceId: hybrid.instanceId });
    }
    const quoted = aws.os.find((entry) => entry.family === 'macos')?.ec2Only?.source.quote;
    expect(quoted).toBe('macOS is supported for Amazon EC2 instances only.');
    expect(AWS_SOURCE).toContain(quoted);
    // The seed names no such limit: a hybrid macOS node in its range passes as before.
    const seedMac = nodeFacts({
      instanceId: 'mi-0123456789abcdef0',
      resourceType: 'ManagedInstance',
      platformType: 'MacOS',
      platformName: 'macOS',
      platformVersion: '10.15.7',
    });
    expect(run(seedMac, seed, 'os.supported')).toMatchObject({ status: 'pass' });
    expect(seed.os.some((entry) => entry.ec2Only)).toBe(false);
  });

  it('shows the Windows Server 2012 end-of-support note on 2012 R2 and not on 2025', () => {
    const windows = (platformName: string, platformVersion: string) =>
      nodeFacts({ platformType: 'Windows', platformName, platformVersion });
    const r2 = run(windows('Microsoft Windows Server 2012 R2 Standard', '6.3.9600'), aws, 'os.supported');
    expect(r2).toMatchObject({ status: 'pass', code: 'os.supported-with-note' });
    expect(r2.params['note_en']).toMatch(/October 10, 2023/);
    expect(run(windows('Microsoft Windows Server 2025 Datacenter', '10.0.26100'), aws, 'os.supported')).toMatchObject({
      status: 'pass',
      code: 'os.supported',
    });
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

describe('edition names (issue 27)', () => {
  it('names every edition in both languages, once, with the month its page describes', () => {
    expect(editionName('aws-2026-11', 'en')).toBe('AWS page, November 2026');
    expect(editionName('aws-2026-11', 'ja')).toBe('AWSのページ（2026年11月）');
    expect(editionName('seed-2022', 'en')).toBe('Japanese page, 2022 (source document)');
    expect(editionName('seed-2022', 'ja')).toBe('日本語のページ（2022年、原資料）');
    for (const edition of CATALOG_EDITIONS) {
      expect(edition.name.en).not.toBe(edition.name.ja);
      expect(editionWithId(edition.id, 'en')).toBe(`${edition.id} (${edition.name.en})`);
    }
  });

  it('keeps an unknown edition (a snapshot from a newer version) by its id', () => {
    expect(editionName('aws-2099-01', 'en')).toBe('aws-2099-01');
    expect(editionWithId('aws-2099-01', 'ja')).toBe('aws-2099-01');
  });

  it('makes the edition describing the latest page the default, whatever order the registry lists them in', () => {
    const newest = [...CATALOG_EDITIONS].sort((a, b) => (a.describes < b.describes ? 1 : -1))[0]!;
    expect(DEFAULT_CATALOG_ID).toBe(newest.id);
    expect(CATALOG_EDITIONS[0]!.id).toBe(DEFAULT_CATALOG_ID);
    expect(() => defineCatalog({ ...seed, id: 'bad', describes: 'November 2026' })).toThrow(/describes/);
  });
});
