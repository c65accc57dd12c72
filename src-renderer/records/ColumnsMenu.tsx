import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { Button, Checkbox, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { toggledColumns } from './register-state';

/** Chooses which of the kind's fields the register shows (in the kind's order; at least one). */
export function ColumnsMenu({ kind, columns, onChange }: { kind: AnyRecordKind; columns: readonly string[]; onChange: (columns: string[]) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button startIcon={<ViewColumnIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">Columns</Button>
      <Menu open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': 'Columns' } }}>
        {kind.fields.map((f) => {
          const isShown = columns.includes(f.field);
          return (
            <MenuItem key={f.field} dense role="menuitemcheckbox" aria-checked={isShown} onClick={() => onChange(toggledColumns(kind, columns, f.field))}>
              <Checkbox size="small" checked={isShown} tabIndex={-1} disableRipple sx={{ p: 0.5, mr: 1 }} />
              <ListItemText primary={f.label} />
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}
