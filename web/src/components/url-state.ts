import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** A page setting kept in the URL (`?asOf=2024-02-01&zone=shifosi-west`), so a view can be shared or reloaded. */
export function useUrlState(key: string, fallback: string): [string, (value: string | undefined) => void];
export function useUrlState(
  key: string,
  fallback?: string,
): [string | undefined, (value: string | undefined) => void];
export function useUrlState(key: string, fallback?: string) {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | undefined) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [key, setParams],
  );
  return [params.get(key) ?? fallback, set] as const;
}
