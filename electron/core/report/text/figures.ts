/** Every headline figure of a snapshot as terminal text, with its unit, population and definition (shared/figures.ts). */
import { editionWithId } from '../../../../shared/catalog';
import { figureShare, figureValues, shareText, withUnit, type SnapshotFigures } from '../../../../shared/figures';
import type { Lang } from '../../../../shared/model';

export function figuresText(answer: SnapshotFigures, lang: Lang): string {
  const number = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
  const percent = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const values = figureValues(answer.figures);
  const edition = editionWithId(answer.edition, lang);
  const lines = [
    lang === 'ja' ? `スナップショット #${answer.snapshot} (カタログ ${edition})` : `Snapshot #${answer.snapshot} (catalog ${edition})`,
  ];
  for (const figure of answer.figures) {
    const count =
      figure.value === null ? (lang === 'ja' ? '不明' : 'unknown') : withUnit(number.format(figure.value), figure.value, figure.unit, lang);
    const share = figureShare(values, figure.id);
    const pct = share === null ? '' : ` (${shareText(`${percent.format(share)} %`, figure.population, lang)})`;
    lines.push('', `${figure.label[lang]}: ${count}${pct}  [${figure.id}]`, `  ${figure.definition[lang]}`);
  }
  return lines.join('\n');
}
