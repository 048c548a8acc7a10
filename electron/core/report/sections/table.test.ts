import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { html } from '../html';
import { table, thead } from './table';

const compact = (s: string): string => s.replace(/>\s+</g, '><').trim();

describe('table', () => {
  it('writes one header cell per column with its class and style, then the rows in order', () => {
    const out = table(
      [
        { head: 'Node', style: 'width:24%' },
        { head: 'Nodes', class: 'num' },
        { head: 'Affected', class: 'num', style: 'width:7%' },
      ],
      [
        html`<tr>
          <td>a</td>
        </tr>`,
        html`<tr>
          <td>b</td>
        </tr>`,
      ],
    );
    expect(compact(out.html)).toBe(
      '<table><thead><tr><th style="width:24%">Node</th><th class="num">Nodes</th><th class="num" style="width:7%">Affected</th></tr></thead>' +
        '<tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table>',
    );
  });

  it('escapes a header given as text and keeps one given as markup', () => {
    const out = table([{ head: '<b>x</b> & "y"' }, { head: html`<i>z</i>` }], []);
    expect(out.html).toContain('<th>&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;</th>');
    expect(out.html).toContain('<th><i>z</i></th>');
  });

  it('reuses a head built once and takes the table class', () => {
    const head = thead([{ head: '1', class: 'mark' }]);
    const out = table(
      head,
      [
        html`<tr>
          <td>n</td>
        </tr>`,
      ],
      { class: 'appendix' },
    );
    expect(compact(out.html)).toBe(
      '<table class="appendix"><thead><tr><th class="mark">1</th></tr></thead><tbody><tr><td>n</td></tr></tbody></table>',
    );
  });
});

describe("the report's tables", () => {
  it('are all written by table(): no other report module opens a <table> or a <thead> itself', () => {
    const dir = join(import.meta.dirname, '..');
    const modules = [...readdirSync(dir), ...readdirSync(import.meta.dirname).map((f) => join('sections', f))].filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== join('sections', 'table.ts'),
    );
    expect(modules).toContain(join('sections', 'areas.ts'));
    const writers = modules.filter((f) => /<table|<thead/.test(readFileSync(join(dir, f), 'utf8')));
    expect(writers).toEqual([]);
  });
});
