import type { MenuItemConstructorOptions } from 'electron';

export interface TrayState {
  unread: number;
  isPaused: boolean;
}

export interface TrayActions {
  open(): void;
  openMyWork(): void;
  setPaused(isPaused: boolean): void;
  quit(): void;
}

/** The tray's tooltip: what a person sees hovering the icon. */
export function trayTooltip(state: TrayState): string {
  const unread = state.unread === 0 ? 'no unread notifications' : `${state.unread} unread notification${state.unread === 1 ? '' : 's'}`;
  return `LabFlow — ${unread}${state.isPaused ? ' (paused)' : ''}`;
}

/** The tray menu: open, my work, pause notifications, quit. Pure, so it is tested without Electron. */
export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: state.unread > 0 ? `Open LabFlow (${state.unread > 99 ? '99+' : state.unread} unread)` : 'Open LabFlow', click: () => actions.open() },
    { label: 'My work', click: () => actions.openMyWork() },
    { type: 'separator' },
    { label: 'Pause notifications', type: 'checkbox', checked: state.isPaused, click: () => actions.setPaused(!state.isPaused) },
    { type: 'separator' },
    { label: 'Quit LabFlow', role: 'quit', click: () => actions.quit() },
  ];
}
