import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const USER_MOVES = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

/**
 * `#upload` / `#score` (the next action from "Việc của tôi"): once the sections exist, scroll to the one named
 * and move the keyboard focus there, once per visit. Panels above it may still be loading and push it down, so
 * for a short while it is kept in place as the page grows — until the user scrolls or types themselves.
 */
export function useJumpToSection(ready: boolean) {
  const { hash, key } = useLocation();
  const done = useRef<string>(undefined);
  useEffect(() => {
    if (!ready || !hash || done.current === key) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    done.current = key;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    const keep = new ResizeObserver(() => target.scrollIntoView({ block: 'start' }));
    keep.observe(document.body);
    const stop = () => {
      keep.disconnect();
      window.clearTimeout(timer);
      for (const e of USER_MOVES) window.removeEventListener(e, stop);
    };
    const timer = window.setTimeout(stop, 3000);
    for (const e of USER_MOVES) window.addEventListener(e, stop, { passive: true });
    return stop;
  }, [ready, hash, key]);
}
