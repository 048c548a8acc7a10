/**
 * `patch-audit figures <snapshot>`: every headline figure with its unit, population and
 * definition (shared/figures.ts), the same the app's Overview and the report show.
 */
import { Option } from 'commander';
import type { Lang } from '../../../shared/model';
import { figuresText } from '../../core';
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
      print(figuresText(answer, opts.lang));
    }),
  );
};
