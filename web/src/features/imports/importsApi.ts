import type { ImportEntity, ImportRun } from '../../../../src/modules/imports/imports.contracts';
import { ApiError, writeHeaders } from '../../app/api';
import { i18n } from '../../i18n';

/**
 * Uploads a file for checking, reporting upload progress (fetch cannot, so this is XMLHttpRequest).
 * Resolves the checked run; rejects with the API's error (code and message in the user's language).
 */
export function uploadForCheck(entity: ImportEntity, file: File, onProgress: (percent: number) => void): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?entity=${entity}`);
    for (const [k, v] of Object.entries(writeHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.network')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) return resolve(body as ImportRun);
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? i18n.t('common.somethingWrong')));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** The problems of a report as a CSV the user can keep beside the file they fix. */
export function problemsCsv(run: ImportRun, headers: [string, string, string]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [headers.map(quote).join(',')];
  for (const e of run.report.errors) lines.push([String(e.line), e.column ?? '', e.message].map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
