/** The pages of a workspace, under /w/:ws. */
export type WorkspaceSection = 'dashboard' | 'clients' | 'people' | 'audit';

export function workspacePath(workspaceId: string, section: WorkspaceSection = 'clients'): string {
  return `/w/${encodeURIComponent(workspaceId)}/${section}`;
}

/**
 * A `next` address is followed after sign-in only when it is a path of this app: an absolute
 * or protocol-relative URL would turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/** The sign-in page, returning to `from` afterwards. */
export function signInPath(from?: string): string {
  const next = safeNextPath(from);
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/** The section of a workspace path ("/w/abc/people/..." -> "people"), if it is one. */
export function sectionOf(pathname: string): WorkspaceSection | null {
  const match = /^\/w\/[^/]+\/(dashboard|clients|people|audit)(?:\/|$)/.exec(pathname);
  return match ? (match[1] as WorkspaceSection) : null;
}

/** The matrices of one client: "/w/:ws/clients/:clientId/matrices". */
export function clientMatricesPath(workspaceId: string, clientId: string): string {
  return `${workspacePath(workspaceId, 'clients')}/${encodeURIComponent(clientId)}/matrices`;
}

/** One matrix: "/w/:ws/matrices/:matrixId". */
export function matrixPath(workspaceId: string, matrixId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/matrices/${encodeURIComponent(matrixId)}`;
}

/** The claims inbox of a matrix: "/w/:ws/matrices/:matrixId/claims". */
export function matrixClaimsPath(workspaceId: string, matrixId: string): string {
  return `${matrixPath(workspaceId, matrixId)}/claims`;
}

/** The versions of a matrix: "/w/:ws/matrices/:matrixId/versions". */
export function matrixVersionsPath(workspaceId: string, matrixId: string): string {
  return `${matrixPath(workspaceId, matrixId)}/versions`;
}

/** The sign-off page of one version: "/w/:ws/matrices/:matrixId/versions/:n". */
export function versionPath(workspaceId: string, matrixId: string, n: number): string {
  return `${matrixVersionsPath(workspaceId, matrixId)}/${n}`;
}
