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
