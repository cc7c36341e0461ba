import { VersionsPage } from '../../features/agreements/components/versions-page';
import { MatrixScoped } from './matrix-scoped';

/** "/w/:ws/matrices/:matrixId/versions": the versions of a matrix and "Request sign-off". */
export function MatrixVersionsRoute() {
  return <MatrixScoped page={(matrixId) => <VersionsPage key={matrixId} matrixId={matrixId} />} />;
}
