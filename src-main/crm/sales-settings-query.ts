import { ok, type Result } from '../../src-shared/core/result';
import type { SalesSettingsView } from '../../src-shared/crm/crm-contract';
import { salesSettingsOf, salesSettingsParent } from '../../src-shared/crm/sales-settings-kind';
import type { LabDatabase } from '../database/open-database';
import { childrenOf } from '../records/module-records';
import { onRecordChanges } from '../equipment/instrument-states';
import type { QueryHandlers } from '../host/handler-types';

/** The settings record (read by anyone, like the kind's scope) and what is in force: its data, or the defaults. */
async function salesSettings(db: LabDatabase): Promise<Result<SalesSettingsView>> {
  const stored = await childrenOf(db, 'sales_settings', salesSettingsParent);
  return ok({ recordId: stored[0]?.id ?? null, settings: salesSettingsOf(stored) });
}

export const salesSettingsQueryHandlers: QueryHandlers<'crm/settings'> = {
  'crm/settings': (_input, context) => onRecordChanges(context.db, () => salesSettings(context.db)),
};
