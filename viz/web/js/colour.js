// Colour-blind-safe ramps: viridis for values, purple–white–orange (ColorBrewer PuOr) for
// differences, centred on zero. Both are drawn in the legend by the same function as the map.
const viridis = [[68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142], [31, 158, 137],
  [53, 183, 121], [110, 206, 88], [181, 222, 43], [253, 231, 37]];
const purpleOrange = [[45, 0, 75], [84, 39, 136], [128, 115, 172], [178, 171, 210], [216, 218, 235], [247, 247, 247],
  [254, 224, 182], [253, 184, 99], [224, 130, 20], [179, 88, 6], [127, 59, 8]];

function interpolate(stops, t) {
  const x = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  return stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
}

// A scale maps a value to [r, g, b]; `position` gives the same value's place along the legend (0..1).
export function sequentialScale(min, max) {
  const span = max > min ? max - min : 1;
  const position = (v) => (v - min) / span;
  return { min, max, position, colour: (v) => interpolate(viridis, position(v)), diverging: false };
}

export function divergingScale(min, max) {
  const reach = Math.max(Math.abs(min), Math.abs(max)) || 1;
  const position = (v) => 0.5 + v / (2 * reach);
  return { min: -reach, max: reach, position, colour: (v) => interpolate(purpleOrange, position(v)), diverging: true };
}

export const css = ([r, g, b]) => `rgb(${r},${g},${b})`;

export function drawRamp(canvas, scale) {
  const context = canvas.getContext('2d');
  for (let x = 0; x < canvas.width; ++x) {
    context.fillStyle = css(scale.colour(scale.min + (x / (canvas.width - 1)) * (scale.max - scale.min)));
    context.fillRect(x, 0, 1, canvas.height);
  }
}

// Distinct line colours for plots (Okabe–Ito, readable on white).
export const lineColours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8c6d1f'];
