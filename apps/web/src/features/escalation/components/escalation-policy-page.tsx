import { type EscalationPath, type EscalationPolicy, type PolicyProblem, validateEscalationPolicy } from '@accord/raci';
import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconClock,
  IconDeviceFloppy,
  IconGitMerge,
  IconLock,
  IconPlayerPlay,
  IconRoute,
  IconUrgent,
  IconUsers,
} from '@tabler/icons-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { AgreementNav } from '../../agreements/components/agreement-nav';
import { ApiError } from '../../../lib/api/api-error';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { errorMessage } from '../../../lib/forms/form-errors';
import { formatRelativeTime } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { type Matrix, useMatrix } from '../../matrices/api/get-matrix';
import { useMatrixEvents } from '../../matrices/hooks/use-matrix-events';
import { type EscalationPolicyView, useEscalationPolicy } from '../api/get-escalation-policy';
import { useReviewEscalationPath } from '../api/review-escalation-path';
import { stalePolicyOf, useSaveEscalationPolicy } from '../api/save-escalation-policy';
import { useUnsavedChanges } from '../hooks/use-unsaved-changes';
import { pathScopeLabel } from '../lib/describe';
import {
  focusCandidates,
  POLICY_SECTIONS,
  type PolicySection,
  ProblemIndex,
  problemsFromError,
  sectionOf,
} from '../lib/field-errors';
import { samePolicy } from '../lib/policy-edit';
import { escalationContentOf } from '../lib/policy-content';
import { ConflictDialog } from './conflict-dialog';
import { ContactsSection } from './contacts-section';
import { type PolicyEditor, PolicyEditorContext } from './editor-context';
import { HoursSection } from './hours-section';
import { LeaveModal } from './leave-modal';
import { PathsSection } from './paths-section';
import { ProblemSummary } from './problem-summary';
import { SeveritiesSection } from './severities-section';

/** The search parameter that holds the open tab. */
export const SECTION_PARAM = 'section';

const SECTION_TABS: readonly { value: PolicySection; label: string; icon: typeof IconUrgent }[] = [
  { value: 'severities', label: 'Severities', icon: IconUrgent },
  { value: 'hours', label: 'Hours and coverage', icon: IconClock },
  { value: 'contacts', label: 'Contacts', icon: IconUsers },
  { value: 'paths', label: 'Paths', icon: IconRoute },
];

function sectionParam(params: URLSearchParams): PolicySection {
  const value = params.get(SECTION_PARAM);
  return POLICY_SECTIONS.find((section) => section === value) ?? 'severities';
}

/**
 * Focuses the input of a field once it is on screen: its tab or accordion item may have only just
 * been asked to open, so this tries for a moment before settling for the closest container.
 */
function focusField(field: string): void {
  const ids = focusCandidates(field);
  let tries = 0;
  const attempt = () => {
    tries += 1;
    for (const id of ids) {
      const element = document.getElementById(id);
      if (!element) continue;
      if (element.offsetParent === null && tries < 20) break;
      element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      element.focus({ preventScroll: true });
      return;
    }
    if (tries < 20) window.setTimeout(attempt, 50);
  };
  window.setTimeout(attempt, 0);
}

/** "/w/:ws/matrices/:matrixId/escalation": loads the matrix and its policy, then the editor. */
export function EscalationPolicyPage({ matrixId }: { matrixId: string }) {
  const { workspaceId } = useWorkspace();
  const matrix = useMatrix(workspaceId, matrixId);
  const policy = useEscalationPolicy(workspaceId, matrixId);
  // Saves by others (and changes of the matrix) arrive while the page is open.
  useMatrixEvents(workspaceId, matrixId);

  const failed = matrix.error ?? policy.error;
  if (failed) {
    const notFound = failed instanceof ApiError && failed.statusCode === 404;
    return (
      <Stack gap="lg">
        <title>Escalation policy · Accord</title>
        <ErrorAlert
          error={failed}
          title={notFound ? 'This matrix does not exist, or you cannot see it' : 'Could not load the escalation policy'}
          onRetry={
            notFound
              ? undefined
              : () => {
                  void matrix.refetch();
                  void policy.refetch();
                }
          }
        />
      </Stack>
    );
  }
  if (!matrix.data || !policy.data) {
    return (
      <Stack gap="lg" aria-busy aria-label="Loading the escalation policy…">
        <Skeleton height={20} width={200} />
        <Skeleton height={48} width={420} />
        <Skeleton height={56} />
        <Skeleton height={36} width={520} />
        <Skeleton height={420} />
      </Stack>
    );
  }
  return <PolicyEditorView matrix={matrix.data} server={policy.data} />;
}

function PolicyEditorView({ matrix, server }: { matrix: Matrix; server: EscalationPolicyView }) {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const readOnly = !workspace.can('matrix.edit');
  const canReview = workspace.can('escalation.review');
  const content = useMemo(() => escalationContentOf(matrix), [matrix]);
  const now = useNow();

  /** What the draft is based on: its version is sent as If-Match. */
  const [base, setBase] = useState(server);
  const [draft, setDraftState] = useState<EscalationPolicy>(server.policy);
  const [serverProblems, setServerProblems] = useState<PolicyProblem[]>([]);
  const [conflict, setConflict] = useState<EscalationPolicyView | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [openPaths, setOpenPaths] = useState<string[]>([]);
  const [params, setParams] = useSearchParams();
  const section = sectionParam(params);

  const dirty = !samePolicy(draft, base.policy);
  const blocker = useUnsavedChanges(dirty && !readOnly);
  const save = useSaveEscalationPolicy(workspaceId, matrix.id);
  const review = useReviewEscalationPath(workspaceId, matrix.id);

  const update = useCallback<PolicyEditor['update']>((change) => {
    setDraftState((current) => change(current));
    setServerProblems([]);
  }, []);

  // A newer policy on the server (a save elsewhere, a review): without local edits, show it at once.
  useEffect(() => {
    if (server.version === base.version && server.updatedAt === base.updatedAt) return;
    if (!dirty) {
      setBase(server);
      setDraftState(server.policy);
    }
  }, [server, base, dirty]);
  const remoteNewer = dirty && server.version !== base.version;

  // Checked as you type, a frame behind the keyboard; a save checks the draft itself.
  const checked = useDeferredValue(draft);
  const validation = useMemo(() => validateEscalationPolicy(checked, content), [checked, content]);
  const problemList = useMemo(() => {
    const own = validation.ok ? [] : validation.problems;
    const seen = new Set(own.map((p) => `${p.field}\n${p.message}`));
    return [...own, ...serverProblems.filter((p) => !seen.has(`${p.field}\n${p.message}`))];
  }, [validation, serverProblems]);
  // The same problems as before give the same index, so parts of the form without news need not redraw.
  const problemKey = problemList.map((p) => `${p.field}\n${p.message}`).join('\n\n');
  const problems = useMemo(() => new ProblemIndex(problemList), [problemKey]);

  const setSection = useCallback(
    (value: string | null) => {
      const next = POLICY_SECTIONS.find((s) => s === value) ?? 'severities';
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next === 'severities') updated.delete(SECTION_PARAM);
          else updated.set(SECTION_PARAM, next);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const jumpTo = useCallback(
    (field: string, policy: EscalationPolicy = draft) => {
      const target = sectionOf(field);
      if (target) setSection(target);
      if (target === 'paths') {
        const key = policy.paths[Number(field.split('.')[1])]?.key;
        if (key) setOpenPaths((open) => (open.includes(key) ? open : [...open, key]));
      }
      focusField(field);
    },
    [draft, setSection],
  );

  const adopt = (view: EscalationPolicyView) => {
    setBase(view);
    setDraftState(view.policy);
    setServerProblems([]);
  };

  const onSave = () => {
    const result = validateEscalationPolicy(draft, content);
    if (!result.ok) {
      const [first] = result.problems;
      notifications.show({
        color: 'red',
        title: 'Not saved yet',
        message: `Fix the ${result.problems.length === 1 ? 'problem' : `${result.problems.length} problems`} marked in the form first.`,
      });
      if (first) jumpTo(first.field);
      return;
    }
    save.mutate(
      { version: base.version, policy: result.policy },
      {
        onSuccess: (view) => {
          adopt(view);
          const waiting = view.unreviewedPaths.length;
          notifications.show({
            color: 'green',
            title: 'Escalation policy saved',
            message:
              `Version ${view.version}.` +
              (waiting > 0
                ? ` ${waiting} ${waiting === 1 ? 'path waits' : 'paths wait'} for a review by the MSP.`
                : ''),
          });
        },
        onError: (error) => {
          const theirs = stalePolicyOf(error);
          if (theirs) {
            setConflict(theirs);
            return;
          }
          const found = problemsFromError(error);
          if (found.length > 0) {
            setServerProblems(found);
            const [first] = found;
            if (first) jumpTo(first.field);
          }
        },
      },
    );
  };

  const onReview = (path: EscalationPath) => {
    review.mutate(
      { pathKey: path.key, version: base.version },
      {
        onSuccess: (view) => {
          adopt(view);
          notifications.show({
            color: 'green',
            title: 'Path reviewed',
            message: `The path for ${pathScopeLabel(path, content)} is marked reviewed by you.`,
          });
        },
        onError: (error) => {
          const theirs = stalePolicyOf(error);
          notifications.show({
            color: theirs ? 'orange' : 'red',
            title: theirs ? 'The policy changed in the meantime' : 'Could not mark the path reviewed',
            message: theirs
              ? `Someone saved version ${theirs.version}. Look at the path as it is now, then review it.`
              : errorMessage(error),
          });
        },
      },
    );
  };

  // Stable for the memoised path cards; always runs the latest onReview.
  const latestReview = useRef(onReview);
  latestReview.current = onReview;
  const reviewPath = useCallback((path: EscalationPath) => latestReview.current(path), []);

  const editor = useMemo<PolicyEditor>(
    () => ({ content, problems, readOnly, update }),
    [content, problems, readOnly, update],
  );
  const unreviewed = server.unreviewedPaths.length;
  const saveError =
    save.error && !stalePolicyOf(save.error) && problemsFromError(save.error).length === 0 ? save.error : null;

  return (
    <PolicyEditorContext.Provider value={editor}>
      <Stack gap="lg">
        <title>{`Escalation policy · ${matrix.name} · Accord`}</title>
        <AgreementNav workspaceId={workspaceId} matrixId={matrix.id} matrixName={matrix.name} current="escalation" />
        <PageHeader
          title="Escalation policy"
          description={
            <>
              <Text span fw={600} c="var(--mantine-color-text)">
                {matrix.name}
              </Text>
              . How serious a problem is, how fast someone must answer, who is on duty when, and who is called in which
              order.
            </>
          }
          actions={
            <Button
              component={Link}
              to="simulate"
              variant="default"
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
            >
              Simulator
            </Button>
          }
        />

        <Paper
          withBorder
          radius="md"
          px="md"
          py="sm"
          pos="sticky"
          top="var(--app-shell-header-height, 64px)"
          shadow="xs"
          style={{ zIndex: 3 }}
          role="region"
          aria-label="Save"
        >
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="xs" wrap="wrap">
              {base.version === 0 ? (
                <Badge variant="light" color="gray" tt="none">
                  Default policy, not saved yet
                </Badge>
              ) : (
                <Badge variant="light" tt="none">
                  Version {base.version}
                </Badge>
              )}
              {base.updatedAt ? (
                <Text size="sm" c="dimmed">
                  Saved {formatRelativeTime(base.updatedAt, now)}
                </Text>
              ) : null}
              {unreviewed > 0 ? (
                <Badge variant="light" color="orange" tt="none">
                  {unreviewed} {unreviewed === 1 ? 'path' : 'paths'} not reviewed
                </Badge>
              ) : null}
            </Group>
            {readOnly ? (
              <Group gap={6}>
                <IconLock size={16} aria-hidden />
                <Text size="sm" c="dimmed">
                  Read only: your role can view this policy, not change it.
                </Text>
              </Group>
            ) : (
              <Group gap="sm">
                <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} aria-live="polite">
                  {dirty
                    ? 'Unsaved changes'
                    : base.version === 0
                      ? 'Save to put this policy in place'
                      : 'All changes saved'}
                </Text>
                {dirty ? (
                  <Button variant="default" onClick={() => setDiscarding(true)} disabled={save.isPending}>
                    Discard
                  </Button>
                ) : null}
                <Button
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                  onClick={onSave}
                  loading={save.isPending}
                  disabled={!dirty && base.version !== 0}
                >
                  Save
                </Button>
              </Group>
            )}
          </Group>
        </Paper>

        {remoteNewer ? (
          <Alert
            variant="light"
            color="yellow"
            icon={<IconGitMerge aria-hidden />}
            title="Someone else saved a newer version"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Version {server.version} was saved while you were editing. Merge it with your changes before you save,
                so that neither of you loses anything.
              </Text>
              <Button size="xs" variant="light" color="yellow" onClick={() => setConflict(server)}>
                Merge their changes
              </Button>
            </Stack>
          </Alert>
        ) : null}

        {saveError ? <ErrorAlert error={saveError} title="The policy was not saved" /> : null}
        <ProblemSummary
          problems={problemList}
          policy={draft}
          content={content}
          onJump={(field) => jumpTo(field)}
          readOnly={readOnly}
        />

        <Tabs value={section} onChange={setSection} keepMounted={false}>
          <Tabs.List aria-label="Parts of the escalation policy">
            {SECTION_TABS.map(({ value, label, icon: TabIcon }) => {
              const count = problems.countIn(value);
              return (
                <Tabs.Tab
                  key={value}
                  value={value}
                  leftSection={<TabIcon size={16} aria-hidden />}
                  rightSection={
                    count > 0 ? (
                      <Badge size="sm" color="red" variant="filled" circle aria-label={`${count} problems`}>
                        {count}
                      </Badge>
                    ) : value === 'paths' && unreviewed > 0 ? (
                      <Badge size="sm" color="orange" variant="light" circle aria-label={`${unreviewed} not reviewed`}>
                        {unreviewed}
                      </Badge>
                    ) : null
                  }
                >
                  {label}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value="severities" pt="lg">
            <SeveritiesSection policy={draft} />
          </Tabs.Panel>
          <Tabs.Panel value="hours" pt="lg">
            <HoursSection policy={draft} />
          </Tabs.Panel>
          <Tabs.Panel value="contacts" pt="lg">
            <ContactsSection policy={draft} />
          </Tabs.Panel>
          <Tabs.Panel value="paths" pt="lg">
            <PathsSection
              policy={draft}
              saved={base.policy}
              open={openPaths}
              onOpenChange={setOpenPaths}
              canReview={canReview}
              dirty={dirty}
              reviewing={review.isPending ? (review.variables?.pathKey ?? null) : null}
              onReview={reviewPath}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>

      {conflict ? (
        <ConflictDialog
          opened
          base={base.policy}
          mine={draft}
          theirs={conflict}
          content={content}
          onClose={() => setConflict(null)}
          onTakeTheirs={() => {
            adopt(conflict);
            setConflict(null);
          }}
          onApply={(merged) => {
            setBase(conflict);
            setDraftState(merged);
            setServerProblems([]);
            setConflict(null);
            notifications.show({
              color: 'blue',
              title: 'Merged',
              message: `Your changes now sit on top of version ${conflict.version}. Check them, then save.`,
            });
          }}
        />
      ) : null}

      <ConfirmModal
        opened={discarding}
        title="Discard your changes?"
        confirmLabel="Discard changes"
        color="red"
        pending={false}
        onClose={() => setDiscarding(false)}
        onConfirm={() => {
          adopt(server.version >= base.version ? server : base);
          setDiscarding(false);
        }}
      >
        The policy goes back to version {Math.max(server.version, base.version)} as saved. What you changed since is
        lost.
      </ConfirmModal>
      <LeaveModal blocker={blocker} what="the escalation policy" />
    </PolicyEditorContext.Provider>
  );
}
