import type { Who } from '../records/who';

/**
 * Who does what in CRM and sales, in the records' Who language.
 *
 * Read scope (decided here, documented in src-shared/crm/README.md): the sales pipeline — leads,
 * opportunities, interactions, quotations and orders — is read by sales staff (`sales`,
 * `sales_manager`), administrators and the record's owner (a sales rep who is not in a sales role,
 * e.g. a scientist who runs a service contract). Organisations, contacts and the catalogue are the
 * lab's shared directory (equipment procurement buys from the same organisations), so anyone reads
 * them; only sales and procurement staff change them.
 */
export const sales = { roles: ['sales', 'sales_manager'] } as const satisfies Who;
export const salesManager = { anyOf: [{ roles: ['sales_manager'] }, 'admin'] } as const satisfies Who;
export const salesOrOwner = { anyOf: [sales, 'owner', 'admin'] } as const satisfies Who;
/** Procurement keeps suppliers (equipment buys from organisations with the supplier role). */
export const procurementStaff = { roles: ['procurement_manager', 'procurement_officer'] } as const satisfies Who;
export const directoryKeepers = { anyOf: [sales, procurementStaff, 'admin'] } as const satisfies Who;
/** Finance sees orders to invoice them. */
export const salesOrFinance = { anyOf: [sales, 'owner', 'admin', { roles: ['finance'] }] } as const satisfies Who;
