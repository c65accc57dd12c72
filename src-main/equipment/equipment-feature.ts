import type { HostFeature } from '../host/feature';
import { calibrationCommandHandlers } from './calibration-handlers';
import { decommissionCommandHandlers } from './decommission-handlers';
import { dashboardOf, equipmentQueryHandlers } from './equipment-queries';
import { dateOf } from '../../src-shared/equipment/interval';
import { fleetOf, startFleet } from './fleet-state';
import { keepRecordsInMemory } from '../records/record-lookup';
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
 * The fleet state (fleet-state.ts) holds the instruments and what gating reads in memory.
 */
export const equipmentFeature: HostFeature = {
  name: 'equipment',
  commands: { ...instrumentCommandHandlers, ...qualificationCommandHandlers, ...calibrationCommandHandlers, ...decommissionCommandHandlers, ...procurementCommandHandlers },
  queries: { ...equipmentQueryHandlers, ...instrumentQueryHandlers, ...procurementQueryHandlers },
  start(services) {
    // Gating and the dashboard answer from memory: fill it now, in the background.
    const fleet = startFleet(services.db);
    const memory = fleetOf(services.db);
    if (memory) keepRecordsInMemory(services.db, memory);
    // The dashboard's first opening is the one people wait for: compute the default board (30 days) once the fleet is in.
    void memory
      ?.ready()
      .then(() => dashboardOf(services.db, dateOf(services.clock().toISOString()), 30))
      .catch(() => undefined);
    return {
      dispose() {
        keepRecordsInMemory(services.db, null);
        fleet.stop();
      },
    };
  },
};
