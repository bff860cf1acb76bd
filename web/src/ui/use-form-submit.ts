// useFormSubmit: the busy flag, problem and field errors of one form, joining local checks and server refusals.
import { useCallback, useState } from 'react';
import { asApiError, type ApiError, type FieldErrors } from '../api/api-error.ts';

export { zodErrors } from './form-values.ts';

export interface FormSubmit {
  busy: boolean;
  problem: ApiError | null;
  errors: FieldErrors;
  localErrorCount: number;
  /** Runs `action` unless `localErrors` has entries; records any refusal. Resolves true on success. */
  submit: (action: () => Promise<void>, localErrors?: FieldErrors) => Promise<boolean>;
  setErrors: (errors: FieldErrors) => void;
  reset: () => void;
}

/** Form state for submitting to the API. */
export function useFormSubmit(): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [localErrorCount, setLocalErrorCount] = useState(0);

  const submit = useCallback(async (action: () => Promise<void>, localErrors: FieldErrors = {}) => {
    const count = Object.keys(localErrors).length;
    setLocalErrorCount(count);
    setErrors(localErrors);
    setProblem(null);
    if (count > 0) return false;
    setBusy(true);
    try {
      await action();
      return true;
    } catch (err) {
      const error = asApiError(err);
      setProblem(error);
      setErrors(error.fieldErrors);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    setProblem(null);
    setErrors({});
    setLocalErrorCount(0);
  }, []);

  return { busy, problem, errors, localErrorCount, submit, setErrors, reset };
}
