// ChartAlertsReload: lets a form deep inside the chart (the session's vitals) refresh the chart's alert banner.
import { createContext, useContext } from 'react';

/** Reloads the open chart's alerts; does nothing outside a chart. */
export const ChartAlertsReload = createContext<() => void>(() => undefined);

/** The open chart's alert reload, to call after a write that raised an alert. */
export function useChartAlertsReload(): () => void {
  return useContext(ChartAlertsReload);
}
