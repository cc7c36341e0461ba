import { createBrowserRouter, type LoaderFunctionArgs, Navigate, type RouteObject } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { escalationPolicyQueryOptions } from '../features/escalation/api/get-escalation-policy';
import { matrixQueryKey, matrixQueryOptions } from '../features/matrices/api/get-matrix';
import { gapsQueryOptions } from '../features/matrices/api/list-gaps';
import { sessionQueryOptions } from '../lib/auth/session';
import { queryClient } from '../lib/query-client';
import { AppFrameLoader } from './layout/app-frame-loader';
import { AppLayout } from './layout/app-layout';
import { AuthLayout } from './layout/auth-layout';
import { RouteError } from './routes/route-error';

/**
 * Route modules are lazy: each page is its own chunk, loaded on first visit. The layouts and the
 * error boundary are not, so that they can still render when loading a page's chunk fails.
 *
 * - Public: "/" (home), "/sign-in", "/sign-up", "/invitations/:token".
 * - Signed in: "/w" (opens the first workspace) and "/w/:ws/..." behind the workspace shell,
 *   which sends signed-out visitors to sign-in and back: the dashboard, clients, a client's
 *   matrices ("clients/:clientId/matrices"), one matrix ("matrices/:matrixId"), its escalation
 *   policy ("matrices/:matrixId/escalation") and simulator ("matrices/:matrixId/escalation/simulate"),
 *   its claims inbox ("matrices/:matrixId/claims"), its versions ("matrices/:matrixId/versions")
 *   and the sign-off page of one version ("matrices/:matrixId/versions/:n"), people, audit.
 *   The index of a workspace is its clients.
 */
/**
 * A route's data starts loading as the route is entered, beside its code and the session check,
 * instead of after them: each waited for the one before (route chunks, then "who is signed in",
 * then the page's own request). The API checks every request anyway; the page still decides what
 * to show from the session. Prefetches run once on entering a route, not again on every change of
 * the URL's search parameters (the matrix filters live there).
 */
function prefetching(start: (args: LoaderFunctionArgs) => void): Pick<RouteObject, 'loader' | 'shouldRevalidate'> {
  return {
    loader: (args) => {
      start(args);
      return null;
    },
    shouldRevalidate: () => false,
  };
}

/**
 * The matrix first: the grid waits for it alone. Its gap report and escalation policy follow as
 * soon as it is here, so the API works them out while the browser draws the grid, instead of
 * being asked only once the grid is on screen; asked together with the matrix they would hold up
 * its answer.
 */
async function prefetchMatrix(workspaceId: string, matrixId: string): Promise<void> {
  await queryClient.prefetchQuery(matrixQueryOptions(workspaceId, matrixId));
  if (queryClient.getQueryState(matrixQueryKey(workspaceId, matrixId))?.status !== 'success') return;
  void queryClient.prefetchQuery(gapsQueryOptions(workspaceId, matrixId));
  void queryClient.prefetchQuery(escalationPolicyQueryOptions(workspaceId, matrixId));
}

export const routes: RouteObject[] = [
  {
    // Sign-in, sign-up and invitations: a focused page without the app's navigation.
    element: <AuthLayout />,
    errorElement: <RouteError standalone />,
    HydrateFallback: PageLoader,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          {
            path: 'sign-in',
            lazy: async () => ({ Component: (await import('./routes/sign-in')).SignInRoute }),
          },
          {
            path: 'sign-up',
            lazy: async () => ({ Component: (await import('./routes/sign-up')).SignUpRoute }),
          },
          {
            path: 'invitations/:token',
            lazy: async () => ({ Component: (await import('./routes/invitation')).InvitationRoute }),
          },
        ],
      },
    ],
  },
  {
    path: '/',
    element: <AppLayout />,
    ...prefetching(() => void queryClient.prefetchQuery(sessionQueryOptions())),
    // Last resort, when the layout itself cannot render.
    errorElement: <RouteError standalone />,
    HydrateFallback: AppFrameLoader,
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
          {
            path: 'w',
            lazy: async () => ({ Component: (await import('./routes/workspaces')).WorkspacesRoute }),
          },
          {
            path: 'w/:ws',
            lazy: async () => ({ Component: (await import('./routes/workspace-shell')).WorkspaceShellRoute }),
            children: [
              { index: true, element: <Navigate to="clients" replace /> },
              {
                path: 'dashboard',
                lazy: async () => ({ Component: (await import('./routes/dashboard')).DashboardRoute }),
              },
              {
                path: 'clients',
                lazy: async () => ({ Component: (await import('./routes/clients')).ClientsRoute }),
              },
              {
                path: 'clients/:clientId/matrices',
                lazy: async () => ({
                  Component: (await import('./routes/client-matrices')).ClientMatricesRoute,
                }),
              },
              {
                path: 'matrices/:matrixId',
                ...prefetching(({ params: { ws, matrixId } }) => {
                  if (ws && matrixId) void prefetchMatrix(ws, matrixId);
                }),
                lazy: async () => ({ Component: (await import('./routes/matrix')).MatrixRoute }),
              },
              {
                path: 'matrices/:matrixId/claims',
                lazy: async () => ({ Component: (await import('./routes/matrix-claims')).MatrixClaimsRoute }),
              },
              {
                path: 'matrices/:matrixId/versions',
                lazy: async () => ({ Component: (await import('./routes/matrix-versions')).MatrixVersionsRoute }),
              },
              {
                path: 'matrices/:matrixId/versions/:n',
                lazy: async () => ({ Component: (await import('./routes/version')).VersionRoute }),
              },
              {
                path: 'matrices/:matrixId/escalation',
                lazy: async () => ({
                  Component: (await import('./routes/escalation-policy')).EscalationPolicyRoute,
                }),
              },
              {
                path: 'matrices/:matrixId/escalation/simulate',
                lazy: async () => ({
                  Component: (await import('./routes/escalation-simulator')).EscalationSimulatorRoute,
                }),
              },
              {
                path: 'people',
                lazy: async () => ({ Component: (await import('./routes/people')).PeopleRoute }),
              },
              {
                path: 'audit',
                lazy: async () => ({ Component: (await import('./routes/audit')).AuditRoute }),
              },
            ],
          },
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
