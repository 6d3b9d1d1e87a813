// Where each traced vehicle is at a time of day, from one day of /events rows (sorted by vehicle,
// then time). On an edge between its entry and exit a vehicle moves at even speed along it; between
// one edge's exit and the next entry it waits at the edge's end (loading, unloading, at a stop);
// before its first entry and after its last exit it is off the street (in the depot).
export class TraceDay {
  constructor(rows, shapes, vehicles) {
    this.rows = rows;
    this.shapes = shapes;
    this.vehicles = vehicles;
    this.ranges = new Map();
    for (let i = 0; i < rows.rows; ++i) {
      const v = rows.vehicle[i];
      const range = this.ranges.get(v);
      if (range) range[1] = i + 1; else this.ranges.set(v, [i, i + 1]);
    }
  }

  positionsAt(seconds) {
    const { rows, shapes } = this;
    const shown = [];
    for (const [vehicle, [first, end]] of this.ranges) {
      if (seconds < rows.enter[first] || seconds >= rows.exit[end - 1]) continue;
      let lo = first;
      let hi = end - 1;
      while (lo < hi) {  // last row entered by `seconds`
        const mid = (lo + hi + 1) >> 1;
        if (rows.enter[mid] <= seconds) lo = mid; else hi = mid - 1;
      }
      const edge = rows.edge[lo];
      const a = shapes.edgeFrom[edge];
      const b = shapes.edgeTo[edge];
      const span = rows.exit[lo] - rows.enter[lo];
      const f = seconds >= rows.exit[lo] || span <= 0 ? 1 : (seconds - rows.enter[lo]) / span;
      shown.push({
        vehicle, edge, load: rows.load[lo], kind: this.vehicles.kind[vehicle], name: this.vehicles.name[vehicle],
        unit: this.vehicles.load_unit[vehicle],
        x: shapes.nx[a] + (shapes.nx[b] - shapes.nx[a]) * f, y: shapes.ny[a] + (shapes.ny[b] - shapes.ny[a]) * f,
      });
    }
    return shown;
  }

  // The day's first and last moments on the street, to start the clock where something moves.
  span() {
    this.spanSeconds ??= this.computeSpan();
    return this.spanSeconds;
  }

  computeSpan() {
    let start = Infinity;
    let end = -Infinity;
    for (const [first, last] of this.ranges.values()) {
      start = Math.min(start, this.rows.enter[first]);
      end = Math.max(end, this.rows.exit[last - 1]);
    }
    return Number.isFinite(start) ? [start, end] : [0, 86400];
  }
}

export function clockText(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
