import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromParams, filtersToParams, type MatrixFilters, NO_FILTERS } from '../lib/matrix-filters';

/** The filters as their URL text, to tell our own writes from changes made elsewhere. */
const keyOf = (filters: MatrixFilters) => filtersToParams(filters, new URLSearchParams()).toString();

/**
 * The grid's filters, kept in the URL's search parameters so a filtered view can be shared as a
 * link. The page reads its own copy, updated at once: the router applies URL changes a moment
 * later, and inputs bound straight to the URL would lag behind what was typed or clicked. A URL
 * changed elsewhere (a link, Back) replaces the copy.
 */
export function useMatrixFilters(): {
  filters: MatrixFilters;
  setFilters: (change: Partial<MatrixFilters>) => void;
  clearFilters: () => void;
} {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => filtersFromParams(params), [params]);
  const [filters, setLocal] = useState(fromUrl);
  const latest = useRef(fromUrl);
  const written = useRef(keyOf(fromUrl));

  useEffect(() => {
    const key = keyOf(fromUrl);
    if (key === written.current) return;
    written.current = key;
    latest.current = fromUrl;
    setLocal(fromUrl);
  }, [fromUrl]);

  const setFilters = useCallback(
    (change: Partial<MatrixFilters>) => {
      const next = { ...latest.current, ...change };
      latest.current = next;
      written.current = keyOf(next);
      setLocal(next);
      setParams((previous) => filtersToParams(next, previous), { replace: true });
    },
    [setParams],
  );
  const clearFilters = useCallback(() => setFilters(NO_FILTERS), [setFilters]);
  return { filters, setFilters, clearFilters };
}
