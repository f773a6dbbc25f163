/**
 * Document upload (shown only when the server is writable): drag and drop or choose files,
 * POST /api/documents as multipart field `files` with XMLHttpRequest so progress shows.
 */
import type { UploadResponse } from './api-types.js';
import { byId, clear, h } from './dom.js';
import { t } from './i18n.js';

const TOKEN_KEY = 'policygraph.token';

/** Send files; `onProgress` gets 0..1 of the bytes sent. Resolves with the server's report. */
export function uploadFiles(files: File[], token: string, onProgress: (f: number) => void): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error('network error during upload'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* non-JSON body: reported below */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResponse);
      else {
        const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
        reject(new Error(`${err?.code ?? xhr.status}: ${err?.message ?? xhr.statusText}`));
      }
    };
    xhr.send(form);
  });
}

export function setupUpload(onDone: () => Promise<void>): void {
  const dialog = byId<HTMLDialogElement>('upload-dialog');
  const drop = byId('drop-zone');
  const input = byId<HTMLInputElement>('upload-input');
  const tokenInput = byId<HTMLInputElement>('upload-token');
  const bar = byId<HTMLProgressElement>('upload-progress');
  const log = byId('upload-log');
  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? '';

  byId('upload-btn').addEventListener('click', () => dialog.showModal());
  byId('upload-close').addEventListener('click', () => dialog.close());

  const send = async (files: File[]) => {
    if (!files.length) return;
    sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
    bar.hidden = false;
    bar.value = 0;
    clear(log, h('li', { text: `${files.map((f) => f.name).join(', ')} …` }));
    try {
      const res = await uploadFiles(files, tokenInput.value.trim(), (f) => (bar.value = f));
      bar.value = 1;
      clear(
        log,
        res.ingested.map((x) => h('li', { class: 'ok', text: `✓ ${x.file}` })),
        res.skipped.map((x) => h('li', { class: 'muted', text: `– ${x.file}: ${x.reason}` })),
        res.errors.map((x) => h('li', { class: 'error', text: `✗ ${x.file}: ${x.code} ${x.message}` })),
      );
      if (res.ingested.length) await onDone();
    } catch (e) {
      clear(log, h('li', { class: 'error', text: (e as Error).message }));
    }
  };

  drop.addEventListener('click', () => input.click());
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  input.addEventListener('change', () => void send([...(input.files ?? [])]));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void send([...(e.dataTransfer?.files ?? [])]);
  });
  drop.textContent = t('uploadDrop');
}
