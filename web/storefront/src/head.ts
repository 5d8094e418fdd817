import { useEffect } from 'react';

/** Sets the route's title and meta description (no server rendering: the SPA sets them). */
export function useHead(title: string, description?: string) {
  useEffect(() => {
    document.title = title ? `${title} · Purra` : 'Purra';
    const meta = document.querySelector('meta[name="description"]');
    if (meta && description) meta.setAttribute('content', description);
  }, [title, description]);
}
