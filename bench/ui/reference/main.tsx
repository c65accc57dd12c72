// The benchmark's reference: gantt-task-react and @hello-pangea/dnd as they come, each in a trivial
// wrapper with no database and no windowing, at the sizes the product is measured at. The page
// measures opening (render until painted) and one change (one task's title) until painted.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { measureBoard } from './reference-board';
import { measureGantt } from './reference-gantt';

declare global {
  interface Window {
    runReference?: (what: 'gantt' | 'board', size: number) => Promise<{ openMs: number; changeMs: number }>;
  }
}

window.runReference = (what, size) => {
  const element = document.getElementById('root') as HTMLElement;
  const root = createRoot(element);
  const mount = (node: React.ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
  return what === 'gantt' ? measureGantt(mount, size) : measureBoard(mount, size);
};
