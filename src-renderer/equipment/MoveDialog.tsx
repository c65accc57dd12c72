import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import type { EquipmentLocation } from '../../src-shared/equipment/equipment-kind';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { LocationFields } from './LocationFields';

/** Moves the instrument; the move is kept in its history card. */
export function MoveDialog({ equipmentId, location, onClose }: { equipmentId: string; location: EquipmentLocation; onClose: () => void }) {
  const move = useCommand('equipment/move');
  const [target, setTarget] = useState(location);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>Move instrument</DialogTitle>
      <DialogContent sx={{ pt: 1 }}>
        <div style={{ marginTop: 8 }}><LocationFields value={target} onChange={setTarget} /></div>
        {move.error && <Alert severity="error" sx={{ mt: 2 }}>{errorText(move.error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={move.isRunning} onClick={async () => { if ((await move.run({ id: equipmentId, location: target })).ok) onClose(); }}>Move</Button>
      </DialogActions>
    </Dialog>
  );
}
