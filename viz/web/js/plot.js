// A KPI over the run: one line per run and split, the unit on the y axis, days on the x axis and
// a cursor at the day the map shows.
import { formatNumber } from './i18n.js';

function niceTicks(min, max, count = 5) {
  const span = max - min || Math.abs(max) || 1;
  const step0 = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= step0);
  const ticks = [];
  const last = Math.ceil(max / step - 1e-9) * step;
  for (let v = Math.floor(min / step) * step; v <= last + step * 1e-9; v += step) ticks.push(v);
  return ticks;
}

export function drawPlot(canvas, { lines, unit, dates, day, dayLabel }) {
  const context = canvas.getContext('2d');
  const width = canvas.width;
  const height = canvas.height;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const left = 70;
  const right = 12;
  const top = 12;
  const bottom = 36;
  let min = Infinity;
  let max = -Infinity;
  for (const line of lines) for (const v of line.values) if (Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
  if (!Number.isFinite(min)) { min = 0; max = 1; }
  if (min > 0 && min < max * 0.5) min = 0;
  const ticks = niceTicks(min, max);
  min = Math.min(min, ticks[0]);
  max = Math.max(max, ticks[ticks.length - 1]);
  const days = Math.max(dates.length, 1);
  const xOf = (d) => left + (days > 1 ? (d / (days - 1)) * (width - left - right) : (width - left - right) / 2);
  const yOf = (v) => top + (1 - (v - min) / (max - min || 1)) * (height - top - bottom);
  context.font = '12px system-ui, sans-serif';
  context.fillStyle = '#1b1b1b';
  context.strokeStyle = '#d0d0d0';
  context.lineWidth = 1;
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const tick of ticks) {
    context.beginPath(); context.moveTo(left, yOf(tick)); context.lineTo(width - right, yOf(tick)); context.stroke();
    context.fillText(formatNumber(tick), left - 6, yOf(tick));
  }
  context.save();
  context.translate(14, (height - bottom) / 2);
  context.rotate(-Math.PI / 2);
  context.textAlign = 'center';
  context.fillText(unit || '?', 0, 0);
  context.restore();
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const [d, align] of [[0, 'left'], [Math.floor((days - 1) / 2), 'center'], [days - 1, 'right']]) {
    context.textAlign = align;
    context.fillText(dates[d] ?? '', xOf(d), height - bottom + 6);
  }
  context.textAlign = 'center';
  context.fillText(dayLabel, (left + width) / 2, height - 14);
  for (const line of lines) {
    context.strokeStyle = line.colour;
    context.lineWidth = 2;
    context.setLineDash(line.dashed ? [6, 4] : []);
    context.beginPath();
    line.values.forEach((v, d) => (d === 0 ? context.moveTo(xOf(d), yOf(v)) : context.lineTo(xOf(d), yOf(v))));
    if (days === 1) context.arc(xOf(0), yOf(line.values[0]), 3, 0, 2 * Math.PI);
    context.stroke();
  }
  context.setLineDash([]);
  context.strokeStyle = '#c2410c';
  context.lineWidth = 2;
  context.beginPath(); context.moveTo(xOf(day), top); context.lineTo(xOf(day), height - bottom); context.stroke();
}
