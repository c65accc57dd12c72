import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, type DialogProps } from '@mui/material';
import { useEffect, useId, useState, type FormEvent } from 'react';

/**
 * A dialog that takes typed input. Escape or a click beside it closes it at once while nothing has
 * been typed; once something has, it first asks "Discard your changes?" (Keep editing is the
 * default, so a second Escape keeps the text). The dialog's own Cancel button still closes it:
 * that is a deliberate choice, not a slip of the finger. Typing is noticed from the input events
 * that bubble up from any field inside, so a dialog does not have to report its own state.
 */
export function FormDialog({ onClose, onInput, open, children, ...props }: DialogProps) {
  const [isDirty, setDirty] = useState(false);
  const [isAsking, setAsking] = useState(false);
  const titleId = useId();

  // A dialog opened again starts clean.
  useEffect(() => {
    if (open) return;
    setDirty(false);
    setAsking(false);
  }, [open]);

  const close: DialogProps['onClose'] = (event, reason) => {
    if (isDirty) setAsking(true);
    else onClose?.(event, reason);
  };
  const typed = (event: FormEvent<HTMLDivElement>) => {
    setDirty(true);
    onInput?.(event);
  };
  const discard = () => {
    setAsking(false);
    setDirty(false);
    onClose?.({}, 'escapeKeyDown');
  };

  return (
    <>
      <Dialog {...props} open={open} onClose={close} onInput={typed}>{children}</Dialog>
      <Dialog open={open && isAsking} onClose={() => setAsking(false)} maxWidth="xs" aria-labelledby={titleId}>
        <DialogTitle id={titleId}>Discard your changes?</DialogTitle>
        <DialogContent>
          <DialogContentText>What you typed in this dialog has not been saved and will be lost.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(false)} autoFocus>Keep editing</Button>
          <Button color="error" onClick={discard}>Discard</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
