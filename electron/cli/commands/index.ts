import type { Command } from 'commander';
import type { SetExitCode } from '../io';
import { registerArchive } from './archive';
import { registerAudit } from './audit';
import { registerDemo } from './demo';
import { registerEvaluate } from './evaluate';
import { registerFigures } from './figures';
import { registerHistory } from './history';
import { registerIamPolicy } from './iamPolicy';
import { registerExportCsv, registerExportJson, registerReport } from './report';
import { registerSim } from './sim';
import { registerSnapshots } from './snapshots';

/** A CLI command: adds itself to the program. Add new commands to the list below. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;

export const commands: RegisterCommand[] = [
  registerAudit,
  registerEvaluate,
  registerSim,
  registerSnapshots,
  registerHistory,
  registerFigures,
  registerArchive,
  registerReport,
  registerExportCsv,
  registerExportJson,
  registerDemo,
  registerIamPolicy,
];
