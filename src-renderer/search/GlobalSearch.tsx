import AssignmentIcon from '@mui/icons-material/Assignment';
import DescriptionIcon from '@mui/icons-material/Description';
import FolderIcon from '@mui/icons-material/Folder';
import PersonIcon from '@mui/icons-material/Person';
import SearchIcon from '@mui/icons-material/Search';
import { Box, Button, Dialog, InputAdornment, LinearProgress, List, ListItemButton, ListItemIcon, ListItemText, TextField, Typography } from '@mui/material';
import { useDeferredValue, useEffect, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../src-shared/records/record-contract';
import { useNavigation } from '../shell/navigation';
import { useSearch } from './use-search';

const icons: Record<SearchHit['collection'], JSX.Element> = {
  records: <DescriptionIcon fontSize="small" />,
  projects: <FolderIcon fontSize="small" />,
  tasks: <AssignmentIcon fontSize="small" />,
  people: <PersonIcon fontSize="small" />,
};

/** Where a hit opens: a record's page, a project, a task, the people list in Settings. */
export const hitPlace = (hit: SearchHit): { section: string; path: string[] } =>
  hit.collection === 'people' ? { section: 'settings', path: ['people'] } : { section: hit.collection, path: [hit.id] };

/**
 * Ctrl+K (or the search button): one box over records, projects, tasks and people. Usable from the
 * keyboard alone — type, ↑/↓ to choose, Enter to open, Esc to close.
 */
export function GlobalSearch() {
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const words = useDeferredValue(text);
  const search = useSearch(words, 20);
  const go = useNavigation((s) => s.go);
  const hits = search.hits;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => setActive(0), [search.answered]);

  const close = () => {
    setOpen(false);
    setText('');
  };
  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    const place = hitPlace(hit);
    go(place.section, place.path);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(hits[active]);
    }
  };

  const optionId = (i: number) => `global-search-hit-${i}`;
  return (
    <>
      <Button color="inherit" startIcon={<SearchIcon />} onClick={() => setOpen(true)} sx={{ textTransform: 'none', color: 'text.secondary' }} aria-keyshortcuts="Control+K">
        Search… <Typography component="span" variant="caption" sx={{ ml: 1, border: 1, borderColor: 'divider', borderRadius: 1, px: 0.5 }}>Ctrl+K</Typography>
      </Button>
      <Dialog open={isOpen} onClose={close} fullWidth maxWidth="sm" aria-label="Search LabFlow" slotProps={{ paper: { sx: { position: 'absolute', top: 64 } } }}>
        <Box sx={{ p: 2, pb: 1 }}>
          <TextField autoFocus fullWidth placeholder="Find records, projects, tasks, people…" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown}
            slotProps={{
              input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> },
              htmlInput: { role: 'combobox', 'aria-label': 'Search LabFlow', 'aria-expanded': hits.length > 0, 'aria-controls': 'global-search-hits', 'aria-activedescendant': hits.length > 0 ? optionId(active) : undefined, 'aria-autocomplete': 'list' },
            }} />
        </Box>
        {search.isSearching && <LinearProgress aria-label="Searching" />}
        <List id="global-search-hits" role="listbox" aria-label="Search results" dense sx={{ maxHeight: 420, overflow: 'auto', pt: 0 }}>
          {hits.map((hit, i) => (
            <ListItemButton key={`${hit.collection}:${hit.id}`} id={optionId(i)} role="option" aria-selected={i === active} selected={i === active}
              onMouseEnter={() => setActive(i)} onClick={() => open(hit)} tabIndex={-1}>
              <ListItemIcon sx={{ minWidth: 36 }}>{icons[hit.collection]}</ListItemIcon>
              <ListItemText primary={hit.title} secondary={hit.subtitle} />
            </ListItemButton>
          ))}
        </List>
        {words.trim() !== '' && !search.isSearching && search.answered === words.trim() && hits.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 3, pb: 2 }}>Nothing matches “{words.trim()}”.</Typography>
        )}
        {text.trim() === '' && <Typography variant="body2" color="text.secondary" sx={{ px: 3, pb: 2 }}>Type a number, a title or a name. ↑ ↓ to choose, Enter to open, Esc to close.</Typography>}
      </Dialog>
    </>
  );
}
