/** The review pages, loaded together on the first visit to /review (a reviewer moves between them). */
export { ReviewPage } from './ReviewPage.tsx';
export { ReviewQueuePage } from './ReviewQueuePage.tsx';
