/**
 * `patch-audit figures <snapshot>`: every headline figure with its unit, population and
 * definition (shared/figures.ts), the same the app's Overview and the report show.
 */
import { Option } from 'commander';
import { editionWithId } from '../../../shared/catalog';
import { figureShare, figureValues, shareText, withUnit } from '../../../shared/figures';
import type { Lang } from '../../../shared/model';
import type { RegisterCommand } from './index';
import { parseId } from '../options';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerFigures: RegisterCommand = (program) => {
  withDbOptions(
    program
      .command('figures')
      .argument('<snapshot>', 'the snapshot id')
      .description('every headline figure of a snapshot with its unit, the nodes it counts and its definition')
      .addOption(new Option('--lang <lang>', 'language of the labels and definitions').choices(['en', 'ja']).default('en')),
  ).action((snapshot: string, opts: DbOptions & { lang: Lang }) =>
    useServices(opts, ({ fleet }) => {
      const answer = fleet.figures(parseId(snapshot));
      if (opts.json) return printJson(answer);
      const { lang } = opts;
      const number = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
      const percent = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
      const values = figureValues(answer.figures);
      print(
        lang === 'ja'
          ? `スナップショット #${answer.snapshot} (カタログ ${editionWithId(answer.edition, lang)})`
          : `Snapshot #${answer.snapshot} (catalog ${editionWithId(answer.edition, lang)})`,
      );
      for (const figure of answer.figures) {
        const unknown = lang === 'ja' ? '不明' : 'unknown';
        const count = figure.value === null ? unknown : withUnit(number.format(figure.value), figure.value, figure.unit, lang);
        const share = figureShare(values, figure.id);
        const pct = share === null ? '' : ` (${shareText(`${percent.format(share)} %`, figure.population, lang)})`;
        print('');
        print(`${figure.label[lang]}: ${count}${pct}  [${figure.id}]`);
        print(`  ${figure.definition[lang]}`);
      }
    }),
  );
};
