// ClockNotice: says which clock the page's times are on when this computer's clock is set to another zone.
import { browserTimeZone, clinicTimeZone } from '../ui/clinic-clock.ts';

/**
 * "Times are on the clinic's clock (Europe/London), not this computer's (Pacific/Auckland)": shown only when the
 * two differ, so a time typed or read here is not taken for this computer's local time.
 */
export function ClockNotice() {
  const clinic = clinicTimeZone();
  const here = browserTimeZone();
  if (!clinic || !here || clinic === here) return null;
  const name = (zone: string) => zone.replace(/_/g, ' ');
  return (
    <aside className="notice clock-notice" aria-label="Clock">
      <p>{`Times are on the clinic’s clock (${name(clinic)}), not this computer’s (${name(here)}).`}</p>
    </aside>
  );
}
