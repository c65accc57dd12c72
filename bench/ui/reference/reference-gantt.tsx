import { Gantt, ViewMode, type Task as BarTask } from 'gantt-task-react';
import 'gantt-task-react/dist/index.css';
import { useState, type ReactNode } from 'react';
import { referencePlan } from './reference-data';
import { whenPainted, whenTextPainted } from './paint-timing';

const toBar = (t: ReturnType<typeof referencePlan>[number]): BarTask => ({
  id: t.id, type: 'task', name: t.title, start: new Date(`${t.startDate}T00:00`), end: new Date(`${t.dueDate}T23:59`), progress: t.progress, dependencies: t.dependsOn,
});

let setBars: ((bars: BarTask[]) => void) | null = null;

function BareGantt({ initial }: { initial: BarTask[] }) {
  const [bars, set] = useState(initial);
  setBars = set;
  return <Gantt tasks={bars} viewMode={ViewMode.Week} />;
}

/** Opens the bare Gantt with `size` tasks, then renames one task; both timed until painted. */
export async function measureGantt(mount: (node: ReactNode) => void, size: number) {
  const bars = referencePlan(size, size / 2, 20).map(toBar);
  const start = performance.now();
  mount(<BareGantt initial={bars} />);
  const opened = await whenPainted(() => document.querySelector('g.bar rect') !== null);
  await new Promise((r) => setTimeout(r, 300));
  const title = `Renamed ${Date.now()}`;
  const changed = bars.map((b, i) => (i === 3 ? { ...b, name: title } : b));
  const before = performance.now();
  const painted = whenTextPainted(document.body, title);
  setBars?.(changed);
  const after = await painted;
  return { openMs: opened - start, changeMs: after - before };
}
