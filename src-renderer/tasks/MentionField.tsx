import { List, ListItemButton, ListItemText, Paper, Popper, TextField } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import { suggestMentions, type MentionablePerson } from '../../src-shared/tasks/mentions';

const TRIGGER = /(?:^|[\s(])@([\p{L}\p{N}_.+-]*)$/u;

interface Props {
  value: string;
  onChange: (value: string) => void;
  people: readonly MentionablePerson[];
  label: string;
  disabled?: boolean;
}

/**
 * A comment field that offers people while '@name' is typed (↑/↓ to choose, Enter or Tab to
 * insert, Esc to dismiss). It inserts the email's local part, which the host resolves uniquely.
 */
export function MentionField({ value, onChange, people, label, disabled }: Props) {
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const [query, setQuery] = useState<{ partial: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = query ? suggestMentions(query.partial, people, 6) : [];

  const track = (text: string, caret: number) => {
    const match = TRIGGER.exec(text.slice(0, caret));
    setQuery(match ? { partial: match[1] ?? '', start: caret - (match[1]?.length ?? 0) - 1 } : null);
    setActive(0);
  };
  const insert = (person: MentionablePerson) => {
    if (!query) return;
    const handle = person.email.slice(0, person.email.indexOf('@'));
    const caret = query.start + 1 + query.partial.length;
    const next = `${value.slice(0, query.start)}@${handle} ${value.slice(caret)}`;
    onChange(next);
    setQuery(null);
    const position = query.start + handle.length + 2;
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(position, position));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!query || suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      insert(suggestions[active] as MentionablePerson);
    } else if (event.key === 'Escape') {
      setQuery(null);
    }
  };

  return (
    <>
      <TextField label={label} value={value} multiline minRows={2} fullWidth size="small" disabled={disabled} inputRef={inputRef}
        placeholder="Write a comment; type @ to mention someone" slotProps={{ inputLabel: { shrink: true } }}
        onChange={(e) => { onChange(e.target.value); track(e.target.value, e.target.selectionStart ?? e.target.value.length); }}
        onKeyDown={onKeyDown} onBlur={() => setTimeout(() => setQuery(null), 150)} />
      <Popper open={suggestions.length > 0} anchorEl={inputRef.current} placement="bottom-start" sx={{ zIndex: 1500 }}>
        <Paper elevation={4}>
          <List dense role="listbox" aria-label="People to mention">
            {suggestions.map((p, i) => (
              <ListItemButton key={p.id} selected={i === active} role="option" aria-selected={i === active} onMouseDown={(e) => { e.preventDefault(); insert(p); }}>
                <ListItemText primary={p.name ?? p.email} secondary={`@${p.email.slice(0, p.email.indexOf('@'))}`} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      </Popper>
    </>
  );
}
