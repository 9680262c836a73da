/**
 * The dashboard page, loaded on first visit: its chunk carries ECharts, which no other page needs. A failed
 * download (a dropped line) shows the usual error with a retry instead of a blank page.
 */
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { ErrorState, Loading } from '../../common/states.tsx';

const DashboardPage = lazy(() => import('./DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));

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

export function LazyDashboardPage() {
  return (
    <ChunkBoundary>
      <Suspense fallback={<Loading rows={8} />}>
        <DashboardPage />
      </Suspense>
    </ChunkBoundary>
  );
}
