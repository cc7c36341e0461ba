import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components, operations } from '../../../lib/api/schema';
import { type AuditFilters, toAuditQuery } from '../lib/filters';

export type AuditEvent = components['schemas']['AuditEventView'];
export type AuditPage = components['schemas']['AuditPageView'];
export type AuditQuery = NonNullable<operations['Audit_list']['parameters']['query']>;

/** Events per page; "Load more" asks for the next, older page. */
export const AUDIT_PAGE_SIZE = 50;

/** Every audit query of a workspace (the pages and the chain check) starts with this key. */
export const auditQueryKey = (workspaceId: string) => [workspaceId, 'audit-events'] as const;

/** GET /api/workspaces/:ws/audit-events: newest first; `cursor` is the previous page's nextCursor. */
export function listAuditEvents(
  workspaceId: string,
  query: AuditQuery,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<AuditPage> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/audit-events', { params: { path: { ws: workspaceId }, query }, signal }),
  );
}

export const auditEventsQueryOptions = (workspaceId: string, filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: [...auditQueryKey(workspaceId), 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      listAuditEvents(
        workspaceId,
        { ...toAuditQuery(filters), limit: AUDIT_PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
        { signal },
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // The log is the record of what just happened: always asked again when the page opens.
    staleTime: 0,
  });

export function useAuditEvents(workspaceId: string, filters: AuditFilters) {
  return useInfiniteQuery(auditEventsQueryOptions(workspaceId, filters));
}
