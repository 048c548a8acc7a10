/**
 * One module per AWS source (docs/design.md §5): the action it calls, whether the scope needs it,
 * and how its answers become facts. The audit pages through the SDK and the evaluate command
 * reads AWS CLI files; both hand the answers to these translations.
 */
export { INSTANCE_INFORMATION, nodeIdentities, type NodeIdentity } from './instanceInformation';
export { PATCH_STATES, patchStatesById } from './patchStates';
export { INSTANCE_PATCHES, needsPatchDetail, PATCH_DETAIL_FILTER, PATCH_DETAIL_PAGE, patchDetails } from './instancePatches';
export { APPLICATION_TYPE, INVENTORY, INVENTORY_FILTER, inventoryById } from './inventory';
export { instancesById, NETWORK, type Ec2Networking } from './network';
export { assembleNodeFacts, type ScopeAnswers, type SourceRead } from './nodeFacts';
