// The viewer page: loads the catalogue, then wires the map, time, plot, table and two-run views.
import * as api from './api.js';
import { divergingScale, drawRamp, lineColours, sequentialScale } from './colour.js';
import { cityShapes, vehicleColours } from './geometry.js';
import { formatNumber, setLanguage, t } from './i18n.js';
import { MapView } from './map.js';
import { drawPlot } from './plot.js';
import { clockText, TraceDay } from './traces.js';

const $ = (id) => document.getElementById(id);
const state = {
  runs: [], mode: 'a', kpi: '', day: 0, split: '', sort: { column: 0, descending: false },
  playing: false, speed: 16, clock: 0, traceDay: null, selectedVehicle: -1,
};
const seriesCache = new Map();
const map = new MapView($('map'));
const frames = { count: 0, since: performance.now(), fps: 0 };

function alertText(text, kind = 'notice') {
  const p = document.createElement('p');
  p.className = kind;
  p.textContent = text;
  $('alerts').append(p);
}

window.addEventListener('error', (event) => alertText(t('loadFailed', 'the page', event.message), 'error'));
window.addEventListener('unhandledrejection', (event) => alertText(t('loadFailed', 'data', event.reason?.message ?? event.reason), 'error'));

const seriesInfo = (name, run = 0) => state.runs[run].series.find((s) => s.name === name);
const districtDim = (info) => info?.dims.indexOf('district') ?? -1;
// Shares, rates and means are averaged over the other dimensions; counts and amounts are summed.
const averaged = (unit) => unit === '1' || unit.includes('/') || unit === 'min' || unit === 'h';

async function seriesData(run, name) {
  const key = `${run}/${name}`;
  if (!seriesCache.has(key)) seriesCache.set(key, api.series(run, name));
  return seriesCache.get(key);
}

// Values per label of dimension `dim` (or one city value when dim < 1) for every day; computed
// once per series and dimension, so a day step only looks values up.
const reducedCache = new Map();
function reduceSeries(data, info, dim) {
  const key = data;
  if (!reducedCache.has(key)) reducedCache.set(key, new Map());
  const byDim = reducedCache.get(key);
  if (!byDim.has(dim)) byDim.set(dim, reduceOver(data, info, dim));
  return byDim.get(dim);
}

function reduceOver(data, info, dim) {
  const [days, ...rest] = data.shape;
  const perDay = rest.reduce((a, b) => a * b, 1);
  const groups = dim >= 1 ? rest[dim - 1] : 1;
  const stride = dim >= 1 ? rest.slice(dim).reduce((a, b) => a * b, 1) : 1;
  const mean = averaged(info.unit);
  const out = Array.from({ length: groups }, () => new Float64Array(days));
  for (let d = 0; d < days; ++d) {
    const sums = new Float64Array(groups);
    for (let k = 0; k < perDay; ++k) sums[dim >= 1 ? Math.floor(k / stride) % groups : 0] += data.values[d * perDay + k];
    for (let g = 0; g < groups; ++g) out[g][d] = mean ? sums[g] / (perDay / groups) : sums[g];
  }
  return out;
}

// Per district (in /geometry order) and day, for the run or the difference the mode shows. The
// map and the table ask for up to four matrices on every day step; each is computed once per
// KPI and mode (the promise is kept, so concurrent asks share one computation).
const districtMatrices = new Map();
function districtMatrix(mode = state.mode) {
  const key = `${state.kpi}\u0000${mode}`;
  if (!districtMatrices.has(key)) districtMatrices.set(key, computeDistrictMatrix(state.kpi, mode));
  return districtMatrices.get(key);
}

async function computeDistrictMatrix(kpi, mode) {
  const runs = mode === 'diff' ? [0, 1] : [mode === 'b' ? 1 : 0];
  const matrices = [];
  for (const run of runs) {
    const info = seriesInfo(kpi, run);
    if (!info) return null;
    const dim = districtDim(info);
    const byLabel = reduceSeries(await seriesData(run, kpi), info, dim);
    const labels = info.labels[dim - 1];
    matrices.push(map.shapes.districts.map((d, i) => byLabel[labels.indexOf(d.name) >= 0 ? labels.indexOf(d.name) : i]));
  }
  if (matrices.length === 1) return matrices[0];
  return matrices[0].map((a, i) => a.map((v, d) => matrices[1][i][d] - v));
}

function runTitle(run) {
  return state.runs[run].meta.scenario_name ?? state.runs[run].file;
}

function unitOf(name) {
  return seriesInfo(name)?.unit ?? '';
}

async function updateMap() {
  const info = seriesInfo(state.kpi);
  const date = state.runs[0].dates[state.day] ?? '';
  $('title').textContent = state.runs.length > 1
    ? t('compareTitle', runTitle(0), runTitle(1), state.kpi, date)
    : t('title', runTitle(0), state.kpi, date);
  document.title = `munisim — ${$('title').textContent}`;
  if (!map.shapes || districtDim(info) < 1) {
    map.fill = null;
    $('legend-text').textContent = '';
    map.invalidate();
    return;
  }
  const matrix = await districtMatrix();
  let min = Infinity;
  let max = -Infinity;
  for (const row of matrix) for (const v of row) if (Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
  const scale = state.mode === 'diff' ? divergingScale(min, max) : sequentialScale(min, max);
  map.fill = { values: matrix.map((row) => row[state.day]), scale };
  drawRamp($('legend-ramp'), scale);
  const unit = info.unit || '?';
  $('legend-text').textContent = state.mode === 'diff'
    ? t('legendDiff', state.kpi, formatNumber(scale.min), formatNumber(scale.max), unit)
    : t('legend', state.kpi, formatNumber(scale.min), formatNumber(scale.max), unit);
  map.invalidate();
  await updateTable();
}

async function updateTable() {
  const info = seriesInfo(state.kpi);
  const head = $('values').tHead;
  const body = $('values').tBodies[0];
  head.replaceChildren();
  body.replaceChildren();
  if (!map.shapes || districtDim(info) < 1) return;
  const unit = info.unit || '?';
  const columns = [[t('district'), null]];
  if (state.runs.length > 1) {
    columns.push([`A (${unit})`, await districtMatrix('a')], [`B (${unit})`, await districtMatrix('b')],
      [`B − A (${unit})`, await districtMatrix('diff')]);
  } else {
    columns.push([`${t('value')} (${unit})`, await districtMatrix('a')]);
  }
  const row = document.createElement('tr');
  columns.forEach(([label], c) => {
    const th = document.createElement('th');
    th.scope = 'col';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    const sorted = state.sort.column === c;
    th.setAttribute('aria-sort', sorted ? (state.sort.descending ? 'descending' : 'ascending') : 'none');
    button.addEventListener('click', () => {
      state.sort = { column: c, descending: sorted ? !state.sort.descending : false };
      updateTable().then(() => head.querySelectorAll('button')[c].focus());
    });
    th.append(button);
    row.append(th);
  });
  head.append(row);
  const rows = map.shapes.districts.map((d, i) => [d.name, ...columns.slice(1).map(([, m]) => m[i][state.day])]);
  const c = state.sort.column;
  rows.sort((a, b) => (c === 0 ? a[0].localeCompare(b[0]) : a[c] - b[c]) * (state.sort.descending ? -1 : 1));
  for (const values of rows) {
    const tr = document.createElement('tr');
    values.forEach((v, k) => {
      const cell = document.createElement(k === 0 ? 'th' : 'td');
      if (k === 0) cell.scope = 'row';
      cell.textContent = k === 0 ? v : formatNumber(v);
      if (k > 0) cell.dataset.value = String(v);
      tr.append(cell);
    });
    body.append(tr);
  }
}

async function updatePlot() {
  const info = seriesInfo(state.kpi);
  if (!info) return;
  const dim = state.split ? info.dims.indexOf(state.split) : -1;
  const lines = [];
  const legend = [];
  for (const run of state.runs.keys()) {
    const runInfo = seriesInfo(state.kpi, run);
    if (!runInfo) continue;
    const reduced = reduceSeries(await seriesData(run, state.kpi), runInfo, dim);
    const labels = dim >= 1 ? runInfo.labels[dim - 1] : [t('city')];
    reduced.slice(0, lineColours.length).forEach((values, g) => {
      lines.push({ values: Array.from(values), colour: lineColours[g], dashed: run === 1 });
      legend.push([lineColours[g], `${state.runs.length > 1 ? (run === 0 ? 'A ' : 'B ') : ''}${labels[g]}`, run === 1]);
    });
  }
  drawPlot($('plot'), { lines, unit: info.unit, dates: state.runs[0].dates, day: state.day, dayLabel: t('day') });
  $('plot').setAttribute('aria-label', `${state.kpi} (${info.unit || '?'})`);
  $('plot-legend').replaceChildren(...legend.map(([colour, label, dashed]) => {
    const span = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = dashed ? `repeating-linear-gradient(90deg, ${colour} 0 6px, transparent 6px 10px)` : colour;
    span.append(swatch, label);
    return span;
  }));
}

function traceRun() {
  return state.mode === 'b' ? 1 : 0;
}

async function loadTraces() {
  const run = state.runs[traceRun()];
  const day = state.day + 1;
  if (state.traceDay?.day !== day || state.traceDay?.run !== traceRun()) state.traceDay = null;
  if (map.shapes && run.trace_days.includes(day) && state.traceDay?.day !== day) {
    const rows = await api.traces(traceRun(), day);
    if (state.day + 1 !== day) return;
    state.traceDay = new TraceDay(rows, map.shapes, run.vehicles);
    state.traceDay.day = day;
    state.traceDay.run = traceRun();
    const [start] = state.traceDay.span();
    if (!state.playing || state.clock <= 0 || state.clock >= 86400) state.clock = start;
  }
  updateVehicleLegend();
  updateVehicles();
}

// Kind labels can be any the output names; one unknown to the page shows as its own name.
function kindLabel(kind) {
  const label = t(`kind_${kind}`);
  return label === `kind_${kind}` ? kind : label;
}

// One legend entry per kind of vehicle the run traced, in the colour the map draws it.
function updateVehicleLegend() {
  const run = state.runs[traceRun()];
  run.kinds ??= [...new Set(run.vehicles?.kind ?? [])];
  $('vehicle-legend').replaceChildren(...(run.kinds.length ? [t('vehicleTypes')] : []), ...run.kinds.map((kind) => {
    const span = document.createElement('span');
    span.className = 'vehicle-kind';
    const swatch = document.createElement('span');
    swatch.className = 'swatch dot';
    swatch.style.background = vehicleColours[kind] ?? '#000000';
    span.append(swatch, kindLabel(kind));
    return span;
  }));
}

function updateVehicles() {
  map.vehicles = state.traceDay ? state.traceDay.positionsAt(state.clock) : [];
  $('clock').textContent = state.traceDay ? clockText(state.clock) : '';
  $('vehicle-count').textContent = state.traceDay ? t('vehiclesOnStreet', map.vehicles.length) : t('noTracesDay');
  const chosen = map.vehicles.find((v) => v.vehicle === state.selectedVehicle);
  $('vehicle-info').textContent = chosen
    ? t('vehicleInfo', chosen.name, kindLabel(chosen.kind), formatNumber(chosen.load), chosen.unit) : '';
}

async function setDay(day) {
  state.day = Math.min(Math.max(day, 0), state.runs[0].dates.length - 1);
  $('day').value = String(state.day);
  $('day-text').textContent = `${state.day + 1} · ${state.runs[0].dates[state.day]}`;
  await Promise.all([updateMap(), updatePlot()]);
  map.draw();
  state.firstPaintMs ??= performance.now();  // since navigation: what the benchmark reports
  // Traces come after the map and plot are drawn: a day of a large fleet takes a moment to load.
  await loadTraces();
  map.draw();
}

function showTooltip(district, px, py) {
  const tip = $('tooltip');
  if (district < 0 || !map.shapes) { tip.hidden = true; return; }
  const value = map.fill?.values[district];
  const unit = unitOf(state.kpi) || '?';
  tip.textContent = `${map.shapes.districts[district].name}: ${formatNumber(value)} ${unit}`;
  tip.style.left = `${px + 12}px`;
  tip.style.top = `${py + 12}px`;
  tip.hidden = false;
}

function wireMap() {
  const canvas = $('map');
  let drag = null;
  canvas.addEventListener('pointerdown', (e) => { drag = { x: e.offsetX, y: e.offsetY, moved: false }; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', (e) => {
    if (drag) {
      const dx = e.offsetX - drag.x;
      const dy = e.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      if (drag.moved) { map.pan(dx, dy); drag.x = e.offsetX; drag.y = e.offsetY; map.draw(); }
    }
    showTooltip(map.districtAt(e.offsetX, e.offsetY), e.offsetX, e.offsetY);
  });
  canvas.addEventListener('pointerup', (e) => {
    if (drag && !drag.moved) {
      state.selectedVehicle = map.vehicleAt(e.offsetX, e.offsetY);
      updateVehicles();
    }
    drag = null;
  });
  canvas.addEventListener('pointerleave', () => { $('tooltip').hidden = true; });
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    map.zoom(e.deltaY < 0 ? 1.25 : 0.8, e.offsetX, e.offsetY);
    map.draw();
  }, { passive: false });
  canvas.addEventListener('keydown', (e) => {
    const step = 40;
    const actions = {
      ArrowLeft: () => map.pan(step, 0), ArrowRight: () => map.pan(-step, 0), ArrowUp: () => map.pan(0, step),
      ArrowDown: () => map.pan(0, -step), '+': () => map.zoom(1.25), '=': () => map.zoom(1.25), '-': () => map.zoom(0.8),
      '0': () => map.fit(),
      ']': () => focusDistrict(1), '[': () => focusDistrict(-1),
      v: () => selectNextVehicle(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
    map.draw();
  });
  canvas.addEventListener('blur', () => { $('tooltip').hidden = true; map.focused = -1; map.invalidate(); map.draw(); });
}

function focusDistrict(direction) {
  const count = map.shapes?.districts.length ?? 0;
  if (count === 0) return;
  map.focused = (map.focused + direction + count) % count;
  const district = map.shapes.districts[map.focused];
  const [px, py] = map.project(district.cx, district.cy);
  showTooltip(map.focused, px, py);
  map.invalidate();
}

function selectNextVehicle() {
  if (map.vehicles.length === 0) return;
  const ids = map.vehicles.map((v) => v.vehicle).sort((a, b) => a - b);
  state.selectedVehicle = ids.find((id) => id > state.selectedVehicle) ?? ids[0];
  updateVehicles();
}

function tick(now) {
  const dt = Math.min((now - (tick.last ?? now)) / 1000, 0.25);
  tick.last = now;
  if (state.playing) {
    frames.count += 1;
    if (now - frames.since >= 1000) { frames.fps = (frames.count * 1000) / (now - frames.since); frames.count = 0; frames.since = now; }
    if (state.traceDay) {
      state.clock += dt * state.speed * 60;
      const [, end] = state.traceDay.span();
      if (state.clock > end) advanceDay();
      else { updateVehicles(); map.draw(); }
    } else {
      tick.dayTime = (tick.dayTime ?? 0) + dt * state.speed / 4;
      if (tick.dayTime >= 1) { tick.dayTime = 0; advanceDay(); }
    }
  }
  requestAnimationFrame(tick);
}

function advanceDay() {
  if (tick.busy) return;
  const last = state.runs[0].dates.length - 1;
  if (state.day >= last) { setPlaying(false); return; }
  tick.busy = true;
  state.clock = 0;
  setDay(state.day + 1).finally(() => { tick.busy = false; });
}

function setPlaying(on) {
  state.playing = on;
  frames.count = 0;
  frames.since = performance.now();
  $('play').setAttribute('aria-pressed', String(on));
  $('play').dataset.i18n = on ? 'pause' : 'play';
  $('play').textContent = t(on ? 'pause' : 'play');
}

// The picture a user saves: title, map, the KPI's legend and, when vehicles are on the map, the
// clock and one swatch per kind of vehicle, so the PNG reads without the page around it.
function pictureCanvas() {
  const mapCanvas = $('map');
  const vehiclesShown = map.layers.vehicles && map.vehicles.length > 0;
  const kinds = vehiclesShown ? state.runs[traceRun()].kinds ?? [] : [];
  const picture = document.createElement('canvas');
  picture.width = mapCanvas.width;
  picture.height = mapCanvas.height + 90 + (kinds.length ? 28 : 0);
  const context = picture.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, picture.width, picture.height);
  context.fillStyle = '#1b1b1b';
  context.font = 'bold 16px system-ui, sans-serif';
  const clock = vehiclesShown ? `, ${clockText(state.clock)}` : '';
  context.fillText(`${$('title').textContent}${clock}`, 10, 24, picture.width - 20);
  context.drawImage(mapCanvas, 0, 36);
  let y = mapCanvas.height + 46;
  context.drawImage($('legend-ramp'), 10, y);
  context.font = '13px system-ui, sans-serif';
  context.fillText($('legend-text').textContent, 10, y + 32, picture.width - 20);
  y += 56;
  let x = 10;
  for (const kind of kinds) {
    context.fillStyle = vehicleColours[kind] ?? '#000000';
    context.fillRect(x, y, 14, 14);
    context.fillStyle = '#1b1b1b';
    const label = kindLabel(kind);
    context.fillText(label, x + 20, y + 12);
    x += 20 + context.measureText(label).width + 18;
  }
  return picture;
}

async function savePicture() {
  const blob = await new Promise((resolve) => pictureCanvas().toBlob(resolve, 'image/png'));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `munisim-${state.kpi}-${state.runs[0].dates[state.day]}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function showRuns() {
  const list = $('runs');
  list.replaceChildren();
  state.runs.forEach((run, r) => {
    const add = (label, value) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    };
    add(state.runs.length > 1 ? (r === 0 ? 'A' : 'B') : t('file'), run.file);
    add(t('scenario'), run.meta.scenario_name ?? '');
    add(t('seed'), String(run.meta.seed ?? ''));
    add(t('version'), `${run.meta.munisim_version ?? ''} (${run.meta.git_describe ?? ''})`);
    add(t('cityName'), run.meta.city_name ?? '');
  });
}

function fillSelects() {
  const kpi = $('kpi');
  const names = state.runs[0].series.map((s) => s.name);
  kpi.replaceChildren(...names.map((name) => new Option(`${name} (${unitOf(name) || '?'})`, name)));
  const mappable = state.runs[0].series.filter((s) => districtDim(s) >= 1);
  // Waste collected is the indicator every run has and every team reads first.
  state.kpi = (mappable.find((s) => s.name === 'waste_collected_t') ?? mappable.find((s) => s.dims.length === 2) ??
    mappable[0] ?? state.runs[0].series[0])?.name ?? '';
  kpi.value = state.kpi;
  fillSplit();
}

function fillSplit() {
  const info = seriesInfo(state.kpi);
  const dims = info ? info.dims.slice(1) : [];
  $('split').replaceChildren(new Option(t('none'), ''), ...dims.map((d) => new Option(d, d)));
  state.split = dims.includes(state.split) ? state.split : '';
  $('split').value = state.split;
}

function reportMissing() {
  const run = state.runs[0];
  if (!map.shapes) alertText(t('noGeometry'));
  else if (!map.shapes.hasBoundaries) alertText(t('noBoundaries'));
  if (state.runs.every((r) => r.trace_days.length === 0)) alertText(t('noEvents'));
  for (const s of run.series) if (!s.unit) alertText(t('noUnit', s.name));
  if (!run.series.some((s) => districtDim(s) >= 1)) alertText(t('noDistrictSeries'));
}

function wireControls() {
  $('kpi').addEventListener('change', async () => { state.kpi = $('kpi').value; fillSplit(); await setDay(state.day); });
  $('mode').addEventListener('change', async () => { state.mode = $('mode').value; await setDay(state.day); });
  $('split').addEventListener('change', async () => { state.split = $('split').value; await updatePlot(); });
  $('day').addEventListener('input', () => setDay(Number($('day').value)));
  $('play').addEventListener('click', () => setPlaying(!state.playing));
  $('speed').addEventListener('change', () => { state.speed = Number($('speed').value); });
  $('save').addEventListener('click', savePicture);
  $('language').addEventListener('change', async () => {
    setLanguage($('language').value);
    showRuns();
    $('alerts').replaceChildren();
    reportMissing();
    setPlaying(state.playing);
    fillSplit();
    await setDay(state.day);
  });
  for (const layer of Object.keys(map.layers)) {
    $(`layer-${layer}`).addEventListener('change', (e) => { map.layers[layer] = e.target.checked; map.invalidate(); map.draw(); });
  }
}

async function start() {
  setLanguage(navigator.language?.startsWith('es') ? 'es' : 'en');
  $('language').value = document.documentElement.lang;
  const mark = (name) => performance.mark(`munisim:${name}`);
  const catalogue = await api.catalogue();
  mark('catalogue');
  state.runs = catalogue.runs;
  if (state.runs.length > 1) { $('mode-label').hidden = false; state.mode = 'diff'; $('mode').value = 'diff'; }
  const tables = await api.geometry(0);
  mark('geometry');
  if (tables && tables.districts) map.setShapes(cityShapes(tables));
  mark('shapes');
  $('day').max = String(Math.max(state.runs[0].dates.length - 1, 0));
  showRuns();
  fillSelects();
  reportMissing();
  wireMap();
  wireControls();
  const firstTraceDay = state.runs[0].trace_days[0];
  await setDay(firstTraceDay ? firstTraceDay - 1 : 0);
  requestAnimationFrame(tick);
}

function setClock(seconds) {
  state.clock = seconds;
  updateVehicles();
  map.draw();
}

// What the tests and the benchmark read: the page's own state, never a second code path.
window.viewer = {
  state, map, frames, setDay, setPlaying, setClock, vehicleColours, pictureCanvas,
  ready: start().then(() => true, (error) => { alertText(t('loadFailed', 'the catalogue', error.message), 'error'); return false; }),
};
