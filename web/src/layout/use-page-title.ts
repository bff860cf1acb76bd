// usePageTitle: sets the browser tab title for the page being shown.
import { useEffect } from 'react';

/** document.title = "<title> — KASPR" while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — KASPR`;
  }, [title]);
}
