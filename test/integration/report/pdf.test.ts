/**
 * The report as the client reads it: PDF printed by Debian's Chromium, text extracted with
 * pdftotext (poppler-utils), pages rendered to PNG with pdftoppm and kept under
 * test-results/report/ for a human look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSources, ruleTitle } from '../../../shared/messages';
import type { Lang } from '../../../shared/model';
import { chromiumPrinter } from '../../../electron/core/report/chromiumPrinter';
import { buildReportModel, renderReportPdf, type Paper, type Printer } from '../../../electron/core/report';
import { formatInt } from '../../../electron/core/report/labels';
import { launchChromium } from '../../support/chromium';
import { HOSTILE_NAMES, reportStore } from './reportStore';
import { tempDir } from '../../support/tempDir';

const RESULTS = join(import.meta.dirname, '..', '..', '..', 'test-results', 'report');
const tmp = tempDir('pa-report-pdf-');

const pdfText = (file: string, layout = true): string =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const pdfInfo = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('PDF report', () => {
  const { store, ids } = reportStore(60);
  let browser: Browser;
  let print: Printer;
  const files = {} as Record<Lang, string>;

  beforeAll(async () => {
    browser = await launchChromium();
    print = chromiumPrinter(browser);
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    const papers: Record<Lang, Paper> = { ja: 'a4', en: 'letter' };
    for (const lang of ['ja', 'en'] as const) {
      const model = buildReportModel(store, ids[2]!, { lang, compareTo: ids[0]! });
      files[lang] = join(tmp, `report-${lang}.pdf`);
      writeFileSync(files[lang], await renderReportPdf(model, print, { lang, paper: papers[lang] }));
      execFileSync('pdftoppm', ['-r', '60', '-png', files[lang], join(RESULTS, `report-${lang}`)]);
    }
  });
  afterAll(async () => {
    await browser?.close();
    store.close();
  });

  it('prints A4 and Letter with a running header and numbered footer on every page', () => {
    expect(pdfInfo(files.ja)).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(pdfInfo(files.en)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    for (const lang of ['ja', 'en'] as const) {
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(files[lang]))![1]);
      expect(pages).toBeGreaterThan(8);
      const text = pdfText(files[lang], false);
      const label = lang === 'ja' ? 'ページ' : 'Page';
      for (let p = 1; p <= pages; p++) expect(text).toContain(`${label} ${p} / ${pages}`);
      expect(readdirSync(RESULTS).filter((f) => f.startsWith(`report-${lang}-`) && f.endsWith('.png'))).toHaveLength(pages);
    }
  });

  it('states the node count and each rule’s pass / fail counts exactly as the store has them, in both languages', () => {
    const summary = store.ruleSummary(ids[2]!);
    const nodes = store.getSnapshot(ids[2]!)!.nodeCount;
    for (const lang of ['ja', 'en'] as const) {
      const text = pdfText(files[lang]);
      expect(text).toMatch(lang === 'ja' ? new RegExp(`全 ${nodes} ノード中`) : new RegExp(`of ${nodes} nodes`));
      for (const row of summary) {
        const sources = ruleSources(row.rule).join(', ') || '—';
        const counts = [row.pass, row.fail, row.warn, row.unknown, row.not_applicable].map((n) => formatInt(n, lang)).join('\\s+');
        expect(text, `${lang} ${row.rule}`).toMatch(
          new RegExp(`${escapeRe(ruleTitle(row.rule, lang))}\\s+${escapeRe(sources)}\\s+${counts}`),
        );
      }
    }
  });

  it('extracts Japanese text as Japanese (fonts embedded, no missing glyphs)', () => {
    const text = pdfText(files.ja);
    for (const phrase of [
      'エグゼクティブサマリー',
      '前提条件',
      'パッチコンプライアンス',
      '付録: 全マネージドノード一覧',
      '監査方法',
      '対処方法',
      HOSTILE_NAMES[2],
    ])
      expect(text).toContain(phrase);
    expect(text).not.toContain('\uFFFD');
    // Chromium embeds the CJK collection's glyphs as Type 3 fonts: each must be embedded and carry
    // a Unicode map, or copy-paste and search would return garbage.
    const fonts = execFileSync('pdffonts', [files.ja], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      const [emb, , uni] = line.trim().split(/\s+/).slice(-5);
      expect([emb, uni], line).toEqual(['yes', 'yes']);
    }
  });

  it('prints a hostile node name as text', () => {
    const text = pdfText(files.en, false);
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('=HYPERLINK("http://evil.example","click")');
  });

  it('cites the catalog sources P1–P7 and the edition in the method', () => {
    const text = pdfText(files.en, false);
    for (const p of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']) expect(text).toContain(p);
    expect(text).toContain('seed-2022');
    expect(text).toMatch(/Minimum SSM Agent version\s+2\.0\.834\.0/);
  });
});
