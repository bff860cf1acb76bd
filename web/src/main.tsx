// Entry point of the KASPR web client: mounts the router, the session and the routes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes.tsx';
import { preloadPageFor } from './routes.tsx';
import { preloadSignedInLayout } from './layout/RequireSession.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import { maybeSignedIn } from './session/signed-in-hint.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Probably signed in: fetch the signed-in frame and the page while the session is asked for, not after.
if (maybeSignedIn()) {
  preloadSignedInLayout();
  preloadPageFor(window.location.pathname);
}

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
