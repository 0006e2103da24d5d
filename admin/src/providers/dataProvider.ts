import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, HttpError, type SortPayload } from 'react-admin';
import type { AppealTimelineEvent, DeadlinePreview } from '../appeals/appealTypes';
import type { EvidenceRecord } from '../inspections/inspectionTypes';
import type { ReferralFunnel } from '../referrals/referralTypes';
import { toReactAdminError } from './apiErrors';
import { apiListFilter, listQueryString, updatePayload } from './apiRequests';
import { getAccessToken } from './session';

export const API_URL = '/api';

function authorizedHeaders(headersInit?: HeadersInit, accept = 'application/json'): Headers {
  const headers = new Headers(headersInit);
  if (!headers.has('Accept')) headers.set('Accept', accept);
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
}

/** `fetchJson` with the session's bearer token, and API errors turned into what react-admin shows. */
export async function fetchApi(url: string, options: fetchUtils.Options = {}) {
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers: authorizedHeaders(options.headers) });
  } catch (error) {
    const { message, status, body } = toReactAdminError(error as HttpError);
    throw new HttpError(message, status, body);
  }
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A file the API builds (a CSV export), fetched with the bearer token, which a plain link cannot send. */
async function fetchFile(url: string, init: RequestInit = {}): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await fetch(url, { ...init, headers: authorizedHeaders(init.headers, 'text/csv, */*') });
  if (!response.ok) {
    const text = await response.text();
    const { message, status, body } = toReactAdminError({
      status: response.status,
      message: response.statusText,
      body: parseJsonOr(text),
    });
    throw new HttpError(message, status, body);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), fileName: fileName && decodeURIComponent(fileName) };
}

/** The API's endpoints beyond react-admin's CRUD, for `useDataProvider<AdalDeskDataProvider>()`. */
/** The resources whose records serve their history (the API's WorkflowTimelineController). */
export type TimelineResource = 'appeals' | 'referrals' | 'corrective-actions' | 'inspections';

/** The resources with steps (`POST /api/<resource>/:id/actions/<step>`). */
export type StepResource = TimelineResource | 'findings' | 'price-observations';

export interface AdalDeskDataProvider extends DataProvider {
  /** A list as CSV with the list's own filter and sort (`GET /api/<resource>/export`). */
  exportCsv(
    resource: string,
    params: { filter: Record<string, unknown>; sort?: SortPayload },
  ): Promise<{ blob: Blob; fileName: string | null }>;
  /** A record's history from the audit trail, oldest first (`GET /api/<resource>/:id/timeline`). */
  timeline(resource: TimelineResource, id: string): Promise<AppealTimelineEvent[]>;
  /**
   * A workflow step of any resource, `POST /api/<resource>/:id/actions/<step>`, with the step's fields
   * and the record's `version`; answers the record as it now is.
   */
  step<T extends { id: string }>(
    resource: StepResource,
    id: string,
    step: string,
    body: Record<string, unknown> & { version: number },
  ): Promise<{ data: T }>;
  bulkAssign(params: { ids: string[]; assigneeId: string | null }): Promise<{ updated: string[] }>;
  appealDeadline(params: { receivedAt: string; kind: string; categoryId?: string | null }): Promise<DeadlinePreview>;
  markAllNotificationsRead(): Promise<{ updated: number }>;
  /** `GET /api/stats/referral-funnel`: the last twelve months unless a period is given. */
  referralFunnel(params: { regionId?: string; agency?: string; from?: string; to?: string }): Promise<ReferralFunnel>;
  /** `GET /api/stats/<figures>?from=&to=&regionId=` (and `dimension` for a breakdown). */
  stats<T>(
    figures: 'overview' | 'breakdown' | 'trend' | 'findings',
    params: Record<string, string | undefined>,
  ): Promise<T>;
  /** `GET /api/stats/report`: the period's printable report (PDF), in `lang`. */
  statsReport(params: Record<string, string | undefined>): Promise<{ blob: Blob; fileName: string | null }>;
  /** `POST /api/findings/:id/evidence` (multipart, part `file`). */
  uploadEvidence(params: { findingId: string; file: File }): Promise<{ data: EvidenceRecord }>;
  /** `GET /api/evidence-files/:id/content`, with the bearer token an <img> or link cannot send. */
  evidenceContent(id: string): Promise<{ blob: Blob; fileName: string | null }>;
}

const restProvider = simpleRestProvider(API_URL, fetchApi);

/** The parameters that have a value, as a query string. */
const queryOf = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );

const postJson = async <T>(url: string, body: unknown): Promise<T> =>
  (await fetchApi(url, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const dataProvider: AdalDeskDataProvider = {
  ...restProvider,
  getList: async (resource, params) => {
    const page = await restProvider.getList(resource, {
      ...params,
      filter: apiListFilter(resource, params.filter ?? {}),
    });
    if (page.total !== undefined && Number.isFinite(page.total)) return page;
    // A search counts its matches only so far (`Content-Range: …/*`): page on without a total.
    const { page: current = 1 } = params.pagination ?? {};
    return { data: page.data, pageInfo: { hasNextPage: true, hasPreviousPage: current > 1 } };
  },
  update: (resource, params) =>
    restProvider.update(resource, { ...params, data: updatePayload(params.data, params.previousData) }),

  exportCsv: (resource, params) => fetchFile(`${API_URL}/${resource}/export?${listQueryString(resource, params)}`),

  step: async <T extends { id: string }>(resource: StepResource, id: string, step: string, body: object) => ({
    data: await postJson<T>(`${API_URL}/${resource}/${encodeURIComponent(id)}/actions/${step}`, body),
  }),

  bulkAssign: (params) => postJson(`${API_URL}/appeals/bulk/assign`, params),

  timeline: async (resource, id) =>
    (await fetchApi(`${API_URL}/${resource}/${encodeURIComponent(id)}/timeline`)).json as AppealTimelineEvent[],

  appealDeadline: async ({ receivedAt, kind, categoryId }) => {
    const query = new URLSearchParams({ receivedAt, kind });
    if (categoryId) query.set('categoryId', categoryId);
    return (await fetchApi(`${API_URL}/appeals/deadline?${query}`)).json as DeadlinePreview;
  },

  markAllNotificationsRead: () => postJson(`${API_URL}/notifications/actions/read-all`, {}),

  referralFunnel: async (params) =>
    (await fetchApi(`${API_URL}/stats/referral-funnel?${queryOf(params)}`)).json as ReferralFunnel,

  stats: async <T>(figures: string, params: Record<string, string | undefined>) =>
    (await fetchApi(`${API_URL}/stats/${figures}?${queryOf(params)}`)).json as T,

  statsReport: (params) => fetchFile(`${API_URL}/stats/report?${queryOf(params)}`),

  uploadEvidence: async ({ findingId, file }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    // No Content-Type of our own: the browser sets multipart/form-data with its boundary.
    const { blob } = await fetchFile(`${API_URL}/findings/${encodeURIComponent(findingId)}/evidence`, {
      method: 'POST',
      body: form,
    });
    return { data: JSON.parse(await blob.text()) as EvidenceRecord };
  },

  evidenceContent: (id) => fetchFile(`${API_URL}/evidence-files/${encodeURIComponent(id)}/content`),
};
