// /peta: an offline choropleth of Indonesia. Provinces first; a province opens its kabupaten/kota
// (?provinsi=16); "all kabupaten/kota" draws the 514 regencies at once (?tingkat=kabkota). A
// kabupaten/kota opens its public profile. Layers: vulnerability index, cases, media leads (only
// when the server offers them) and pledge coverage (?lapisan=). The view lives in the URL, so the
// back button and shared links work.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import type { RegionDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { ChoroplethMap } from '../../components/map/ChoroplethMap.tsx';
import { Legend } from '../../components/map/Legend.tsx';
import { loadBoundaries, regenciesOf, type RegionFeature } from '../../components/map/boundaries.ts';
import {
  LAYERS,
  buildLayerView,
  leadsAvailable,
  loadLayer,
  type LayerData,
  type LayerId,
  type LayerRow,
} from '../../components/map/layers.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import type { RiskLevel } from '../../api/publicTypes.ts';

const isLayer = (value: string | null): value is LayerId => !!value && (LAYERS as readonly string[]).includes(value);

/** The last loaded data of the requested layer; the previous layer stays on screen while it loads. */
function useLayerData(layer: LayerId, level: RiskLevel) {
  const [data, setData] = useState<LayerData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    loadLayer(layer, level).then(
      (loaded) => {
        if (live) setData(loaded);
      },
      (failure: unknown) => {
        if (live)
          setError(failure instanceof ApiError ? failure : new ApiError(0, 'client_error', { id: String(failure), en: String(failure) }));
      },
    );
    return () => {
      live = false;
    };
  }, [layer, level, generation]);
  const current = data && data.layer === layer && data.level === level ? data : null;
  return { data, current, error, reload: () => setGeneration((n) => n + 1) };
}

export default function Peta() {
  const t = useT();
  const language = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const legendId = useId();
  const requestedLayer = params.get('lapisan');
  const province = /^\d{2}$/.test(params.get('provinsi') ?? '') ? params.get('provinsi')! : null;
  const allRegencies = !province && params.get('tingkat') === 'kabkota';
  const kind = province || allRegencies ? 'regencies' : 'provinces';
  const level: RiskLevel = kind === 'provinces' ? 'provinsi' : 'kabupaten_kota';

  const risk = useLayerData('risiko', level);
  const leadsOn = leadsAvailable(risk.data?.layer === 'risiko' ? risk.data.risk : undefined);
  const layers = LAYERS.filter((l) => l !== 'petunjuk' || leadsOn);
  const layer: LayerId = isLayer(requestedLayer) && (requestedLayer !== 'petunjuk' || leadsOn) ? requestedLayer : 'risiko';
  const layerData = useLayerData(layer, level);

  const boundaries = useApi((signal) => loadBoundaries(kind, signal), [kind]);
  const features: RegionFeature[] | null = useMemo(() => {
    if (boundaries.status !== 'ready') return null;
    return province ? regenciesOf(boundaries.data, province) : boundaries.data;
  }, [boundaries.status, boundaries.data, province]);

  const provinceDetail = useApi(province ? (signal) => api.get<RegionDetail>(`/regions/${province}`, undefined, signal) : null, [province]);
  const provinceName = province ? (provinceDetail.status === 'ready' ? provinceDetail.data.name : province) : null;

  const view = useMemo(
    () => (layerData.data ? buildLayerView(layerData.data, t, language) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layerData.data, language],
  );

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      setParams(next);
    },
    [params, setParams],
  );

  // After a drill-down the focused shape is gone: focus moves to the new view's heading, not <body>.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (focusHeading.current && features && view) {
      focusHeading.current = false;
      headingRef.current?.focus();
    }
  }, [features, view]);

  const onActivate = useCallback(
    (code: string) => {
      if (kind === 'provinces') {
        focusHeading.current = true;
        update({ provinsi: code, tingkat: null });
      } else navigate(`/wilayah/${code}/profil`);
    },
    [kind, update, navigate],
  );

  const rows = useMemo(() => {
    if (!view || !features) return [];
    const codes = new Set(features.map((f) => f.properties.code));
    const names = new Map(features.map((f) => [f.properties.code, f.properties.name]));
    const present = new Map(view.rows.filter((r) => codes.has(r.code)).map((r) => [r.code, r]));
    // Every drawn region gets a row, even when the layer has no value for it.
    return [...codes]
      .map((code): LayerRow => present.get(code) ?? { code, name: names.get(code) ?? code, valueText: view.fallback.valueText, sort: -2 })
      .sort((a, b) => b.sort - a.sort || a.name.localeCompare(b.name));
  }, [view, features]);

  const title = t('map.title');
  const heading = province
    ? t('map.viewProvince', { name: provinceName ?? province, count: features?.length ?? 0 })
    : allRegencies
      ? t('map.viewAllRegencies', { count: features?.length ?? 514 })
      : t('map.viewProvinces', { count: features?.length ?? 38 });

  return (
    <div className="page map-page">
      <Breadcrumbs
        items={[
          { to: '/', label: t('nav.home') },
          province ? { to: `/peta?lapisan=${layer}`, label: title } : { label: title },
          ...(province ? [{ label: provinceName ?? province }] : []),
        ]}
      />
      <PageTitle>{title}</PageTitle>
      <p className="lead">{t('map.lead')}</p>

      <div className="map-controls">
        <fieldset className="segmented">
          <legend>{t('map.layer')}</legend>
          {layers.map((id) => (
            <label key={id} className="segmented__option">
              <input type="radio" name="layer" value={id} checked={layer === id} onChange={() => update({ lapisan: id })} />
              <span>{t(`map.layer.${id}`)}</span>
            </label>
          ))}
        </fieldset>
        {!province && (
          <fieldset className="segmented">
            <legend>{t('map.level')}</legend>
            <label className="segmented__option">
              <input type="radio" name="level" checked={!allRegencies} onChange={() => update({ tingkat: null })} />
              <span>{t('map.level.provinces')}</span>
            </label>
            <label className="segmented__option">
              <input type="radio" name="level" checked={allRegencies} onChange={() => update({ tingkat: 'kabkota' })} />
              <span>{t('map.level.regencies')}</span>
            </label>
          </fieldset>
        )}
      </div>

      <div className="map-heading">
        <h2 ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        {province && (
          <p className="map-heading__links">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                focusHeading.current = true;
                update({ provinsi: null });
              }}
            >
              ← {t('map.back')}
            </button>
            <Link to={`/wilayah/${province}/profil`} className="button button--secondary">
              {t('map.provinceProfile')}
            </Link>
          </p>
        )}
      </div>
      <p className="muted map-hint">{kind === 'provinces' ? t('map.hintProvinces') : t('map.hintRegencies')}</p>

      {boundaries.status === 'error' && <ErrorNotice error={boundaries.error} onRetry={boundaries.reload} />}
      {layerData.error && <ErrorNotice error={layerData.error} onRetry={layerData.reload} />}
      {view?.note && <Notice kind="info">{view.note}</Notice>}
      <div className="map-layout">
        <figure className="map-figure" aria-busy={!features || !view || !layerData.current}>
          {features && view ? (
            <ChoroplethMap
              features={features}
              styles={view.styles}
              fallback={view.fallback}
              label={`${heading} · ${t(`map.layer.${layerData.data!.layer}`)}`}
              describedBy={legendId}
              onActivate={onActivate}
            />
          ) : (
            boundaries.status !== 'error' && (
              <div className="map-placeholder">
                <Loading />
              </div>
            )
          )}
          <figcaption className="map-attribution">
            {t('map.attribution')}
            {view && <> {view.source}</>}
          </figcaption>
        </figure>
        {view && (
          <aside className="map-side">
            <Legend id={legendId} title={t(`map.layer.${layerData.data!.layer}`)} entries={view.legend} />
            {layer === 'risiko' && <p className="hint">{t('map.riskNote')}</p>}
          </aside>
        )}
      </div>
      {features && view && <RegionTable rows={rows} kind={kind} layer={layer} />}
    </div>
  );
}

/** The same values as a table (rendered only when opened): names link to the drill-down or profile. */
function RegionTable({ rows, kind, layer }: { rows: LayerRow[]; kind: 'provinces' | 'regencies'; layer: LayerId }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="map-table" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('map.table', { count: rows.length })}</summary>
      {open && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('map.table.region')}</th>
                <th scope="col">{t(`map.layer.${layer}`)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row">
                    <Link to={kind === 'provinces' ? `/peta?provinsi=${row.code}&lapisan=${layer}` : `/wilayah/${row.code}/profil`}>
                      {row.name}
                    </Link>
                  </th>
                  <td>{row.valueText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
