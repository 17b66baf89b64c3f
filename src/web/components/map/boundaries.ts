// Loads the offline boundaries (TopoJSON served by the Netra server, no tiles or CDN) and turns
// them into GeoJSON features once per page load; later views reuse the same feature arrays, so
// the map's memoised projection and path strings stay valid across re-renders.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { api } from '../../api/client.ts';

export interface RegionProperties {
  code: string;
  name: string;
}

export type RegionFeature = Feature<Geometry, RegionProperties>;
export type BoundaryKind = 'provinces' | 'regencies';

/** What the map must show beside the boundaries (../shared/data/geo/SOURCE.md). */
export const MAP_ATTRIBUTION =
  'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), geometri dari data Badan Informasi Geospasial; kode dan nama wilayah menurut Kepmendagri 300.2.2-2138/2025 via idn-area-data (ODbL-1.0).';

const loaded = new Map<BoundaryKind, Promise<RegionFeature[]>>();

export function loadBoundaries(kind: BoundaryKind, signal?: AbortSignal): Promise<RegionFeature[]> {
  let promise = loaded.get(kind);
  if (!promise) {
    // Not tied to one component's signal: the download is shared by every later view.
    promise = api.get<Topology>(`/api/v1/public/geo/${kind}.topo.json`).then((topology) => {
      const collection = feature(topology, topology.objects[kind] as GeometryCollection<RegionProperties>);
      return collection.features.map((f) => ({
        ...f,
        properties: { code: String(f.properties?.code ?? f.id), name: String(f.properties?.name ?? f.id) },
      })) as RegionFeature[];
    });
    promise.catch(() => loaded.delete(kind));
    loaded.set(kind, promise);
  }
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), { once: true });
    promise!.then(resolve, reject);
  });
}

/** Regencies of one province, as a stable array per province code (memoised). */
const byProvince = new WeakMap<RegionFeature[], Map<string, RegionFeature[]>>();
export function regenciesOf(all: RegionFeature[], provinceCode: string): RegionFeature[] {
  let index = byProvince.get(all);
  if (!index) {
    index = new Map();
    for (const f of all) {
      const key = f.properties.code.slice(0, 2);
      const list = index.get(key) ?? [];
      list.push(f);
      index.set(key, list);
    }
    byProvince.set(all, index);
  }
  return index.get(provinceCode) ?? [];
}
