import BookmarkIcon from '@mui/icons-material/BookmarkBorder';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Button, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { SavedView, ViewSettings } from '../../src-shared/records/register-contract';
import { isSameSettings } from '../../src-shared/records/saved-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { defaultSettings } from './register-state';
import { SaveViewDialog } from './SaveViewDialog';

interface Props {
  kind: AnyRecordKind;
  settings: ViewSettings;
  viewId: string | null;
  onApply: (view: SavedView) => void;
  onReset: () => void;
  onSaved: (view: SavedView) => void;
}

/**
 * The person's saved views of this register (kept on this PC by the host): apply one, save the
 * current settings under a name, remove one, or go back to the kind's standard view. The button
 * names the view shown, "(changed)" once the settings differ from it.
 */
export function SavedViewsMenu({ kind, settings, viewId, onApply, onReset, onSaved }: Props) {
  const views = useLiveQuery('records/views', { kind: kind.kind });
  const remove = useCommand('records/remove-view');
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [isSaving, setSaving] = useState(false);
  const list = views.data ?? [];
  const current = list.find((v) => v.id === viewId);
  const isChanged = current ? !isSameSettings(current, settings) : !isSameSettings(defaultSettings(kind), settings);
  const label = current ? `${current.name}${isChanged ? ' (changed)' : ''}` : isChanged ? 'Unsaved view' : 'Standard view';
  return (
    <>
      <Button startIcon={<BookmarkIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" data-testid="views-button" sx={{ whiteSpace: 'nowrap' }}>{label}</Button>
      <Menu open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': 'Saved views' } }}>
        <MenuItem onClick={() => { setAnchor(null); onReset(); }} selected={!current && !isChanged}>
          <ListItemText primary="Standard view" secondary="The usual columns, no filters" />
        </MenuItem>
        {list.map((v) => (
          <MenuItem key={v.id} selected={v.id === viewId} onClick={() => { setAnchor(null); onApply(v); }}>
            <ListItemText primary={v.name} />
            <Tooltip title={`Delete “${v.name}”`}>
              <IconButton size="small" edge="end" aria-label={`Delete view ${v.name}`} sx={{ ml: 2 }}
                onClick={(e) => { e.stopPropagation(); void remove.run({ kind: kind.kind, id: v.id }); }}>
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={() => { setAnchor(null); setSaving(true); }}>Save view…</MenuItem>
      </Menu>
      <SaveViewDialog kind={kind} settings={settings} suggestedName={current?.name ?? ''} isOpen={isSaving} onClose={() => setSaving(false)}
        onSaved={(view) => { setSaving(false); onSaved(view); }} />
    </>
  );
}
