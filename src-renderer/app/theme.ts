import { createTheme } from '@mui/material/styles';
import { create } from 'zustand';

export type ThemeMode = 'light' | 'dark';

const STORAGE_KEY = 'labflow.theme';
const initialMode = (): ThemeMode => {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

export const useThemeMode = create<{ mode: ThemeMode; toggle: () => void }>((set, get) => ({
  mode: initialMode(),
  toggle: () => {
    const mode = get().mode === 'light' ? 'dark' : 'light';
    localStorage.setItem(STORAGE_KEY, mode);
    set({ mode });
  },
}));

// System fonts only: LabFlow works offline and loads nothing from the network.
const fontFamily = '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';

export const buildTheme = (mode: ThemeMode) =>
  createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1f6f8b' : '#6cc3df' },
      secondary: { main: '#7b5ea7' },
      // MUI's light warning and info (#ed6c02, #0288d1) are under 4.5:1 as text on white and as a
      // background to white text: an outlined "Reconnecting…" chip failed axe's contrast check.
      ...(mode === 'light' ? { warning: { main: '#b45309' }, info: { main: '#0369a1' } } : {}),
    },
    typography: { fontFamily },
    shape: { borderRadius: 8 },
    components: {
      // MUI's default corner (bottom-left) is where the navigation rail is: a notice there hides
      // the sections. Notices without their own timer hide themselves after a while.
      MuiSnackbar: { defaultProps: { anchorOrigin: { vertical: 'bottom', horizontal: 'right' }, autoHideDuration: 8000 } },
    },
  });
