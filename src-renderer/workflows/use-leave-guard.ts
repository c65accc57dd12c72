import { useEffect, useState } from 'react';
import { useNavigation } from '../shell/navigation';

/**
 * While `isDirty`, holds every move away (another section, another tab, the back button) until the
 * person confirms, and asks the browser to warn before the window closes or reloads.
 */
export function useLeaveGuard(isDirty: boolean) {
  const setLeaveGuard = useNavigation((s) => s.setLeaveGuard);
  const [pending, setPending] = useState<(() => void) | null>(null);

  useEffect(() => {
    if (!isDirty) return;
    setLeaveGuard((proceed) => {
      setPending(() => proceed);
      return true;
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [isDirty, setLeaveGuard]);

  return {
    isAsking: pending !== null,
    leave: () => {
      const proceed = pending;
      setPending(null);
      setLeaveGuard(null);
      proceed?.();
    },
    stay: () => setPending(null),
  };
}
