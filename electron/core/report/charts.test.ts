import { describe, expect, it } from 'vitest';
import { lineChart } from './charts';

const svgOf = (values: number[][]): string =>
  lineChart({
    title: 'Missing',
    xLabels: values[0]!.map((_, i) => `d${i}`),
    series: values.map((v, i) => ({ label: `s${i}`, color: `#00000${i}`, values: v, dashed: i > 0 })),
  }).html;

/** The y of every point of each polyline, in the viewBox. */
const polylineYs = (svg: string): number[][] =>
  [...svg.matchAll(/<polyline\s+points="([^"]*)"/g)].map((m) => m[1]!.split(' ').map((p) => Number(p.split(',')[1])));

describe('report line chart', () => {
  it('draws all-zero series as whole lines along the bottom of a 0..1 axis', () => {
    const svg = svgOf([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const ys = polylineYs(svg);
    expect(ys).toHaveLength(2);
    const bottom = ys[0]![0]!;
    for (const line of ys) expect(line).toEqual([bottom, bottom, bottom]);
    expect(Number.isFinite(bottom)).toBe(true);
    expect([...svg.matchAll(/class="tick"\s*>([^<]*)</g)].map((m) => m[1])).toEqual(expect.arrayContaining(['0', '1']));
    // Nothing clips the line at the axis: the SVG has no clip path.
    expect(svg).not.toContain('clip');
  });

  it('puts a larger value higher than zero', () => {
    const [line] = polylineYs(svgOf([[0, 4]]));
    expect(line![1]).toBeLessThan(line![0]!);
  });
});

// Issue 27: the partial audit (#3) must not read as a fleet that shrank.
describe('report line chart with a partial audit', () => {
  const missing = 'partial: 2 of 14 account × region scopes not audited';
  const svg = lineChart({
    title: 'Nodes',
    xLabels: ['2 Nov', '9 Nov', '16 Nov', '23 Nov'],
    series: [{ label: 'Managed nodes', color: '#0072B2', values: [1818, 1818, 1616, 1818] }],
    partial: [null, null, missing, null],
    partialLabel: 'Partial audit',
  }).html;
  const dotted = [...svg.matchAll(/<polyline[^>]*>/g)].map((m) => m[0].includes('stroke-dasharray="1.5 3"'));

  it('draws its point as a cross and the others as dots', () => {
    expect(svg.match(/class="partial-mark"/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it('dots only the lines into and out of it', () => {
    expect(dotted).toEqual([false, true, true]);
  });

  it('names the cross in the legend and says under the chart what was missing', () => {
    expect(svg).toContain('<li class="partial-key"><span class="cross">×</span>Partial audit</li>');
    expect(svg).toContain(`× 16 Nov: ${missing}`);
  });

  it('adds neither without a partial audit', () => {
    const complete = svgOf([[1, 2, 3]]);
    expect(complete).not.toContain('partial');
    expect(polylineYs(complete)).toHaveLength(1);
  });
});
