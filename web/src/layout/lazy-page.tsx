// Pages loaded on demand: each page area is its own chunk, so the sign-in page and the dosing session do not
// download the outcomes charts. While a chunk loads, the frame stays and a status line stands in for the page.
import { Component, createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/** A page's chunk could not be fetched: the server no longer has it (a new version was deployed) or is gone. */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
}

/** A page loaded on demand that can be asked to start loading before it is rendered. */
export type LazyPage<P extends object> = ComponentType<P> & {
  /** Starts fetching the page's chunk (once); never rejects (a failure shows when the page is rendered). */
  preload: () => void;
};

/**
 * A component exported by name from a module loaded on first render (React.lazy wants a default export). Once the
 * module is in (loaded by `preload` or by an earlier render), the component renders at once instead of suspending:
 * React holds back the content of a Suspense boundary that showed its fallback for up to 300 ms
 * ("FALLBACK_THROTTLE_MS"), so a page whose chunk was fetched while the session was asked for would otherwise still
 * wait that long to appear.
 */
export function lazyNamed<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let fetching: Promise<{ default: ComponentType<P> }> | undefined;
  const fetchModule = () =>
    (fetching ??= load().then(
      (module) => {
        loaded = module[name];
        return { default: module[name] };
      },
      (err: unknown) => {
        fetching = undefined;
        throw new ChunkLoadError(err instanceof Error ? err.message : String(err));
      },
    ));
  const Lazy = lazy(fetchModule);
  function LazyNamed(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Lazy, props);
  }
  return Object.assign(LazyNamed, {
    preload: () => {
      fetchModule().catch(() => {
        // Fetched again (and any failure shown) when the page is rendered.
      });
    },
  });
}

/** The status line shown in place of a page while its code loads. */
export function PageLoading() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** A new value (the next address) clears a failure, so moving on to another page tries again. */
  resetKey: string;
}

interface BoundaryState {
  error: Error | null;
  failedAt: string | null;
}

/** Shows a way forward when a page's chunk cannot be fetched; any other error goes on up as before. */
class ChunkErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return {
      error: error instanceof Error ? error : new Error('The page failed to render', { cause: error }),
    };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (state.error === null) return null;
    if (state.failedAt === null) return { failedAt: props.resetKey };
    return state.failedAt === props.resetKey ? null : { error: null, failedAt: null };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    // Not a missing chunk: rethrown from here, it reaches the boundary above (as if this one were not there).
    if (!(error instanceof ChunkLoadError)) throw error;
    return (
      <div role="alert" className="notice notice-error">
        <p>This page could not be loaded. KASPR may have been updated, or the server cannot be reached.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}

interface PageSuspenseProps {
  children: ReactNode;
  /** The address shown: a page that failed to load is tried again on the next one. */
  resetKey: string;
  /** What stands in meanwhile; by default the page's status line. */
  fallback?: ReactNode;
}

/** A page that may still be loading: its status line meanwhile, and a reload offer if its code cannot be fetched. */
export function PageSuspense({ children, resetKey, fallback = <PageLoading /> }: PageSuspenseProps) {
  return (
    <ChunkErrorBoundary resetKey={resetKey}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ChunkErrorBoundary>
  );
}
