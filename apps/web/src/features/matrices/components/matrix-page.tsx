import { SUPPORT_MODEL_LABELS } from '@accord/raci';
import { Badge, Button, Menu, Skeleton, Stack, Tabs } from '@mantine/core';
import {
  type Icon,
  IconChartBar,
  IconChevronDown,
  IconDownload,
  IconPencil,
  IconTable,
  IconUserCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { clientMatricesPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { useMatrix } from '../api/get-matrix';
import { useMatrixEvents } from '../hooks/use-matrix-events';
import { usePrinting } from '../hooks/use-printing';
import { AgreementNav } from '../../agreements/components/agreement-nav';
import { MatrixGridTab } from './matrix-grid-tab';
import { PrintButton } from './print-button';
import { PrintableMatrix } from './printable-matrix';
import { PartiesDrawer } from './parties-drawer';
import { RenameMatrixModal } from './rename-matrix-modal';

// The other views load when first opened: most visits edit the grid, and their code (with the
// gap rules behind the load chart) would otherwise delay the grid's first load.
const MatrixOwnersView = lazy(() => import('./owner-view').then((module) => ({ default: module.MatrixOwnersView })));
const PartyLoadChart = lazy(() => import('./load-chart').then((module) => ({ default: module.PartyLoadChart })));

/** The search parameter that holds the view (tab) of the matrix page. */
export const VIEW_PARAM = 'view';

/**
 * The views of a matrix, one tab each, in tab order. The first is the default (no `view`
 * parameter): the grid for editing; then the plain-language view for business owners and the
 * load chart.
 */
export const MATRIX_VIEWS: readonly { value: string; label: string; icon: Icon }[] = [
  { value: 'grid', label: 'Grid', icon: IconTable },
  { value: 'owners', label: 'Who owns what', icon: IconUserCheck },
  { value: 'load', label: 'Load per party', icon: IconChartBar },
];

/** The view the URL asks for; unknown or missing values mean the first view. */
export function viewOf(params: URLSearchParams): string {
  const asked = params.get(VIEW_PARAM);
  return MATRIX_VIEWS.find((view) => view.value === asked)?.value ?? MATRIX_VIEWS[0].value;
}

/** One matrix: header (rename, parties, exports), then its views as tabs; the grid is the first. */
export function MatrixPage({ matrixId }: { matrixId: string }) {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const editable = workspace.can('matrix.edit');
  const matrix = useMatrix(workspaceId, matrixId);
  const [params, setParams] = useSearchParams();
  // The tab follows clicks at once; the URL (for links and reloads) follows a moment later.
  const urlView = viewOf(params);
  const [view, setViewState] = useState(urlView);
  const lastView = useRef(urlView);
  useEffect(() => {
    if (urlView === lastView.current) return;
    lastView.current = urlView;
    setViewState(urlView);
  }, [urlView]);
  const [renaming, setRenaming] = useState(false);
  const [partiesOpen, setPartiesOpen] = useState(false);
  useMatrixEvents(workspaceId, matrixId);
  const printing = usePrinting();

  if (matrix.isError) {
    return <ErrorAlert error={matrix.error} title="Could not load the matrix" onRetry={() => void matrix.refetch()} />;
  }
  if (matrix.isPending) {
    return (
      <Stack gap="lg" aria-busy aria-label="Loading the matrix…">
        <Skeleton height={48} width={360} />
        <Skeleton height={36} width={240} />
        <Skeleton height={480} />
      </Stack>
    );
  }

  const data = matrix.data;
  const breaks = data.responsibilities.reduce((sum, row) => sum + row.violations.length, 0);
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `/api/workspaces/${encodeURIComponent(workspaceId)}/matrices/${encodeURIComponent(matrixId)}/export.${format}`;

  const setView = (value: string | null) => {
    const next = MATRIX_VIEWS.find((item) => item.value === value)?.value ?? MATRIX_VIEWS[0].value;
    lastView.current = next;
    setViewState(next);
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next === MATRIX_VIEWS[0].value) updated.delete(VIEW_PARAM);
        else updated.set(VIEW_PARAM, next);
        return updated;
      },
      { replace: true },
    );
  };

  return (
    <Stack gap="lg">
      <title>{`${data.name} · Accord`}</title>
      <div data-print="hide">
        <AgreementNav
          workspaceId={workspaceId}
          matrixId={matrixId}
          matrixName={data.name}
          current="draft"
          back={{ to: clientMatricesPath(workspaceId, data.clientId), label: 'All matrices of this client' }}
        />
      </div>
      <div data-print="hide">
        <PageHeader
          title={data.name}
          description={
            <>
              {SUPPORT_MODEL_LABELS[data.model]} · version {data.version} ·{' '}
              {breaks > 0 ? (
                <Badge color="red" variant="light" tt="none">
                  {breaks} rule {breaks === 1 ? 'break' : 'breaks'}
                </Badge>
              ) : (
                <Badge color="green" variant="light" tt="none">
                  {data.signable ? 'Signable' : 'No rule breaks'}
                </Badge>
              )}
            </>
          }
          actions={
            <>
              {editable ? (
                <>
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => setRenaming(true)}
                  >
                    Rename
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconUsersGroup size={16} aria-hidden />}
                    onClick={() => setPartiesOpen(true)}
                  >
                    Parties
                  </Button>
                </>
              ) : null}
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="default"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                  >
                    Export
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component="a" href={exportUrl('csv')} download>
                    CSV (spreadsheet text)
                  </Menu.Item>
                  <Menu.Item component="a" href={exportUrl('xlsx')} download>
                    Excel workbook (XLSX)
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
              <PrintButton variant="default" />
            </>
          }
        />
      </div>
      {/* Inactive views are unmounted: each computes from the whole matrix. */}
      <Tabs value={view} onChange={setView} keepMounted={false}>
        <Tabs.List aria-label="Views of the matrix">
          {MATRIX_VIEWS.map(({ value, label, icon: ViewIcon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<ViewIcon size={16} aria-hidden />}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* On paper the grid gives way to the whole, unvirtualised matrix below. */}
        <Tabs.Panel value="grid" pt="md" data-print="hide">
          <MatrixGridTab workspaceId={workspaceId} matrix={data} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="owners" pt="md">
          <Suspense fallback={<ViewLoader />}>
            <MatrixOwnersView parties={data.parties} responsibilities={data.responsibilities} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="load" pt="md">
          <Suspense fallback={<ViewLoader />}>
            <PartyLoadChart model={data.model} parties={data.parties} responsibilities={data.responsibilities} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
      {/* The whole matrix, unvirtualised, for paper: drawn only while printing. */}
      {printing ? (
        <PrintableMatrix
          name={data.name}
          model={data.model}
          version={data.version}
          parties={data.parties}
          responsibilities={data.responsibilities}
        />
      ) : null}
      {editable ? (
        <>
          <RenameMatrixModal
            workspaceId={workspaceId}
            matrix={data}
            opened={renaming}
            onClose={() => setRenaming(false)}
          />
          <PartiesDrawer
            workspaceId={workspaceId}
            matrix={data}
            opened={partiesOpen}
            onClose={() => setPartiesOpen(false)}
          />
        </>
      ) : null}
    </Stack>
  );
}

function ViewLoader() {
  return <Skeleton height={320} aria-busy aria-label="Loading the view…" />;
}
