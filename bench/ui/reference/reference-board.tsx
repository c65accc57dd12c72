import { DragDropContext, Draggable, Droppable } from '@hello-pangea/dnd';
import { useState, type ReactNode } from 'react';
import { TASK_STATUSES, type Task } from '../../../src-shared/tasks/task-model';
import { referencePlan } from './reference-data';
import { whenPainted, whenTextPainted } from './paint-timing';

let setCards: ((cards: Task[]) => void) | null = null;

function BareBoard({ initial }: { initial: Task[] }) {
  const [cards, set] = useState(initial);
  setCards = set;
  return (
    <DragDropContext onDragEnd={() => undefined}>
      <div style={{ display: 'flex', gap: 8 }}>
        {TASK_STATUSES.map((status) => (
          <Droppable key={status} droppableId={status}>
            {(provided) => (
              <div ref={provided.innerRef} {...provided.droppableProps} style={{ width: 240, background: '#eee' }}>
                {cards.filter((c) => c.status === status).map((card, index) => (
                  <Draggable key={card.id} draggableId={card.id} index={index}>
                    {(drag) => (
                      <div ref={drag.innerRef} {...drag.draggableProps} {...drag.dragHandleProps} style={{ ...drag.draggableProps.style, margin: 6, padding: 8, background: '#fff' }}>
                        {card.title}
                      </div>
                    )}
                  </Draggable>
                ))}
                {provided.placeholder}
              </div>
            )}
          </Droppable>
        ))}
      </div>
    </DragDropContext>
  );
}

/** Opens the bare board with `size` cards, then renames one card; both timed until painted. */
export async function measureBoard(mount: (node: ReactNode) => void, size: number) {
  const cards = referencePlan(size, size / 5, 0);
  const start = performance.now();
  mount(<BareBoard initial={cards} />);
  const opened = await whenPainted(() => document.querySelector('[data-rfd-draggable-id]') !== null);
  await new Promise((r) => setTimeout(r, 300));
  const title = `Renamed ${Date.now()}`;
  const changed = cards.map((c, i) => (i === 3 ? { ...c, title } : c));
  const before = performance.now();
  const painted = whenTextPainted(document.body, title);
  setCards?.(changed);
  const after = await painted;
  return { openMs: opened - start, changeMs: after - before };
}
