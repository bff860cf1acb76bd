// SignedInLayout: header (name, navigation, sign out), the main column, the idle warning and the footer.
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useSignedIn } from '../session/session-context.ts';
import { IdleWarning } from '../session/IdleWarning.tsx';
import { ClockNotice } from './ClockNotice.tsx';
import { Footer } from './Footer.tsx';
import { keepsFocus } from './keep-focus.ts';
import { PageSuspense } from './lazy-page.tsx';
import { MainNav } from './MainNav.tsx';
import { SignOutButton } from './SignOutButton.tsx';

interface SignedInLayoutProps {
  children: ReactNode;
  /** Hide the navigation: the user must set up a second factor first. */
  enrolmentOnly?: boolean;
}

/** The frame of every signed-in page. */
export function SignedInLayout({ children, enrolmentOnly = false }: SignedInLayoutProps) {
  const session = useSignedIn();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const keepFocus = keepsFocus(location.state);

  // Move focus to the new page's content after navigation so screen readers start there (WCAG 2.4.3), unless
  // the navigation placed focus itself (a chart tab, a session just started).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!keepFocus) mainRef.current?.focus({ preventScroll: false });
    // Only a new address moves focus; the state is read for that navigation, not watched.
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">KASPR</span>
          {enrolmentOnly ? null : <MainNav />}
          <div className="header-user">
            <span className="user-name" title={session.user.displayName}>
              {session.user.displayName}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <IdleWarning idleMinutes={session.sessionIdleMinutes} />
      <ClockNotice />
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        <PageSuspense resetKey={location.pathname}>{children}</PageSuspense>
      </main>
      <Footer />
    </div>
  );
}
