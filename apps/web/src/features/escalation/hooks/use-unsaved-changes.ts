import { useEffect } from 'react';
import { type Blocker, useBlocker } from 'react-router';

/**
 * Keeps unsaved work from being lost by accident: leaving for another page of the app is held
 * (the caller asks "leave without saving?" with the blocker), and closing or reloading the tab
 * makes the browser ask. Changes of the address that stay on the page (a tab in `?section=`) pass.
 */
export function useUnsavedChanges(dirty: boolean): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers want a return value as well.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // A blocked navigation whose reason went away (the changes were saved) goes ahead.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.proceed();
  }, [blocker, dirty]);
  return blocker;
}
