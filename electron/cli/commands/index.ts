import type { Command } from 'commander';
import type { SetExitCode } from '../io';
import { registerAudit } from './audit';
import { registerCatalogDiff } from './catalogDiff';
import { registerDemo } from './demo';
import { registerDiff } from './diff';
import { registerEvaluate } from './evaluate';
import { registerExport } from './export';
import { registerExportCsv } from './exportCsv';
import { registerExportJson } from './exportJson';
import { registerFigures } from './figures';
import { registerIamPolicy } from './iamPolicy';
import { registerImport } from './import';
import { registerPrune } from './prune';
import { registerReevaluate } from './reevaluate';
import { registerReport } from './report';
import { registerSim } from './sim';
import { registerSnapshots } from './snapshots';
import { registerTrends } from './trends';
import { registerUnmanaged } from './unmanaged';

/** A CLI command, one file each: adds itself to the program. Add new commands to the list below (its order is `--help`'s). */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;

export const commands: RegisterCommand[] = [
  registerAudit,
  registerEvaluate,
  registerSim,
  registerSnapshots,
  registerPrune,
  registerDiff,
  registerCatalogDiff,
  registerTrends,
  registerFigures,
  registerUnmanaged,
  registerExport,
  registerImport,
  registerReevaluate,
  registerReport,
  registerExportCsv,
  registerExportJson,
  registerDemo,
  registerIamPolicy,
];
