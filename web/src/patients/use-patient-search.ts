// usePatientSearch: the search box's query, searched 250 ms after typing stops (or at once on Enter), one page at a
// time. The search and the page are in the address (?q=&page=), so Back returns to the page before and a reload or a
// shared link opens the same page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PatientSummary } from '../../../src/schemas/patient.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';

const DEBOUNCE_MS = 250;
/** Patients per page (the API's default page size). */
export const PAGE_SIZE = 50;

/** One page of results as the API answers it. */
export interface PatientListPage {
  patients: PatientSummary[];
  /** How many patients match in all. */
  total: number;
  offset: number;
}

export interface PatientSearch {
  query: string;
  setQuery: (q: string) => void;
  searchNow: () => void;
  /** The page shown, null before the first answer. */
  results: PatientListPage | null;
  /** The query the shown results answer. */
  searched: string;
  /** The page number in the address (1 for the first). */
  page: number;
  /** The address (search part) of another page of the same search. */
  pageHref: (page: number) => string;
  loading: boolean;
  error: ApiError | null;
}

/** The page number in `?page=`: a whole number from 1, else the first page. */
export function pageFromParam(value: string | null): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** The search part of the address for search `q` at page `page` (the first page and an empty search are left out). */
export function listSearch(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Debounced patient search with paging; only the newest answer is shown. */
export function usePatientSearch(): PatientSearch {
  const [params, setParams] = useSearchParams();
  const urlQuery = params.get('q') ?? '';
  const page = pageFromParam(params.get('page'));
  const [query, setQuery] = useState(urlQuery);
  const [results, setResults] = useState<PatientListPage | null>(null);
  const [searched, setSearched] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const mounted = useRef(true);

  const run = useCallback((q: string, pageNumber: number) => {
    const id = (latest.current += 1);
    setLoading(true);
    const search = new URLSearchParams({
      ...(q ? { q } : {}),
      limit: String(PAGE_SIZE),
      offset: String((pageNumber - 1) * PAGE_SIZE),
    });
    api.get<PatientListPage>(`/patients?${search.toString()}`).then(
      (res) => {
        if (!mounted.current || id !== latest.current) return;
        setResults(res);
        setSearched(q);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!mounted.current || id !== latest.current) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // The address decides what is shown: a new search, another page, or Back and Forward.
  useEffect(() => run(urlQuery, page), [urlQuery, page, run]);

  // Typing moves the address to the new search's first page, in place (each keystroke is not a step for Back).
  const written = useRef(urlQuery);
  const showSearch = useCallback(
    (q: string) => {
      written.current = q;
      setParams(new URLSearchParams(listSearch(q, 1)), { replace: true });
    },
    [setParams],
  );
  // An address from elsewhere (the Patients link in the menu, a shared link) puts its search in the box.
  useEffect(() => {
    if (urlQuery === written.current) return;
    written.current = urlQuery;
    setQuery(urlQuery);
  }, [urlQuery]);
  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === urlQuery) return undefined;
    const timer = window.setTimeout(() => showSearch(trimmed), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, urlQuery, showSearch]);

  const searchNow = useCallback(() => {
    const trimmed = query.trim();
    if (trimmed === urlQuery) run(trimmed, page);
    else showSearch(trimmed);
  }, [query, urlQuery, page, run, showSearch]);

  const pageHref = useCallback((n: number) => listSearch(urlQuery, n), [urlQuery]);
  return { query, setQuery, searchNow, results, searched, page, pageHref, loading, error };
}
