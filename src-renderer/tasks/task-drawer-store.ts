import { create } from 'zustand';

/** Which task's drawer is open; any view can open it (list rows, dashboard, board cards). */
export const useTaskDrawer = create<{ taskId: string | null; open: (taskId: string) => void; close: () => void }>((set) => ({
  taskId: null,
  open: (taskId) => set({ taskId }),
  close: () => set({ taskId: null }),
}));
