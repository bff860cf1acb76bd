// PublicShell: the plain frame (header, main, footer) around pages shown before sign-in.
import type { ReactNode } from 'react';
import { Footer } from './Footer.tsx';

/** Header with the product name, a centred main column and the footer. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">KASPR</span>
        </div>
      </header>
      <main id="main" className="main main-narrow" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </div>
  );
}
