import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';

/**
 * GET /api/invitations/:token (public). The API also answers `accountExists` (whether the invited
 * address already has an Accord account), which its OpenAPI document does not list yet.
 */
export type InvitationPreview = components['schemas']['InvitationPreview'] & { accountExists: boolean };

export const invitationQueryKey = (token: string) => ['invitation', token] as const;

/** 404: unknown token. 410: accepted, revoked or expired. */
export async function getInvitation(
  token: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<InvitationPreview> {
  const preview = await requestData(() =>
    client.GET('/api/invitations/{token}', { params: { path: { token } }, signal }),
  );
  const accountExists = (preview as { accountExists?: unknown }).accountExists;
  return { ...preview, accountExists: accountExists === true };
}

export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: invitationQueryKey(token),
    queryFn: ({ signal }) => getInvitation(token, { signal }),
    // An invitation changes only by being used: no refetch on focus mid-form.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}
