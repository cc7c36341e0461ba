import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './routes/route-error';

/**
 * Route modules are lazy: each page is its own chunk, loaded on first visit. The layout and the
 * error boundary are not, so that they can still render when loading a page's chunk fails.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    // Last resort, when the layout itself cannot render.
    errorElement: <RouteError standalone />,
    HydrateFallback: PageLoader,
    children: [
      {
        // Errors of a page render inside the shell, so navigation stays usable.
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('./routes/home')).HomeRoute,
            }),
          },
          // Clients, People and Audit log mount here, behind the signed-in shell, when they land.
          {
            path: '*',
            lazy: async () => ({
              Component: (await import('./routes/not-found')).NotFoundRoute,
            }),
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
