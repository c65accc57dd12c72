import type { HostFeature } from '../host/feature';
import { calibrationCommandHandlers } from './calibration-handlers';
import { decommissionCommandHandlers } from './decommission-handlers';
import { dashboardOf, equipmentQueryHandlers } from './equipment-queries';
import { dateOf } from '../../src-shared/equipment/interval';
import { fleetKinds, fleetOf, startFleet } from './fleet-state';
import { auditTime, filter } from 'rxjs';

import { keepRecordsInMemory } from '../records/record-lookup';
import { instrumentCommandHandlers } from './instrument-handlers';
import { instrumentQueryHandlers } from './instrument-queries';
import { procurementCommandHandlers } from './procurement-handlers';
import { procurementQueryHandlers } from './procurement-queries';
import { qualificationCommandHandlers } from './qualification-handlers';

/** How long after a change of the fleet the default dashboard is computed again (a burst of writes counts once). */
const BOARD_AFTER_MS = 2000;

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
    // The dashboard's first opening is the one people wait for: the default board (30 days) is
    // computed once the fleet is in, and again a while after instruments or calibrations change.
    const computeBoard = () => dashboardOf(services.db, dateOf(services.clock().toISOString()), 30).then(() => undefined, () => undefined);
    void memory?.ready().then(computeBoard, () => undefined);
    const boardKeeper = services.db.records.$.pipe(filter((event) => fleetKinds.has(event.documentData.kind)), auditTime(BOARD_AFTER_MS)).subscribe(() => void computeBoard());
    return {
      dispose() {
        boardKeeper.unsubscribe();
        keepRecordsInMemory(services.db, null);
        fleet.stop();
      },
    };
  },
};
