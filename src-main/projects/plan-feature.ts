import type { HostFeature } from '../host/feature';
import { dashboardQuery } from './dashboard-query';
import { exportQuery, ganttQuery } from './gantt-query';
import { planItemCommandHandlers } from './plan-item-handlers';
import { planQueryHandlers } from './plan-queries';
import { utilisationQuery } from './utilisation-query';

/** A project's plan: plan items and the dashboard, Gantt, register, budget and utilisation views (plan-contract). */
export const planFeature: HostFeature = {
  name: 'plan',
  commands: planItemCommandHandlers,
  queries: {
    ...planQueryHandlers,
    'projects/dashboard': dashboardQuery,
    'projects/gantt': ganttQuery,
    'projects/export': exportQuery,
    'utilisation/team': utilisationQuery,
  },
};
