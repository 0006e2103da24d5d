import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, HttpError } from 'react-admin';
import { toReactAdminError } from './apiErrors';
import { apiListFilter, updatePayload } from './apiRequests';
import { getAccessToken } from './session';

export const API_URL = '/api';

/** `fetchJson` with the session's bearer token, and API errors turned into what react-admin shows. */
export async function fetchApi(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    const { message, status, body } = toReactAdminError(error as HttpError);
    throw new HttpError(message, status, body);
  }
}

const restProvider = simpleRestProvider(API_URL, fetchApi);

export const dataProvider: DataProvider = {
  ...restProvider,
  getList: (resource, params) =>
    restProvider.getList(resource, { ...params, filter: apiListFilter(resource, params.filter ?? {}) }),
  update: (resource, params) =>
    restProvider.update(resource, { ...params, data: updatePayload(params.data, params.previousData) }),
};
