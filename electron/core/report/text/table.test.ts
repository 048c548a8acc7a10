import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocks, countOrUnknown, patchBasis, pct, table } from './table';

const escape = (text: string): string => text.replace(/\n/g, '\\n');

describe('the terminal-text table', () => {
  it('measures each cell as the host escapes it, so every row lines up', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.nat()), { minLength: 1, maxLength: 8 }), (rows) => {
        const lines = table(['NAME', 'COUNT'], rows, escape).split('\n');
        expect(lines).toHaveLength(rows.length + 1);
        const width = Math.max(4, ...rows.map(([name]) => escape(name).length));
        rows.forEach(([name, count], i) => {
          expect(lines[i + 1]!.slice(0, width)).toBe(escape(name).padEnd(width));
          expect(lines[i + 1]!.trimEnd().endsWith(String(count))).toBe(true);
        });
      }),
    );
  });

  it('right-aligns numbers and trims trailing spaces', () => {
    expect(
      table(
        ['A', 'N'],
        [
          ['x', 5],
          ['yy', 10],
        ],
        escape,
      ),
    ).toBe('A   N\nx    5\nyy  10');
  });

  it('says unknown for a figure no node could give, never 0', () => {
    expect(pct(null)).toBe('unknown');
    expect(pct(12.345)).toBe('12.3%');
    expect(countOrUnknown(null)).toBe('unknown');
    expect(countOrUnknown(0)).toBe(0);
    expect(patchBasis({ patchRead: 80, nodes: 100 })).toBe('80/100');
  });

  it('separates blocks by one empty line and leaves out the empty ones', () => {
    expect(blocks('a', false, 'b')).toBe('a\n\nb');
  });
});
