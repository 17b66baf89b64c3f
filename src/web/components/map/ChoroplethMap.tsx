// An offline SVG choropleth. The projection (d3-geo Mercator fitted to the features) and every
// path string are computed once per feature array and memoised; a layer switch only changes the
// fill and the accessible label of each path, so recolouring 514 regions is a cheap React diff.
// No per-frame work: hover and focus styles are CSS, tooltips are native <title> elements.
//
// Each region is a focusable button (Tab, then Enter or Space) whose name says the region and its
// value; one delegated handler on the <g> serves all of them. The component measures its own
// render (geometry + commit + next paint) and exposes it as data-render-ms / data-recolour-ms.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import type { RegionFeature, RegionProperties } from './boundaries.ts';

const WIDTH = 1000;
const PADDING = 8;

export interface RegionStyle {
  fill: string;
  /** Spoken and shown value, e.g. "Rawan sedang (skor 34,2)". */
  valueText: string;
}

interface Geometry2D {
  height: number;
  shapes: { code: string; name: string; d: string }[];
  /** Milliseconds the projection and path strings took to build. */
  buildMs: number;
}

/** Geometry per feature array, kept across mounts: the arrays are stable (see boundaries.ts). */
const geometryCache = new WeakMap<RegionFeature[], Geometry2D>();
export function geometryFor(features: RegionFeature[]): Geometry2D {
  let geometry = geometryCache.get(features);
  if (!geometry) {
    geometry = buildGeometry(features);
    geometryCache.set(features, geometry);
  }
  return geometry;
}

/** Rings smaller than this (viewBox units, ≈ px on a desktop screen) are not drawn. */
const MIN_RING_SIZE = 0.6;

/**
 * A d3-geo path context that writes SVG path data with one decimal, drops repeated points and
 * rings too small to see (keeping a region's largest ring when all are tiny, so every region
 * stays drawn and clickable). Halves the path text of the national view.
 */
class RingWriter {
  private out = '';
  private ring = '';
  private points = 0;
  private lastX = NaN;
  private lastY = NaN;
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;
  private fallback = '';
  private fallbackSize = -1;

  reset() {
    this.out = '';
    this.ring = '';
    this.fallback = '';
    this.fallbackSize = -1;
    this.points = 0;
  }
  moveTo(x: number, y: number) {
    this.endRing(false);
    this.minX = this.maxX = x;
    this.minY = this.maxY = y;
    this.lastX = Math.round(x * 10) / 10;
    this.lastY = Math.round(y * 10) / 10;
    this.ring = `M${this.lastX},${this.lastY}`;
    this.points = 1;
  }
  lineTo(x: number, y: number) {
    const rx = Math.round(x * 10) / 10;
    const ry = Math.round(y * 10) / 10;
    if (x < this.minX) this.minX = x;
    else if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    else if (y > this.maxY) this.maxY = y;
    if (rx === this.lastX && ry === this.lastY) return;
    this.lastX = rx;
    this.lastY = ry;
    this.ring += `L${rx},${ry}`;
    this.points++;
  }
  closePath() {
    this.endRing(true);
  }
  beginPath() {
    /* each ring starts with moveTo */
  }
  arc(_x: number, _y: number, _r: number, _a0: number, _a1: number) {
    /* no point geometries in the boundaries */
  }
  private endRing(closed: boolean) {
    if (!this.points) return;
    const ring = closed ? `${this.ring}Z` : this.ring;
    const size = Math.max(this.maxX - this.minX, this.maxY - this.minY);
    if (size >= MIN_RING_SIZE && this.points > 2) this.out += ring;
    else if (size > this.fallbackSize) {
      this.fallback = ring;
      this.fallbackSize = size;
    }
    this.ring = '';
    this.points = 0;
  }
  result(): string {
    this.endRing(false);
    return this.out || this.fallback;
  }
}

/**
 * Fits a Mercator projection to the features and builds each path string once. Two passes only:
 * the bounds at unit scale, then the paths (d3's fitExtent would add a pass per fit). No adaptive
 * resampling (precision 0): the boundaries are already densely sampled.
 */
export function buildGeometry(features: RegionFeature[]): Geometry2D {
  const started = performance.now();
  const collection: FeatureCollection<Geometry, RegionProperties> = { type: 'FeatureCollection', features };
  const unit = geoMercator().scale(1).translate([0, 0]).precision(0);
  const [[x0, y0], [x1, y1]] = geoPath(unit).bounds(collection);
  const w = Math.max(1e-9, x1 - x0);
  const h = Math.max(1e-9, y1 - y0);
  // The height follows the shape's aspect ratio at the full width, within bounds.
  const height = Math.round(Math.min(WIDTH * 0.9, Math.max(WIDTH * 0.3, (h * (WIDTH - 2 * PADDING)) / w + 2 * PADDING)));
  const k = Math.min((WIDTH - 2 * PADDING) / w, (height - 2 * PADDING) / h);
  const projection = geoMercator()
    .precision(0)
    .scale(k)
    .translate([(WIDTH - k * (x0 + x1)) / 2, (height - k * (y0 + y1)) / 2]);
  const writer = new RingWriter();
  const path = geoPath(projection, writer);
  return {
    height,
    shapes: features.map((f) => {
      writer.reset();
      path(f);
      return { code: f.properties.code, name: f.properties.name, d: writer.result() };
    }),
    buildMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

const Shape = memo(function Shape({
  code,
  name,
  d,
  fill,
  valueText,
  selected,
}: {
  code: string;
  name: string;
  d: string;
  fill: string;
  valueText: string;
  selected: boolean;
}) {
  const label = `${name}: ${valueText}`;
  return (
    <path
      d={d}
      fill={fill}
      data-code={code}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-current={selected || undefined}
      className={selected ? 'choropleth__region choropleth__region--selected' : 'choropleth__region'}
    >
      <title>{label}</title>
    </path>
  );
});

export function ChoroplethMap({
  features,
  styles,
  fallback,
  label,
  onActivate,
  selectedCode,
  describedBy,
}: {
  features: RegionFeature[];
  styles: Map<string, RegionStyle>;
  /** Style of regions missing from `styles`. */
  fallback: RegionStyle;
  label: string;
  onActivate(code: string, name: string): void;
  selectedCode?: string;
  describedBy?: string;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderStart = useRef(0);
  const lastFeatures = useRef<RegionFeature[] | null>(null);
  const lastStyles = useRef<Map<string, RegionStyle> | null>(null);
  const kind = useRef<'render' | 'recolour'>('render');
  // Timing starts in render, before the (memoised) geometry work, and ends after the next paint.
  if (lastFeatures.current !== features) {
    renderStart.current = performance.now();
    kind.current = 'render';
  } else if (lastStyles.current !== styles) {
    renderStart.current = performance.now();
    kind.current = 'recolour';
  }
  lastFeatures.current = features;
  lastStyles.current = styles;

  const geometry = useMemo(() => geometryFor(features), [features]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || renderStart.current === 0) return;
    const started = renderStart.current;
    const which = kind.current;
    renderStart.current = 0;
    svg.setAttribute('data-rendering', which);
    // Two frames: the first callback runs before the paint, the second after it.
    let measured = false;
    const frame = requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        measured = true;
        const ms = Math.round((performance.now() - started) * 10) / 10;
        svg.setAttribute(which === 'render' ? 'data-render-ms' : 'data-recolour-ms', String(ms));
        svg.setAttribute('data-regions', String(geometry.shapes.length));
        svg.setAttribute('data-geometry-ms', String(geometry.buildMs));
        svg.removeAttribute('data-rendering');
      }),
    );
    return () => {
      cancelAnimationFrame(frame);
      // A re-render (e.g. the layer's data arriving) before the paint: the measurement is not lost,
      // the next effect finishes it from the same start; a render pending beats a recolour.
      if (!measured) {
        if (renderStart.current === 0) renderStart.current = started;
        if (which === 'render') kind.current = 'render';
      }
    };
  });

  const activate = useRef(onActivate);
  useEffect(() => {
    activate.current = onActivate;
  }, [onActivate]);
  const fromEvent = useCallback(
    (target: EventTarget) => {
      const element = (target as Element).closest?.('[data-code]');
      const code = element?.getAttribute('data-code');
      if (!code) return;
      const shape = geometry.shapes.find((s) => s.code === code);
      activate.current(code, shape?.name ?? code);
    },
    [geometry],
  );
  const onClick = useCallback((event: MouseEvent) => fromEvent(event.target), [fromEvent]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      fromEvent(event.target);
    },
    [fromEvent],
  );

  return (
    <svg
      ref={svgRef}
      className="choropleth"
      viewBox={`0 0 ${WIDTH} ${geometry.height}`}
      role="group"
      aria-label={label}
      aria-describedby={describedBy}
      preserveAspectRatio="xMidYMid meet"
    >
      <g onClick={onClick} onKeyDown={onKeyDown}>
        {geometry.shapes.map((shape) => {
          const style = styles.get(shape.code) ?? fallback;
          return (
            <Shape
              key={shape.code}
              code={shape.code}
              name={shape.name}
              d={shape.d}
              fill={style.fill}
              valueText={style.valueText}
              selected={shape.code === selectedCode}
            />
          );
        })}
      </g>
    </svg>
  );
}
