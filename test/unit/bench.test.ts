import { describe, expect, it } from 'vitest';
import {
  cappedScheduleBoundMs,
  chainBound,
  fanOutCallBound,
  formatTable,
  median,
  ratioOf,
  scheduleBoundMs,
  scopeBoundMs,
  scopeCallBound,
  ssmCallBound,
  verdictOf,
  type Figure,
} from '../bench/figures';
import { pdfPageCount } from '../bench/report';
import { lateFrameShare } from '../bench/ui';

const fig = (value: number | undefined, target?: number, extra: Partial<Figure> = {}): Figure => ({
  group: 'g',
  name: 'n',
  unit: 'ms',
  ...(value === undefined ? {} : { value }),
  ...(target === undefined ? {} : { target }),
  ...extra,
});

describe('ratio and verdict', () => {
  it('divides the value by the target', () => {
    expect(ratioOf(fig(150, 100))).toBe(1.5);
    expect(ratioOf(fig(150))).toBeUndefined();
    expect(ratioOf(fig(undefined, 100))).toBeUndefined();
  });

  it('meets an at-most target on the boundary and misses above it', () => {
    expect(verdictOf(fig(100, 100))).toBe('meets');
    expect(verdictOf(fig(100.1, 100))).toBe('misses');
  });

  it('misses a strictly-below target on the boundary', () => {
    expect(verdictOf(fig(5, 5, { strict: true }))).toBe('misses');
    expect(verdictOf(fig(4.9, 5, { strict: true }))).toBe('meets');
  });

  it('reads an at-least target the other way round', () => {
    expect(verdictOf(fig(2, 3, { direction: 'min' }))).toBe('misses');
    expect(verdictOf(fig(3, 3, { direction: 'min' }))).toBe('meets');
  });

  it('says info without a target and not measured without a value', () => {
    expect(verdictOf(fig(3))).toBe('info');
    expect(verdictOf(fig(undefined, 3, { note: 'page not built' }))).toBe('not measured');
    expect(verdictOf(fig(Number.NaN, 3))).toBe('not measured');
  });
});

describe('bounds', () => {
  it('needs three calls per 50 nodes, rounded up', () => {
    expect(ssmCallBound(834)).toBe(51);
    expect(ssmCallBound(50)).toBe(3);
    expect(ssmCallBound(0)).toBe(0);
    expect(chainBound(834)).toBe(18);
    // Issue 19: one DescribeInstancePatches call per non-compliant node, after the last batch.
    expect(ssmCallBound(834, 300)).toBe(351);
    expect(chainBound(834, 300)).toBe(19);
    expect(chainBound(834, 0)).toBe(18);
  });

  it('is latency-bound when the chain is long and the bucket roomy', () => {
    expect(scopeBoundMs(56, 18, { latencyMs: 50, ratePerSecond: 20, burst: 40 })).toBe(900);
  });

  it('is throttle-bound when calls exceed the burst faster than the bucket refills', () => {
    // (250 − 40) / 20 s = 10.5 s against 85 × 50 ms = 4.25 s
    expect(scopeBoundMs(250, 85, { latencyMs: 50, ratePerSecond: 20, burst: 40 })).toBe(10_500);
    expect(scopeBoundMs(30, 30, { latencyMs: 0, ratePerSecond: 1, burst: 40 })).toBe(0);
  });

  it('schedules scopes in order on the first free slot', () => {
    expect(scheduleBoundMs([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 4)).toBe(3);
    expect(scheduleBoundMs([5, 1, 1, 1], 2)).toBe(5);
    expect(scheduleBoundMs([2, 2, 3], 2)).toBe(5);
  });
});

describe('fan-out bounds', () => {
  const empty = { nodes: 0, detailCalls: 0, instances: 0, windows: 0, hostManagement: false };

  it('costs an empty region its one DescribeInstanceInformation and one DescribeInstances call', () => {
    expect(scopeCallBound(empty)).toBe(2);
  });

  it('reads the instances of a region without nodes: the EC2 listings and, for one without a profile, the host management', () => {
    expect(scopeCallBound({ ...empty, instances: 10_000, hostManagement: true })).toBe(1 + 10 + 2 + 1);
  });

  it('adds the patching setup, each window’s tasks and the EC2 listings to a non-empty region', () => {
    // 3 per 50 nodes + 12 detail pages, 4 setup questions + 1 window, one DescribeInstances page and no instance.
    expect(scopeCallBound({ ...empty, nodes: 60, detailCalls: 12, windows: 1 })).toBe(6 + 12 + 5 + 1);
    // DescribeInstances in pages of 1,000, route tables and endpoints one page each.
    expect(scopeCallBound({ ...empty, nodes: 3000, instances: 2701 })).toBe(180 + 4 + 3 + 2);
  });

  it('adds discovery and each account’s role and regions to the scopes', () => {
    // GetCallerIdentity, 11 pages for 204 accounts, 199 AssumeRole (not the caller's own), 200 DescribeRegions.
    expect(fanOutCallBound({ listed: 204, audited: 200, assumed: 199, scopes: [empty, empty] })).toBe(1 + 11 + 199 + 200 + 2 * 2);
    // IAM: two calls per distinct instance profile of an account's unmanaged instances, however many regions list it.
    expect(fanOutCallBound({ listed: 1, audited: 1, assumed: 0, scopes: [empty], profiles: 3 })).toBe(1 + 1 + 0 + 1 + 2 + 6);
  });

  it('schedules in order under the caps, letting a capped scope’s followers start', () => {
    const scope = (account: string, region: string, ms: number) => ({ account, region, ms });
    const caps = { global: 3, perAccount: 2, perRegion: 2 };
    // a's third scope waits for a slot of its account; b's, behind it, starts in the free slot at once.
    expect(cappedScheduleBoundMs([scope('a', 'r1', 10), scope('a', 'r2', 1), scope('a', 'r3', 1), scope('b', 'r3', 1)], caps)).toBe(10);
    // One region of 10 ms scopes takes two slots at a time, however many slots are free.
    expect(
      cappedScheduleBoundMs(
        [1, 2, 3, 4].map((i) => scope(`a${i}`, 'slow', 10)),
        { global: 8, perAccount: 8, perRegion: 2 },
      ),
    ).toBe(20);
    // Without binding caps it is the plain in-order schedule.
    const plain = [5, 1, 1, 1].map((ms, i) => scope(`a${i}`, `r${i}`, ms));
    expect(cappedScheduleBoundMs(plain, { global: 2, perAccount: 2, perRegion: 2 })).toBe(scheduleBoundMs([5, 1, 1, 1], 2));
    expect(cappedScheduleBoundMs([], caps)).toBe(0);
  });
});

describe('median and the table', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints one row per figure with its ratio and verdict', () => {
    const table = formatTable([fig(150, 100, { name: 'slow' }), fig(undefined, 300, { name: 'paint', note: 'page not ready' })]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^figure\s+value\s+target\s+ratio\s+verdict$/);
    expect(lines[2]).toMatch(/^g: slow\s+150\.0 ms\s+≤ 100\.0 ms\s+1\.50\s+misses$/);
    expect(lines[3]).toMatch(/^g: paint\s+—\s+≤ 300\.0 ms\s+not measured \(page not ready\)$/);
  });
});

describe('page and frame counting', () => {
  it('counts page objects, not the page tree', () => {
    expect(pdfPageCount(Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>', 'latin1'))).toBe(2);
  });

  it('counts intervals over 20 ms as late frames', () => {
    expect(lateFrameShare([0, 16.7, 33.4, 66.8, 83.5])).toBe(0.25);
    expect(lateFrameShare([0])).toBeNaN();
  });
});
