import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False while the server's HTML is showing, true once React runs in the browser: controls
 * whose handlers need JavaScript (file uploads through fetch) stay disabled until then,
 * so an early click does not fall back to a plain form submission.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
