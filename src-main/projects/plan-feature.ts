import { planContract } from '../../src-shared/projects/plan-contract';
import { projectContract } from '../../src-shared/projects/project-contract';
import { stubFeature } from '../host/contract-stubs';

const { 'projects/update': update, 'projects/set-status': setStatus, 'projects/create-from-template': fromTemplate } = projectContract;

/** Plan items and the project views; handlers land next (contract first so the UI can start). */
export const planFeature = stubFeature('plan', { ...planContract, 'projects/update': update, 'projects/set-status': setStatus, 'projects/create-from-template': fromTemplate });
