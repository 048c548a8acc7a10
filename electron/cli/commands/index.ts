import type { Command } from 'commander';
import type { SetExitCode } from '../io';
import { registerAudit } from './audit';
import { registerEvaluate } from './evaluate';
import { registerSim } from './sim';

/** A CLI command: adds itself to the program. Add new commands to the list below. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;

export const commands: RegisterCommand[] = [registerAudit, registerEvaluate, registerSim];
