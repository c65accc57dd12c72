import { TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useRef, useState } from 'react';

/**
 * A text field that saves when the person leaves it (or presses Ctrl+Enter), and takes changes
 * from elsewhere (another PC, another minute-taker) while it is not being edited.
 */
export function SavedTextField({ value, onSave, ...props }: Omit<TextFieldProps, 'value' | 'onChange' | 'onBlur'> & { value: string; onSave: (value: string) => Promise<unknown> | void }) {
  const [text, setText] = useState(value);
  const isEditing = useRef(false);
  useEffect(() => {
    if (!isEditing.current) setText(value);
  }, [value]);
  const save = () => {
    isEditing.current = false;
    if (text !== value) void onSave(text);
  };
  return (
    <TextField
      {...props}
      value={text}
      onFocus={() => (isEditing.current = true)}
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
      }}
    />
  );
}
