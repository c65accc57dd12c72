// The records benchmark's reference: MUI's data grid (community edition) as it comes, holding the
// same purchase requests as the app's register in the page's memory and sorting, filtering and
// paging them itself — no host, no database, no formatting. The page measures opening (render
// until the first rows are painted), a quick filter and a sort, each until painted.
import { DataGrid, type GridColDef, type GridFilterModel, type GridSortModel } from '@mui/x-data-grid';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { purchaseRequestKind } from '../../../src-shared/equipment/purchase-request-kind';
import { recordBatches, type SeedPlan } from '../record-data';
import { whenPainted } from '../../ui/reference/paint-timing';

interface Row {
  id: string;
  number: string;
  itemName: string;
  quantity: number;
  estimatedCost: number;
  neededBy: string;
  requesterId: string;
  status: string;
}

declare global {
  interface Window {
    runRecordsReference?: (plan: SeedPlan, peopleIds: string[], words: string[], sorts: Array<[keyof Row, 'asc' | 'desc']>) => Promise<{ rows: number; openMs: number; filterMs: number[]; sortMs: number[] }>;
  }
}

const columns: GridColDef<Row>[] = [
  { field: 'number', headerName: 'Number', flex: 1 },
  { field: 'itemName', headerName: 'Item', flex: 1.4 },
  { field: 'quantity', headerName: 'Quantity', type: 'number', flex: 1 },
  { field: 'estimatedCost', headerName: 'Estimated cost', type: 'number', flex: 1 },
  { field: 'neededBy', headerName: 'Needed by', flex: 1 },
  { field: 'requesterId', headerName: 'Requested by', flex: 1 },
  { field: 'status', headerName: 'Status', flex: 1 },
];

function rowsOf(plan: SeedPlan, peopleIds: string[]): Row[] {
  const rows: Row[] = [];
  for (const batch of recordBatches(plan, peopleIds, 5000)) {
    for (const doc of batch) {
      if (doc.kind !== purchaseRequestKind.kind) continue;
      const data = doc.data as { itemName: string; quantity: number; estimatedCost: { amountMinor: number }; neededBy: string; requesterId: string };
      rows.push({ id: doc.id, number: doc.number, itemName: data.itemName, quantity: data.quantity, estimatedCost: data.estimatedCost.amountMinor / 100, neededBy: data.neededBy, requesterId: data.requesterId, status: doc.status });
    }
  }
  return rows;
}

let setModels: ((filter: GridFilterModel, sort: GridSortModel) => void) | undefined;

function Grid({ rows }: { rows: Row[] }) {
  const [filterModel, setFilterModel] = useState<GridFilterModel>({ items: [] });
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  setModels = (filter, sort) => {
    setFilterModel(filter);
    setSortModel(sort);
  };
  return (
    <DataGrid rows={rows} columns={columns} density="compact" filterModel={filterModel} onFilterModelChange={setFilterModel}
      sortModel={sortModel} onSortModelChange={setSortModel} initialState={{ pagination: { paginationModel: { pageSize: 100 } } }} pageSizeOptions={[100]} />
  );
}

const firstRowId = () => document.querySelector<HTMLElement>('.MuiDataGrid-row')?.dataset.id;

/** Changes the grid's models and resolves with the time until the expected first row is painted. */
async function change(filter: GridFilterModel, sort: GridSortModel, expectedFirst: string | undefined): Promise<number> {
  const start = performance.now();
  setModels?.(filter, sort);
  return (await whenPainted(() => firstRowId() === expectedFirst)) - start;
}

window.runRecordsReference = async (plan, peopleIds, words, sorts) => {
  const rows = rowsOf(plan, peopleIds);
  const start = performance.now();
  createRoot(document.getElementById('root') as HTMLElement).render(<Grid rows={rows} />);
  const openMs = (await whenPainted(() => firstRowId() !== undefined)) - start;
  const filterMs: number[] = [];
  for (const word of words) {
    // What the quick filter shows first: the first row (in stored order) with the word in any column.
    const expected = rows.find((r) => Object.values(r).some((v) => String(v).toLowerCase().includes(word)))?.id;
    filterMs.push(await change({ items: [], quickFilterValues: [word] }, [], expected));
    await change({ items: [] }, [], rows[0]?.id);
  }
  const sortMs: number[] = [];
  for (const [field, direction] of sorts) {
    // Array sort is stable, as the grid's is: ties keep the stored order.
    const sign = direction === 'asc' ? 1 : -1;
    const expected = [...rows].sort((a, b) => (a[field] < b[field] ? -sign : a[field] > b[field] ? sign : 0))[0]?.id;
    sortMs.push(await change({ items: [] }, [{ field, sort: direction }], expected));
  }
  return { rows: rows.length, openMs, filterMs, sortMs };
};
