import { readdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/tempDir';
import { decodeText, INVENTORY_COMMAND, nodeFactsFromAwsCli, readAwsCliFiles } from '.';

const INFO = {
  InstanceInformationList: [
    {
      InstanceId: 'i-0aaa',
      PingStatus: 'Online',
      PlatformType: 'Linux',
      PlatformName: 'Amazon Linux',
      PlatformVersion: '2',
      Name: '本番-web',
    },
    { InstanceId: 'i-0bbb', PingStatus: 'Online', PlatformType: 'Windows', PlatformName: 'Microsoft Windows Server 2019 Datacenter' },
  ],
};
const INVENTORY_WITH_APPS = {
  Entities: [{ Id: 'i-0aaa', Data: { 'AWS:Application': { Content: [{ Name: 'python3', Version: '3.7.16' }] } } }],
};
const INVENTORY_WITHOUT_APPS = {
  Entities: [{ Id: 'i-0aaa', Data: { 'AWS:InstanceInformation': { Content: [{ InstanceId: 'i-0aaa' }] } } }],
};

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** The same JSON as each shell writes it. */
const ENCODINGS: Record<string, (text: string) => Buffer> = {
  'utf-8': (text) => Buffer.from(text, 'utf8'),
  'utf-8 with BOM': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  'utf-16le with BOM (PowerShell 5.1 >)': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'utf-16be with BOM': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
};

function write(dir: string, name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('AWS CLI files as clients really send them', () => {
  it('reads UTF-8 with or without BOM and UTF-16LE/BE with BOM to the same facts', async () => {
    const dir = tempDir('pa-awscli-enc-');
    const results = await Promise.all(
      Object.entries(ENCODINGS).map(async ([name, encode], i) => {
        const info = write(dir, `info-${i}.json`, encode(JSON.stringify(INFO, null, 2)));
        const inventory = write(dir, `inv-${i}.json`, encode(JSON.stringify(INVENTORY_WITH_APPS)));
        return { name, facts: nodeFactsFromAwsCli(await readAwsCliFiles([info, inventory])).facts };
      }),
    );
    expect(results[0]!.facts).toHaveLength(2);
    expect(results[0]!.facts[0]!.name).toBe('本番-web');
    for (const { name, facts } of results) expect(facts, name).toEqual(results[0]!.facts);
  });

  it('refuses bytes that are neither UTF-8 nor UTF-16 with a BOM, naming the file', () => {
    expect(() => decodeText(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'x.json')).toThrow(/x\.json: not UTF-8 or UTF-16 text/);
  });

  it('counts a file given twice, or a node listed twice, once, and says so', async () => {
    const dir = tempDir('pa-awscli-twice-');
    const info = write(dir, 'info.json', Buffer.from(JSON.stringify(INFO)));
    const page2 = write(
      dir,
      'info-again.json',
      Buffer.from(JSON.stringify({ InstanceInformationList: [INFO.InstanceInformationList[0]] })),
    );
    const twice = await readAwsCliFiles([info, info]);
    expect(twice.items.get('InstanceInformationList')).toHaveLength(2);
    expect(twice.notes).toEqual([`${info} was given more than once; read once`]);
    const overlapping = await readAwsCliFiles([info, page2]);
    expect(nodeFactsFromAwsCli(overlapping).facts.map((node) => node.instanceId)).toEqual(['i-0aaa', 'i-0bbb']);
    expect(overlapping.notes).toEqual(['1 InstanceInformationList record(s) appeared more than once (same id); each is counted once']);
  });

  it('names get-inventory output without AWS:Application data and the command to re-run, instead of telling every node to enable Inventory', async () => {
    const dir = tempDir('pa-awscli-inv-');
    const info = write(dir, 'info.json', Buffer.from(JSON.stringify(INFO)));
    const inventory = write(dir, 'inv.json', Buffer.from(JSON.stringify(INVENTORY_WITHOUT_APPS)));
    const input = await readAwsCliFiles([info, inventory]);
    expect(input.items.has('Entities')).toBe(false);
    expect(input.notes).toEqual([expect.stringContaining(`re-run it as: ${INVENTORY_COMMAND}`)]);
    const { facts, notes } = nodeFactsFromAwsCli(input);
    expect(facts.every((node) => node.sources.inventory === 'not_collected')).toBe(true);
    expect(facts).toHaveLength(2);
    expect(notes).toEqual(input.notes);
  });
});

describe('describe-instance-patches files', () => {
  const id = 'i-0123456789abcdef0';
  const info = {
    InstanceInformationList: [
      { InstanceId: id, PingStatus: 'Online', PlatformType: 'Linux', PlatformName: 'Amazon Linux', PlatformVersion: '2023' },
    ],
  };
  const states = { InstancePatchStates: [{ InstanceId: id, MissingCount: 2, FailedCount: 0, InstalledPendingRebootCount: 0 }] };
  const patch = (kbId: string) => ({ Title: kbId, KBId: kbId, State: 'MISSING', Severity: 'Important', CVEIds: 'CVE-2024-0001' });

  it('adds up one node’s answer saved over several files, and says when a file stops at a NextToken', async () => {
    const dir = tempDir('pa-patches-files-');
    const write = (name: string, body: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(body));
      return join(dir, name);
    };
    const files = [
      write('info.json', info),
      write('states.json', states),
      write(`patches-${id}.json`, { Patches: [patch('curl.x86_64')], NextToken: 'page-2' }),
      write(`patches-${id}-2.json`, { Patches: [patch('openssl.x86_64'), patch('curl.x86_64')] }),
    ];
    const input = await readAwsCliFiles(files);
    expect(input.notes).toEqual([expect.stringContaining('ends with a NextToken')]);
    const [facts] = nodeFactsFromAwsCli(input).facts;
    expect(facts?.patches?.map((p) => p.kbId)).toEqual(['curl.x86_64', 'openssl.x86_64']);
    expect(facts?.sources.patches).toBe('ok');
  });
});

describe('the files of one fleet', () => {
  const fixtures = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'awscli', 'v2');
  const files = readdirSync(fixtures).map((name) => join(fixtures, name));

  it('give the same facts in whatever order they are named, and however often', async () => {
    const expected = nodeFactsFromAwsCli(await readAwsCliFiles(files)).facts;
    expect(expected.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(files, { minLength: files.length }),
        fc.array(fc.constantFrom(...files), { maxLength: 4 }),
        async (order, again) => {
          const { facts } = nodeFactsFromAwsCli(await readAwsCliFiles([...order, ...again]));
          expect(facts).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
