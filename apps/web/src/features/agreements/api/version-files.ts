/** The address of a version's file; the browser downloads it with the session cookie. */
function versionFile(workspaceId: string, matrixId: string, n: number, file: string): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/matrices/${encodeURIComponent(matrixId)}/versions/${n}/${file}`;
}

/** GET .../versions/:n/certificate.pdf: approved versions only (409 for any other). */
export const certificateUrl = (workspaceId: string, matrixId: string, n: number) =>
  versionFile(workspaceId, matrixId, n, 'certificate.pdf');

/** GET .../versions/:n/export.json: snapshot, hash and signatures, for `npm run verify-version`. */
export const exportJsonUrl = (workspaceId: string, matrixId: string, n: number) =>
  versionFile(workspaceId, matrixId, n, 'export.json');
