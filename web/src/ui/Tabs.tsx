// Tabs: an accessible tab list (WAI-ARIA tabs pattern: arrow keys move, Home/End jump) and its panel; the tabs are
// buttons over local state (Tabs) or links to the URL of each area (LinkTabs), so an area can be linked and reloaded.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { KEEP_FOCUS } from '../layout/keep-focus.ts';

export interface TabDef {
  id: string;
  label: string;
}

/** A tab that is a link: `to` is the URL of its area. */
export interface LinkTabDef extends TabDef {
  to: string;
}

/** The tab an arrow, Home or End key moves to from `index`, or null for any other key. */
function tabAfterKey(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** Wires a tab list's keyboard: moves to the next tab, activates it (`select`) and focuses it. */
function useTabKeys<T extends TabDef>(tabs: readonly T[], active: string, select: (tab: T) => void) {
  const refs = useRef<Record<string, HTMLElement | null>>({});
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = tabAfterKey(
      e.key,
      Math.max(
        0,
        tabs.findIndex((t) => t.id === active),
      ),
      tabs.length,
    );
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    select(tab);
    refs.current[tab.id]?.focus();
  };
  const refFor = (id: string) => (el: HTMLElement | null) => {
    refs.current[id] = el;
  };
  return { onKeyDown, refFor };
}

/** The one panel under a tab list, named by its active tab. */
function TabPanel({ base, active, children }: { base: string; active: string; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={`${base}-panel-${active}`}
      aria-labelledby={`${base}-tab-${active}`}
      className="tab-panel"
      tabIndex={0}
    >
      {children}
    </div>
  );
}

/** What makes an element a tab of the list `base`: its role, id, selection, panel and roving tab stop. */
function tabAttributes(base: string, id: string, active: string) {
  return {
    role: 'tab',
    id: `${base}-tab-${id}`,
    'aria-selected': id === active,
    'aria-controls': `${base}-panel-${id}`,
    tabIndex: id === active ? 0 : -1,
  } as const;
}

interface TabsProps {
  label: string;
  tabs: readonly TabDef[];
  active: string;
  onChange: (id: string) => void;
  children: ReactNode;
}

/** The tab list and the active panel; only the active panel is rendered. */
export function Tabs({ label, tabs, active, onChange, children }: TabsProps) {
  const base = useId();
  const { onKeyDown, refFor } = useTabKeys(tabs, active, (t) => onChange(t.id));
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            {...tabAttributes(base, t.id, active)}
            ref={refFor(t.id)}
            onClick={() => onChange(t.id)}
            className="tab"
          >
            {t.label}
          </button>
        ))}
      </div>
      <TabPanel base={base} active={active}>
        {children}
      </TabPanel>
    </div>
  );
}

interface LinkTabsProps {
  label: string;
  tabs: readonly LinkTabDef[];
  /** The id of the tab whose area the URL shows. */
  active: string;
  children: ReactNode;
}

/**
 * Tabs whose activation is navigation: each tab links its area's URL, so back, forward and reload restore it.
 * Focus stays on the tab (KEEP_FOCUS), as in the button tabs.
 */
export function LinkTabs({ label, tabs, active, children }: LinkTabsProps) {
  const base = useId();
  const navigate = useNavigate();
  const { onKeyDown, refFor } = useTabKeys(tabs, active, (t) => void navigate(t.to, { state: KEEP_FOCUS }));
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <Link
            key={t.id}
            to={t.to}
            state={KEEP_FOCUS}
            {...tabAttributes(base, t.id, active)}
            ref={refFor(t.id)}
            className="button tab"
          >
            {t.label}
          </Link>
        ))}
      </div>
      <TabPanel base={base} active={active}>
        {children}
      </TabPanel>
    </div>
  );
}
