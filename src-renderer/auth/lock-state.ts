import { create } from 'zustand';

/** The person whose window locked after inactivity: who may continue with their password. */
export interface LockedPerson {
  /** Whose reminders the locked window still shows, without detail (absent in a lock kept by an older LabFlow). */
  id?: string;
  name: string;
  email: string;
}

const STORAGE_KEY = 'labflow.locked';

const stored = (): LockedPerson | null => {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<LockedPerson> | null;
    if (!value || typeof value.name !== 'string' || typeof value.email !== 'string') return null;
    return { ...(typeof value.id === 'string' ? { id: value.id } : {}), name: value.name, email: value.email };
  } catch {
    return null;
  }
};

/**
 * The window's lock: after inactivity the host ends the session (its data is out of reach), and the
 * window shows a lock screen for the same person instead of the sign-in form, keeping their place
 * (the address) for when they continue. Kept in sessionStorage, so a reload of a locked window
 * stays locked; switching person is a separate, explicit step.
 */
export const useLock = create<{ locked: LockedPerson | null; lock: (person: LockedPerson) => void; unlock: () => void }>((set) => ({
  locked: stored(),
  lock: (person) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(person));
    set({ locked: person });
  },
  unlock: () => {
    sessionStorage.removeItem(STORAGE_KEY);
    set({ locked: null });
  },
}));
