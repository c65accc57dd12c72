import { create } from 'zustand';

interface Route {
  section: string;
  /** What follows the section, e.g. `['instances', '<id>']` for `#/workflows/instances/<id>`. */
  path: string[];
}

const parse = (): Route => {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { section: parts[0] || 'projects', path: parts.slice(1) };
};

const toHash = (section: string, path: readonly string[]) => `#/${[section, ...path].map(encodeURIComponent).join('/')}`;

/**
 * Asked before every move; returns true to hold the move (e.g. an editor with unsaved changes that
 * asks first) and calls `proceed` later if the person agrees.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

interface Navigation extends Route {
  go: (section: string, path?: string[]) => void;
  setLeaveGuard: (guard: LeaveGuard | null) => void;
}

/** The current section (and sub-route), kept in the URL hash so reloads and the back button work. */
export const useNavigation = create<Navigation>((set, get) => {
  let guard: LeaveGuard | null = null;
  let current = toHash(parse().section, parse().path);
  const apply = (hash: string) => {
    current = hash;
    if (window.location.hash !== hash) window.location.hash = hash;
    set(parse());
  };
  // The back button changes the hash before anyone can ask; put it back while the guard decides.
  window.addEventListener('hashchange', () => {
    const target = window.location.hash;
    if (target === current) return;
    if (guard) {
      const held = guard;
      window.history.replaceState(null, '', current);
      if (held(() => { guard = null; apply(target); })) return;
    }
    apply(target);
  });
  return {
    ...parse(),
    go: (section, path = []) => {
      const target = toHash(section, path);
      if (target === current && get().section === section) return;
      if (guard && guard(() => { guard = null; apply(target); })) return;
      apply(target);
    },
    setLeaveGuard: (next) => {
      guard = next;
    },
  };
});
