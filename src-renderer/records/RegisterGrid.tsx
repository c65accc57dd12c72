import { Box, Link } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { memo, useEffect, useMemo } from 'react';
import type { RegisterPage, RegisterRow } from '../../src-shared/records/record-contract';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { cellOf, cellText, type CellLookups } from '../../src-shared/records/register-cells';
import type { RegisterSort } from '../../src-shared/records/register-view';
import { RecordNumber } from './RecordNumber';
import { PAGE_SIZES } from './register-state';
import { StatusChip } from './StatusChip';

/** Set when the rows of a register query are on screen (the records benchmark waits for it). */
export const REGISTER_PAINTED = 'labflow:register:painted';

interface Props {
  kind: AnyRecordKind;
  page: RegisterPage | undefined;
  isLoading: boolean;
  columns: readonly string[];
  sort: RegisterSort | undefined;
  pageIndex: number;
  pageSize: number;
  lookups: CellLookups;
  onSort: (sort: RegisterSort | undefined) => void;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (id: string) => void;
  /** The column menu's "Hide column". */
  onColumns: (columns: string[]) => void;
  /** The query `page` answers (words, filters, sort and page), named in the painted mark. */
  queryKey: string;
  emptyText: string;
}

/** Marks the answer to `queryKey` as painted once its first row is in the DOM and a frame has been drawn. */
function usePaintedMark(page: RegisterPage | undefined, queryKey: string) {
  useEffect(() => {
    if (!page) return;
    let frame = 0;
    const firstId = page.rows[0]?.id;
    const check = () => {
      const isShown = firstId === undefined ? document.querySelector('[data-testid="register-grid"] .MuiDataGrid-overlay') : document.querySelector(`[data-testid="register-grid"] [data-id="${CSS.escape(firstId)}"]`);
      if (isShown) performance.mark(REGISTER_PAINTED, { detail: queryKey });
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [page, queryKey]);
}

/**
 * One page of a register in MUI's data grid (community edition): sorting and paging are asked of
 * the host (`records/register` answers from its in-memory index), the grid renders and virtualises
 * the page. Cells read as people read them (register-cells.ts). Enter or a click opens the record.
 */
export const RegisterGrid = memo(function RegisterGrid(props: Props) {
  const { kind, page, lookups, columns } = props;
  usePaintedMark(page, props.queryKey);

  const columnDefs = useMemo(
    (): GridColDef<RegisterRow>[] =>
      kind.fields.map((field) => {
        const isAmount = field.type === 'number' || field.type === 'money';
        const base: GridColDef<RegisterRow> = {
          field: field.field,
          headerName: field.label,
          flex: field.isMultiline ? 2 : field.field === 'title' || field.type === 'text' ? 1.4 : 1,
          minWidth: Math.max(field.type === 'money' || field.type === 'datetime' ? 140 : 100, field.label.length * 8 + 48),
          align: isAmount ? 'right' : 'left',
          headerAlign: isAmount ? 'right' : 'left',
          valueGetter: (_value, row) => cellText(cellOf(kind, field, row, lookups)),
        };
        if (field.field === 'status') return { ...base, renderCell: ({ row }) => <StatusChip kind={kind} status={row.status} /> };
        if (field.field === 'number') {
          return {
            ...base,
            renderCell: ({ row }) => (
              <Link href={`#/records/${encodeURIComponent(row.id)}`} underline="hover" color="inherit" onClick={(e) => e.stopPropagation()} tabIndex={-1}>
                <RecordNumber number={row.number} numberState={row.numberState} />
              </Link>
            ),
          };
        }
        return base;
      }),
    [kind, lookups],
  );
  const visibility = useMemo(() => Object.fromEntries(kind.fields.map((f) => [f.field, columns.includes(f.field)])), [kind, columns]);
  const sortModel: GridSortModel = props.sort ? [{ field: props.sort.field, sort: props.sort.direction }] : [];
  const pagination: GridPaginationModel = { page: props.pageIndex, pageSize: props.pageSize };

  return (
    <Box sx={{ height: 'calc(100vh - 250px)', minHeight: 360, width: '100%' }} data-testid="register-grid">
      <DataGrid
        aria-label={kind.pluralLabel}
        rows={page?.rows ?? []}
        rowCount={page?.total ?? 0}
        columns={columnDefs}
        columnVisibilityModel={visibility}
        loading={props.isLoading}
        density="compact"
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        sortingOrder={['asc', 'desc']}
        sortModel={sortModel}
        onSortModelChange={(model) => {
          const first = model[0];
          props.onSort(first?.sort ? { field: first.field, direction: first.sort } : undefined);
        }}
        paginationModel={pagination}
        onPaginationModelChange={(model) => props.onPage(model.page, model.pageSize)}
        pageSizeOptions={[...PAGE_SIZES]}
        disableColumnFilter
        disableColumnSelector
        disableDensitySelector
        disableRowSelectionOnClick
        onRowClick={({ row }) => props.onOpen(row.id)}
        onCellKeyDown={({ row }, event) => {
          if (event.key === 'Enter') props.onOpen(row.id);
        }}
        getRowClassName={() => 'register-row'}
        localeText={{ noRowsLabel: props.emptyText }}
        onColumnVisibilityModelChange={(model) => props.onColumns(kind.fields.map((f) => f.field).filter((f) => model[f] !== false))}
        sx={{ '& .register-row': { cursor: 'pointer' } }}
      />
    </Box>
  );
});
