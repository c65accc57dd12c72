import { create } from 'zustand';

const fromHash = () => window.location.hash.replace(/^#\/?/, '').split('/')[0] || 'projects';

/** The current section, kept in the URL hash so reloads and the back button work. */
export const useNavigation = create<{ section: string; go: (section: string) => void }>((set) => {
  window.addEventListener('hashchange', () => set({ section: fromHash() }));
  return {
    section: fromHash(),
    go: (section) => {
      window.location.hash = `/${section}`;
      set({ section });
    },
  };
});
