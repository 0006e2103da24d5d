/**
 * The API's endpoints beyond react-admin's CRUD as react-query hooks over the data provider: each read
 * is cached under a key of everything it asks, so an answer to an earlier question never replaces the
 * answer to the current one, and each write invalidates what it changed.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AdalDeskDataProvider, TimelineResource } from './dataProvider';

/**
 * Asked once, when the question changes or the screen opens, as these screens always asked: no
 * retries (an error shows at once) and no re-reads when the window regains focus.
 */
const ASKED_ONCE = { retry: false, refetchOnWindowFocus: false } as const;

/** The figures `GET /api/stats/<figures>` serves. */
export type StatsFigures = 'overview' | 'breakdown' | 'trend' | 'findings';

/**
 * `GET /api/stats/<figures>?…` for one set of parameters; while the next set's figures load, the
 * last ones stay on screen (`isFetching` says they are being replaced).
 */
export function useStats<T>(
  figures: StatsFigures,
  params: Record<string, string | undefined>,
  { enabled = true }: { enabled?: boolean } = {},
) {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  return useQuery({
    queryKey: ['stats', figures, params],
    queryFn: () => dataProvider.stats<T>(figures, params),
    enabled,
    placeholderData: keepPreviousData,
    ...ASKED_ONCE,
  });
}

/**
 * `GET /api/stats/referral-funnel?…`; `refreshKey` is anything that changes when the referrals do
 * (a list's total), so the funnel is read again then.
 */
export function useReferralFunnel(
  params: { regionId?: string; agency?: string; from?: string; to?: string },
  { enabled = true, refreshKey }: { enabled?: boolean; refreshKey?: unknown } = {},
) {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  return useQuery({
    queryKey: ['stats', 'referral-funnel', params, refreshKey],
    queryFn: () => dataProvider.referralFunnel(params),
    enabled,
    placeholderData: keepPreviousData,
    ...ASKED_ONCE,
  });
}

/**
 * A record's history (`GET /api/<resource>/:id/timeline`), read again whenever the record's `version`
 * changes (a step was taken); the history as it was stays shown meanwhile.
 */
export function useTimeline(resource: TimelineResource, id: string | undefined, version: number | undefined) {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  return useQuery({
    queryKey: ['timeline', resource, id, version],
    queryFn: () => dataProvider.timeline(resource, id!),
    enabled: id !== undefined,
    placeholderData: keepPreviousData,
    ...ASKED_ONCE,
  });
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * `GET /api/appeals/deadline?…` once the inputs have stayed the same for `debounceMs`: a question
 * replaced sooner (a keystroke in the date) is abandoned, and react-query aborts its pause, before
 * anything is sent. `null` asks nothing.
 */
export function useAppealDeadline(
  params: { receivedAt: string; kind: string; categoryId?: string | null } | null,
  debounceMs: number,
) {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  return useQuery({
    queryKey: ['appeal-deadline', params],
    queryFn: async ({ signal }) => {
      await pause(debounceMs, signal);
      return dataProvider.appealDeadline(params!);
    },
    enabled: params !== null,
    placeholderData: keepPreviousData,
    ...ASKED_ONCE,
  });
}

/**
 * An evidence file's content (`GET /api/evidence-files/:id/content`). Each read is an audited
 * download, so a file is read once and kept for as long as it is cached, whatever re-renders.
 */
export function useEvidenceContent(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  return useQuery({
    queryKey: ['evidence-content', id],
    queryFn: () => dataProvider.evidenceContent(id),
    enabled,
    staleTime: Infinity,
    ...ASKED_ONCE,
  });
}

/**
 * `POST /api/findings/:id/evidence`; settles only once the evidence lists (react-admin's
 * `evidence-files` queries) have been read again with the new file in them.
 */
export function useUploadEvidence() {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { findingId: string; file: File }) => dataProvider.uploadEvidence(params),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['evidence-files'] }),
  });
}
