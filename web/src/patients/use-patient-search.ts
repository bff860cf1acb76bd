// usePatientSearch: the search box's query, searched 250 ms after typing stops (or at once on Enter).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '../../../src/schemas/patient.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';

const DEBOUNCE_MS = 250;

export interface PatientSearch {
  query: string;
  setQuery: (q: string) => void;
  searchNow: () => void;
  results: PatientSummary[] | null;
  /** The query the shown results answer. */
  searched: string;
  loading: boolean;
  error: ApiError | null;
}

/** Debounced patient search; only the newest answer is shown. */
export function usePatientSearch(): PatientSearch {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PatientSummary[] | null>(null);
  const [searched, setSearched] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const mounted = useRef(true);

  const run = useCallback((q: string) => {
    const id = (latest.current += 1);
    const trimmed = q.trim();
    setLoading(true);
    api
      .get<{ patients: PatientSummary[] }>(`/patients${trimmed ? `?q=${encodeURIComponent(trimmed)}` : ''}`)
      .then(
        (res) => {
          if (!mounted.current || id !== latest.current) return;
          setResults(res.patients);
          setSearched(trimmed);
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

  useEffect(() => {
    const timer = window.setTimeout(() => run(query), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, run]);

  const searchNow = useCallback(() => run(query), [run, query]);
  return { query, setQuery, searchNow, results, searched, loading, error };
}
