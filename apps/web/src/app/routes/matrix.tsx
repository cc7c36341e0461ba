import { MatrixPage } from '../../features/matrices/components/matrix-page';
import { MatrixScoped } from './matrix-scoped';

/** "/w/:ws/matrices/:matrixId" */
export function MatrixRoute() {
  return <MatrixScoped page={(matrixId) => <MatrixPage key={matrixId} matrixId={matrixId} />} />;
}
