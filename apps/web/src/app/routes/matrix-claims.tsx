import { ClaimsPage } from '../../features/agreements/components/claims-page';
import { MatrixScoped } from './matrix-scoped';

/** "/w/:ws/matrices/:matrixId/claims": the claims inbox of a matrix. */
export function MatrixClaimsRoute() {
  return <MatrixScoped size="lg" page={(matrixId) => <ClaimsPage key={matrixId} matrixId={matrixId} />} />;
}
