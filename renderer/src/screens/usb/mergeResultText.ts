import type { MergeResult } from '../../../../contract/mergeContract';

/** One part of the merge's result line: a catalog key under `usbMerge.resultPart` and its count. */
export interface ResultPart {
  key: 'added' | 'replaced' | 'keptBoth' | 'keptMine' | 'identical' | 'peopleAdded' | 'peopleUpdated' | 'photos';
  n: number;
}

/**
 * What a merge did, as the clerk reads it: only what happened (no "0 giữ cả hai"), the meetings first,
 * then the people, then the photo files, each group one clause. Empty when nothing changed.
 */
export function mergeResultParts(result: MergeResult): ResultPart[][] {
  const { meetings: m, people: p } = result;
  const groups: ResultPart[][] = [
    [
      { key: 'added', n: m.added },
      { key: 'replaced', n: m.replaced },
      { key: 'keptBoth', n: m.keptBoth },
      { key: 'keptMine', n: m.keptMine },
      { key: 'identical', n: m.identical },
    ],
    [
      { key: 'peopleAdded', n: p.added },
      { key: 'peopleUpdated', n: p.updated },
    ],
    [{ key: 'photos', n: result.photoFilesCopied }],
  ];
  return groups.map((g) => g.filter((part) => part.n > 0)).filter((g) => g.length > 0);
}

/** The parts worded (`word` is the catalog lookup), clauses joined by "; " and closed by a full stop. */
export function mergeResultLine(result: MergeResult, word: (part: ResultPart) => string): string {
  const groups = mergeResultParts(result);
  if (groups.length === 0) return '';
  return `${groups.map((g) => g.map(word).join(', ')).join('; ')}.`;
}
