import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider as UrqlProvider } from 'urql';
import { RouterProvider } from 'react-router';
import { createPurraClient } from '@purra/web-shared';
import { I18nProvider } from './i18n';
import { useSession } from './session';
import { router } from './routes';
import './index.css';

/** One client (and cache) per signed-in user: signing in or out starts from an empty cache. */
function ClientProvider({ children }: { children: ReactNode }) {
  const userId = useSession()?.user.id ?? 'anonymous';
  const client = useMemo(() => createPurraClient({ clientName: 'purra-storefront' }), [userId]);
  return <UrqlProvider value={client}>{children}</UrqlProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ClientProvider>
        <RouterProvider router={router} />
      </ClientProvider>
    </I18nProvider>
  </StrictMode>,
);
