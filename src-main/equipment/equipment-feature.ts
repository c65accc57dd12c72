import type { HostFeature } from '../host/feature';
import { calibrationCommandHandlers } from './calibration-handlers';
import { decommissionCommandHandlers } from './decommission-handlers';
import { equipmentQueryHandlers } from './equipment-queries';
import { instrumentCommandHandlers } from './instrument-handlers';
import { instrumentQueryHandlers } from './instrument-queries';
import { procurementCommandHandlers } from './procurement-handlers';
import { procurementQueryHandlers } from './procurement-queries';
import { qualificationCommandHandlers } from './qualification-handlers';

/**
 * The equipment lifecycle (src-shared/equipment): procurement, installation, qualification,
 * calibration, use, maintenance and decommissioning commands, which write through the records
 * platform; the register, dashboard, instrument page, history card, bid matrix and documents.
 * Its reminders and preventive work orders are scheduler rules (src-main/scheduler/reminder-rules.ts).
 */
export const equipmentFeature: HostFeature = {
  name: 'equipment',
  commands: { ...instrumentCommandHandlers, ...qualificationCommandHandlers, ...calibrationCommandHandlers, ...decommissionCommandHandlers, ...procurementCommandHandlers },
  queries: { ...equipmentQueryHandlers, ...instrumentQueryHandlers, ...procurementQueryHandlers },
};
