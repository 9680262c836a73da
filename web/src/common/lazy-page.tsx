/**
 * A page loaded on first visit, so the sign-in page's first download does not carry it. A failed download (a
 * dropped line) shows the usual error with a retry instead of a blank page.
 */
import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { ErrorState, Loading } from './states.tsx';

class ChunkBoundary extends Component<{ children: ReactNode }, { failed: unknown }> {
  override state = { failed: undefined as unknown };
  static getDerivedStateFromError(failed: unknown) {
    return { failed };
  }
  override render() {
    if (this.state.failed)
      return <ErrorState error={this.state.failed} onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}

/** `load` imports the module (one chunk for the pages that share it); `name` is the page's export. */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

/** Renders a `lazyPage` with its loading state and, if its chunk cannot be fetched, an error with a retry. */
export function LazyRoute({ page: Page, rows = 6 }: { page: ComponentType; rows?: number }) {
  return (
    <ChunkBoundary>
      <Suspense fallback={<Loading rows={rows} />}>
        <Page />
      </Suspense>
    </ChunkBoundary>
  );
}
