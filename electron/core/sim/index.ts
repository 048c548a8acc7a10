/** The simulated AWS endpoint and its fleet generator (docs/design.md §9). See README.md. */
export { startSimulator } from './server';
export type { SimCredentials, Simulator, SimulatorOptions } from './server';
export { generateFleet, DEFAULT_FLEET_REGIONS, LATEST_AGENT_VERSION } from './generateFleet';
export type { FleetOptions } from './generateFleet';
export type { Fleet, SimAccount, SimNode, SimInstance, RegionFleet } from './fleet';
export { unmanagedInstances } from './fleet';
export { DEFAULT_REGIONS, OPT_IN_REGIONS, nonCompliantPatches } from './fleet';
export type { FaultRule, FaultMatch } from './faults';
export { CORRUPTIONS, corruptResult } from './corrupt';
export type { Corruption, CorruptOptions } from './corrupt';
export type { PolicyDocument, PolicyStatement } from './policy';
export { isActionAllowed } from './policy';
export type { SimCounters } from './counters';
export { faultsFromOptions, SimOptionError, simulatorOptions, simulatorWelcome } from './options';
export type { SimTextOptions } from './options';
