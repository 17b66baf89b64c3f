// Factories for realistic test input: a valid laporan as a citizen would file it.
import type { LaporanInput } from '../../src/server/modules/cases/schemas.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

let counter = 0;

export function buildLaporanInput(overrides: DeepPartial<LaporanInput> & { uraian?: string } = {}): LaporanInput {
  counter++;
  const base: LaporanInput = {
    pelapor: {
      nama: 'Siti Aminah',
      // OKI, lahir 15-08-1990, perempuan (+40); a different sequence per report.
      nik: `160201550890${String((counter % 9999) + 1).padStart(4, '0')}`,
      tempatLahir: 'Kayuagung',
      tanggalLahir: '1990-08-15',
      jenisKelamin: 'P',
      pekerjaan: 'Guru',
      kewarganegaraan: 'Indonesia',
      alamat: 'Jl. Letnan Mukhtar Saleh No. 12, Kayuagung',
      telepon: '081234567890',
      kategori: 'pemilih',
    },
    terlapor: [
      {
        nama: 'Budi Santoso',
        nip: '198503122010011002',
        jabatan: 'Kepala Bidang Pendapatan',
        instansi: 'Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir',
        jenisSubjek: 'PNS',
        kodeWilayah: '16.02',
      },
    ],
    peristiwa: {
      uraian: `Terlapor hadir dan berorasi mendukung pasangan calon nomor urut 1 pada kampanye terbuka di lapangan kecamatan (laporan ${counter}).`,
      kodeWilayah: '16.02.05',
      tempat: 'Lapangan Merdeka, Kayuagung',
      tanggalKejadian: '2024-10-07',
      tanggalDiketahui: '2024-10-08',
    },
    perbuatan: ['hadir_deklarasi_kampanye'],
    saksi: [{ nama: 'Ahmad Fauzi', alamat: 'Kayuagung', telepon: '081298765432' }],
    bukti: [],
    buktiTautan: ['https://www.instagram.com/p/contoh123/'],
  };
  return {
    ...base,
    ...overrides,
    pelapor: { ...base.pelapor, ...(overrides.pelapor ?? {}) },
    peristiwa: { ...base.peristiwa, ...(overrides.peristiwa ?? {}), ...(overrides.uraian ? { uraian: overrides.uraian } : {}) },
    terlapor: (overrides.terlapor as LaporanInput['terlapor']) ?? base.terlapor,
  } as LaporanInput;
}

/**
 * A report about yesterday (WIB) for tests on the real clock (processes, soak): inside the 7-day
 * filing window, so registering it needs no override of the late-laporan guard.
 */
export function buildRecentLaporanInput(): LaporanInput {
  const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  return buildLaporanInput({ peristiwa: { tanggalKejadian: yesterday, tanggalDiketahui: yesterday } });
}
