import { CATEGORIES, letterOf, PARTY_KIND_LABELS, RACI_LETTER_NAMES, type SupportModel } from '@accord/raci';
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import { groupByCategory } from '../lib/group-rows';
import { CRITICAL_MEANING, LETTER_MEANINGS } from '../lib/letter-meanings';
import { byPosition } from '../lib/matrix-content';
import { unownedReason, unownedRows } from '../lib/owners';
import { printedMatrixLine, printedMatrixSummary } from '../lib/print';
import classes from './printable-matrix.module.css';

export interface PrintableMatrixProps {
  name: string;
  clientName?: string | null;
  model: SupportModel;
  version: number;
  parties: readonly PartyView[];
  responsibilities: readonly ResponsibilityView[];
  /** The date printed in the header; by default the moment the browser prints. */
  printedAt?: Date;
}

/**
 * The whole matrix as a plain table for paper: every row (no scrolling, no virtualisation), grouped
 * by category, letters as text with a legend, a header with name, model, version and print date.
 * Hidden on screen (`data-print="only"`, see print.css); the table header repeats on every page.
 */
export function PrintableMatrix({
  name,
  clientName,
  model,
  version,
  parties,
  responsibilities,
  printedAt,
}: PrintableMatrixProps) {
  const columns = useMemo(() => byPosition(parties), [parties]);
  const groups = useMemo(() => groupByCategory(responsibilities), [responsibilities]);
  const unowned = useMemo(
    () => new Map(unownedRows(parties, responsibilities).map((entry) => [entry.row.id, unownedReason(entry)])),
    [parties, responsibilities],
  );
  const printDate = usePrintDate(printedAt);
  const critical = responsibilities.filter((row) => row.critical).length;

  return (
    <article className={classes.document} data-print="only" data-print-document aria-label={`${name}, printable`}>
      <header className={classes.header}>
        <p className={classes.kicker}>Responsibility matrix · who owns what in IT</p>
        <h1 className={classes.title}>{name}</h1>
        <p className={classes.meta}>{printedMatrixLine({ clientName, model, version, printedAt: printDate })}</p>
        <p className={classes.meta}>{printedMatrixSummary(responsibilities.length, critical, unowned.size)}</p>
      </header>

      <dl className={classes.legend}>
        {LETTER_MEANINGS.map((meaning) => (
          <div key={meaning.letter} className={classes.legendEntry}>
            <dt>
              <span className={classes.letter}>{meaning.letter}</span> {meaning.name}
            </dt>
            <dd>{meaning.explanation}</dd>
          </div>
        ))}
        <div className={classes.legendEntry}>
          <dt>
            <span className={classes.criticalMark}>Critical</span>
          </dt>
          <dd>{CRITICAL_MEANING}</dd>
        </div>
      </dl>

      {responsibilities.length === 0 || columns.length === 0 ? (
        <p>{columns.length === 0 ? 'This matrix has no parties yet.' : 'This matrix has no responsibilities yet.'}</p>
      ) : (
        <table className={classes.table}>
          <colgroup>
            <col className={classes.rowColumn} />
            {columns.map((party) => (
              <col key={party.id} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className={classes.rowHeader}>
                Responsibility
              </th>
              {columns.map((party) => (
                <th key={party.id} scope="col" className={classes.partyHeader}>
                  {party.name}
                  <span className={classes.kind}>{PARTY_KIND_LABELS[party.kind]}</span>
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.category} className={classes.group}>
              <tr className={classes.categoryRow}>
                <th scope="colgroup" colSpan={columns.length + 1}>
                  {group.label}
                  <CategoryDescription category={group.category} />
                </th>
              </tr>
              {group.rows.map((row) => {
                const problem = unowned.get(row.id);
                return (
                  <tr key={row.id} className={classes.row}>
                    <th scope="row" className={classes.rowTitle}>
                      <span className={classes.rowName}>{row.title}</span>
                      {row.critical ? <span className={classes.criticalMark}>Critical</span> : null}
                      {row.description ? <span className={classes.description}>{row.description}</span> : null}
                      {problem ? <span className={classes.problem}>Unowned: {problem}</span> : null}
                    </th>
                    {columns.map((party) => {
                      const letter = letterOf(row, party.id);
                      return (
                        <td key={party.id} className={classes.cell}>
                          {letter ? (
                            <abbr title={RACI_LETTER_NAMES[letter]} className={classes.letter}>
                              {letter}
                            </abbr>
                          ) : (
                            <span className={classes.none}>–</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      )}
      <p className={classes.footer}>
        Printed from Accord: the working draft as it stood on the print date. The agreement in effect is the latest
        version signed in Accord.
      </p>
    </article>
  );
}

function CategoryDescription({ category }: { category: string }) {
  const description = CATEGORIES.find((c) => c.key === category)?.description;
  return description ? <span className={classes.categoryDescription}>{description}</span> : null;
}

/** The date to print: refreshed when the browser is about to print, so a page left open overnight prints today. */
function usePrintDate(fixed: Date | undefined): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (fixed) return undefined;
    // The print layout is taken right after this event: a state update React schedules for later
    // would miss it, so this one is applied at once.
    const refresh = () => flushSync(() => setNow(new Date()));
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, [fixed]);
  return fixed ?? now;
}
