// useDosePreview: calculates the dose on the server (nothing saved), 400 ms after the last change.
import { useServerPreview, type ServerPreview } from '../api/use-server-preview.ts';
import type { DoseCalculationBody, DoseResult } from './treatment-types.ts';

export type DosePreview = ServerPreview<DoseResult>;

/** The live calculation for `request`; empty while it is null (no dose entered). */
export function useDosePreview(request: DoseCalculationBody | null): DosePreview {
  return useServerPreview<DoseResult>('/dose-calculations', request, 400);
}
