/** The shared loading / error / empty states, where the components have always imported them from. */
export { EmptyState, ErrorState, Loading, type QueryLike, QueryState } from '../common/states.tsx';
