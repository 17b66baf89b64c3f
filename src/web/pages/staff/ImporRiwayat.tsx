// Import past cases from an office recap sheet (CSV or XLSX): pick the file, check it (dry run:
// nothing is written, the preview shows every row's outcome), then import. Admins and supervisors
// (for their own office); the server checks the same.
import { useId, useState } from 'react';
import { ApiError, CSRF_COOKIE, readCookie } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { getLanguage } from '../../i18n/store.ts';
import { pick, useLanguage } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import type { CaseImportResult } from '../../../contracts/cases.ts';

/** The server's answer, typed by the server (not re-declared here). */
type ImportResult = CaseImportResult;

const ACTION_LABEL: Record<CaseImportResult['preview'][number]['action'], { id: string; en: string }> = {
  baru: { id: 'Baru', en: 'New' },
  diperbarui: { id: 'Diperbarui', en: 'Updated' },
  tetap: { id: 'Tidak berubah', en: 'Unchanged' },
};

async function upload(file: File, dryRun: boolean): Promise<ImportResult> {
  const url = new URL('/api/v1/cases/import', window.location.origin);
  url.searchParams.set('dryRun', String(dryRun));
  url.searchParams.set('name', file.name.replace(/[/\\]/g, '_').slice(0, 200));
  const xlsx = /\.xlsx$/i.test(file.name);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLanguage(),
    'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
  };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network_error', { id: 'Tidak dapat terhubung ke server.', en: 'Cannot reach the server.' });
  }
  const payload = await response.json().catch(() => undefined);
  if (!response.ok) {
    const messages = payload?.message ?? {
      id: payload?.detail ?? `Gagal (${response.status}).`,
      en: payload?.detail ?? `Failed (${response.status}).`,
    };
    throw new ApiError(response.status, payload?.code ?? `http_${response.status}`, messages, payload?.field, payload);
  }
  return payload as ImportResult;
}

export default function ImporRiwayat() {
  const language = useLanguage();
  const user = useStaffUser();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const L = (id: string, en: string) => pick({ id, en }, language);
  const allowed = ['admin', 'pengawas_ri', 'pengawas_provinsi', 'pengawas_kabkota'].includes(user.role);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await upload(file, dryRun);
      if (dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setDone(result);
        setPreview(null);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', { id: String(e), en: String(e) }));
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  if (!allowed) {
    return (
      <div className="page">
        <PageTitle>{L('Impor riwayat perkara', 'Import past cases')}</PageTitle>
        <Notice kind="warning">
          {L('Hanya administrator dan pengawas Bawaslu yang dapat mengimpor.', 'Only administrators and Bawaslu supervisors can import.')}
        </Notice>
      </div>
    );
  }
  return (
    <div className="page">
      <PageTitle>{L('Impor riwayat perkara', 'Import past cases')}</PageTitle>
      <p>
        {L(
          'Rekap kantor (CSV atau XLSX) dengan kolom templat: Nomor Registrasi, Tanggal Diterima/Ditemukan, Laporan/Temuan, Wilayah, Terlapor Jabatan, Terlapor Instansi, Jenis Subjek, Perbuatan, Status, Tanggal Putusan, Rekomendasi Ke, Tindak Lanjut/Sanksi. Semua baris atau tidak sama sekali; nomor registrasi adalah kunci, jadi impor ulang tidak menggandakan. Perkara impor hanya dapat dibaca.',
          'An office recap (CSV or XLSX) with the template columns. All rows or none; the registration number is the key, so a re-import does not duplicate. Imported cases are read-only.',
        )}
      </p>
      <div className="field">
        <label htmlFor={inputId}>{L('Berkas rekap', 'Recap file')}</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPreview(null);
            setDone(null);
            setError(null);
          }}
        />
      </div>
      <button type="button" className="button" disabled={!file || busy} onClick={() => run(true)}>
        {L('Periksa (uji coba)', 'Check (dry run)')}
      </button>
      {busy && <p role="status">{L('Memproses…', 'Working…')}</p>}
      {error && <ErrorNotice error={error} />}
      {preview && (
        <section aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">{L('Hasil uji coba: belum ada yang ditulis', 'Dry run: nothing written yet')}</h2>
          <p data-testid="import-summary">
            {L(
              `${preview.rows} baris: ${preview.created} baru, ${preview.updated} diperbarui, ${preview.unchanged} tidak berubah.`,
              `${preview.rows} rows: ${preview.created} new, ${preview.updated} updated, ${preview.unchanged} unchanged.`,
            )}{' '}
            {Object.entries(preview.cycles)
              .map(([c, n]) => `${c}: ${n}`)
              .join(' · ')}
          </p>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{L('Baris', 'Line')}</th>
                  <th scope="col">{L('Nomor registrasi', 'Registration number')}</th>
                  <th scope="col">{L('Diterima', 'Received')}</th>
                  <th scope="col">{L('Wilayah', 'Region')}</th>
                  <th scope="col">{L('Status', 'State')}</th>
                  <th scope="col">{L('Diteruskan ke', 'Referred to')}</th>
                  <th scope="col">{L('Tindakan', 'Action')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((p) => (
                  <tr key={p.line}>
                    <td>{p.line}</td>
                    <th scope="row">{p.registrationNumber}</th>
                    <td>{p.receivedOn}</td>
                    <td>
                      {p.regionName} ({p.regionCode})
                    </td>
                    <td>{p.state}</td>
                    <td>{p.referredTo ?? '—'}</td>
                    <td>{pick(ACTION_LABEL[p.action], language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rows > preview.preview.length && (
            <p className="muted">
              {L(`… dan ${preview.rows - preview.preview.length} baris lain`, `… and ${preview.rows - preview.preview.length} more rows`)}
            </p>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => run(false)}>
            {L(`Impor ${preview.rows} baris`, `Import ${preview.rows} rows`)}
          </button>
        </section>
      )}
      {done && (
        <Notice kind="success">
          <p data-testid="import-done">
            {L(
              `Diimpor: ${done.created} baru, ${done.updated} diperbarui, ${done.unchanged} tidak berubah.`,
              `Imported: ${done.created} new, ${done.updated} updated, ${done.unchanged} unchanged.`,
            )}
          </p>
          <p className="muted">SHA-256 {done.fileSha256}</p>
        </Notice>
      )}
    </div>
  );
}
