// Pages loaded on demand: each page area is its own chunk, so the sign-in page and the dosing session do not
// download the outcomes charts. While a chunk loads, the frame stays and a status line stands in for the page.
import {
  Component,
  lazy,
  Suspense,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';

/** A page's chunk could not be fetched: the server no longer has it (a new version was deployed) or is gone. */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
}

/** A component exported by name from a module loaded on first render (React.lazy wants a default export). */
export function lazyNamed<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    let module: Record<K, ComponentType<P>>;
    try {
      module = await load();
    } catch (err) {
      throw new ChunkLoadError(err instanceof Error ? err.message : String(err));
    }
    return { default: module[name] };
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
