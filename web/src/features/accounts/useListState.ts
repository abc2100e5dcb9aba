import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { AccountColumn } from '../../../../src/modules/accounts/accounts.contracts';
import { defaultFilters, filtersOfView, type ListFilters, type SavedView, sameFilters } from './accountsApi';
import { loadColumns, normalizeColumns, saveColumns } from './columns';

const SESSION_KEY = 'grove.accounts.list';

interface Stored {
  filters: ListFilters;
  viewId: string | null;
  offset: number;
  columns?: AccountColumn[];
}

function loadSession(): Stored {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Stored | null;
    if (stored?.filters)
      return {
        filters: { ...defaultFilters, ...stored.filters },
        viewId: stored.viewId ?? null,
        offset: stored.offset ?? 0,
        ...(Array.isArray(stored.columns) ? { columns: normalizeColumns(stored.columns) } : {}),
      };
  } catch {
    // start afresh
  }
  return { filters: defaultFilters, viewId: null, offset: 0 };
}

/**
 * The list's filters, columns, view and page. Kept for the browser tab (back from an account page
 * finds the list as it was). The columns chosen by hand are remembered on the device; a view shows
 * its own columns until "All accounts" brings those back.
 */
export function useListState() {
  const [initial] = useState(loadSession);
  const [filters, setFilters] = useState<ListFilters>(initial.filters);
  const [search, setSearchText] = useState(initial.filters.q);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [columns, setColumnsState] = useState<AccountColumn[]>(() => initial.columns ?? loadColumns());
  const [viewId, setViewId] = useState<string | null>(initial.viewId);
  const [offset, setOffset] = useState(initial.offset);

  // only a change of the typed text moves the search (a view applied sets both at once)
  const typed = debouncedSearch.trim();
  useEffect(() => {
    setFilters((f) => (f.q === typed ? f : { ...f, q: typed }));
  }, [typed]);

  useEffect(() => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ filters, viewId, offset, columns } satisfies Stored));
  }, [filters, viewId, offset, columns]);

  const setColumns = (next: AccountColumn[]) => {
    setColumnsState(next);
    if (!viewId) saveColumns(next);
  };

  return {
    filters,
    search,
    columns,
    viewId,
    offset,
    setOffset,
    setSearch(text: string) {
      setSearchText(text);
      setOffset(0);
    },
    setColumns,
    change(patch: Partial<ListFilters>) {
      setFilters((f) => ({ ...f, ...patch }));
      setOffset(0);
    },
    sortBy(field: ListFilters['sort']) {
      setFilters((f) => ({ ...f, sort: field, order: f.sort === field && f.order === 'asc' ? 'desc' : 'asc' }));
      setOffset(0);
    },
    /** `null`: all accounts (not archived) */
    applyView(view: SavedView | null) {
      const next = view ? filtersOfView(view.query) : defaultFilters;
      setFilters(next);
      setSearchText(next.q);
      setViewId(view?.id ?? null);
      setColumnsState(view?.columns.length ? normalizeColumns(view.columns) : loadColumns());
      setOffset(0);
    },
    reset() {
      setFilters(defaultFilters);
      setSearchText('');
      setViewId(null);
      setColumnsState(loadColumns());
      setOffset(0);
    },
    /** the filters or columns differ from the view's */
    modifiedFrom(view: SavedView | undefined): boolean {
      if (!view) return !sameFilters(filters, defaultFilters);
      const viewColumns = view.columns.length ? normalizeColumns(view.columns) : loadColumns();
      return !sameFilters(filters, filtersOfView(view.query)) || viewColumns.join() !== columns.join();
    },
  };
}
