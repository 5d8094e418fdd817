// Every route but the shell is its own chunk, so the home page loads only what it shows.
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { RouteError } from './components/QueryState';

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: page(() => import('./pages/Home')) },
      { path: 'c/:slug', lazy: page(() => import('./pages/Listing')) },
      { path: 'search', lazy: page(() => import('./pages/Listing')) },
      { path: 'p/:slug', lazy: page(() => import('./pages/Product')) },
      { path: 's/:slug', lazy: page(() => import('./pages/Store')) },
      { path: 'cart', lazy: page(() => import('./pages/Cart')) },
      { path: 'wishlist', lazy: page(() => import('./pages/Wishlist')) },
      { path: 'checkout', lazy: page(() => import('./pages/Checkout')) },
      { path: 'orders', lazy: page(() => import('./pages/Orders')) },
      { path: 'orders/:id', lazy: page(() => import('./pages/Order')) },
      { path: 'account', lazy: page(() => import('./pages/Account')) },
      { path: 'signin', lazy: page(() => import('./pages/SignIn')) },
      { path: '*', lazy: page(() => import('./pages/NotFound')) },
    ],
  },
]);
