// Turns the output's /geometry tables into what the map draws: district rings (or circles when a
// synthetic city has no boundaries), street segments, stops, line paths, and the city's bounds.
// Okabe-Ito colours, told apart with colour-blindness; the transit kinds are the scenario's vehicle types.
export const vehicleColours = {
  waste_truck: '#D55E00', bus: '#0072B2', combi: '#CC79A7', electric_bus: '#009E73', brt: '#56B4E9',
};

// A district without boundaries is drawn as the circle of its area, centred on its centroid.
export function districtRadiusM(district) {
  return Math.sqrt(district.areaKm2 / Math.PI) * 1000;
}

// A two-way street is two edges, one each way: only the one from its lower-numbered node is drawn.
// A one-way street has no reverse twin and is drawn whichever way it runs.
export function reverseTwins(nodeCount, edgeFrom, edgeTo) {
  const forward = new Set();
  for (let e = 0; e < edgeFrom.length; ++e) {
    if (edgeFrom[e] < edgeTo[e]) forward.add(edgeFrom[e] * nodeCount + edgeTo[e]);
  }
  const twin = new Uint8Array(edgeFrom.length);
  for (let e = 0; e < edgeFrom.length; ++e) {
    if (edgeTo[e] < edgeFrom[e] && forward.has(edgeTo[e] * nodeCount + edgeFrom[e])) twin[e] = 1;
  }
  return twin;
}

export function cityShapes(tables) {
  const col = (table, name) => tables[table]?.columns?.[name] ?? [];
  const districts = col('districts', 'name').map((name, i) => ({
    name, rings: [], cx: col('districts', 'centroid_x')[i], cy: col('districts', 'centroid_y')[i],
    areaKm2: col('districts', 'area_km2')[i] ?? 1,
  }));
  const bd = col('district_boundaries', 'district');
  const bx = col('district_boundaries', 'x');
  const by = col('district_boundaries', 'y');
  const bpart = col('district_boundaries', 'part');
  const bring = col('district_boundaries', 'ring');
  for (let i = 0; i < bd.length; ++i) {
    const district = districts[bd[i]];
    if (!district) continue;
    const newRing = i === 0 || bd[i] !== bd[i - 1] || bpart[i] !== bpart[i - 1] || bring[i] !== bring[i - 1];
    if (newRing) district.rings.push([]);
    district.rings[district.rings.length - 1].push(bx[i], by[i]);
  }
  const hasBoundaries = districts.some((d) => d.rings.length > 0);
  const nx = Float64Array.from(col('network_nodes', 'x'));
  const ny = Float64Array.from(col('network_nodes', 'y'));
  const edgeFrom = Int32Array.from(col('network_edges', 'from'));
  const edgeTo = Int32Array.from(col('network_edges', 'to'));
  const edgeIsTwin = reverseTwins(nx.length, edgeFrom, edgeTo);
  const stops = col('transit_stops', 'x').map((x, i) => ({ x, y: col('transit_stops', 'y')[i], name: col('transit_stops', 'name')[i] }));
  const lines = [];
  const lp = col('transit_line_paths', 'line');
  const lx = col('transit_line_paths', 'x');
  const ly = col('transit_line_paths', 'y');
  for (let i = 0; i < lp.length; ++i) {
    if (i === 0 || lp[i] !== lp[i - 1]) lines.push([]);
    lines[lines.length - 1].push(lx[i], ly[i]);
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const extend = (x, y) => { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); };
  for (const d of districts) {
    for (const ring of d.rings) for (let k = 0; k < ring.length; k += 2) extend(ring[k], ring[k + 1]);
    if (!hasBoundaries && Number.isFinite(d.cx)) {
      const r = districtRadiusM(d);
      extend(d.cx - r, d.cy - r);
      extend(d.cx + r, d.cy + r);
    }
  }
  for (let i = 0; i < nx.length; ++i) extend(nx[i], ny[i]);
  if (!Number.isFinite(minX)) { minX = 0; minY = 0; maxX = 1000; maxY = 1000; }
  return { districts, hasBoundaries, nx, ny, edgeFrom, edgeTo, edgeIsTwin, stops, lines, bounds: { minX, minY, maxX, maxY } };
}

// Whether (x, y) lies inside the district (even–odd over all its rings, holes included).
export function districtContains(district, hasBoundaries, x, y) {
  if (!hasBoundaries) {
    const r = districtRadiusM(district);
    return (x - district.cx) ** 2 + (y - district.cy) ** 2 <= r * r;
  }
  let inside = false;
  for (const ring of district.rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const [xi, yi, xj, yj] = [ring[i], ring[i + 1], ring[j], ring[j + 1]];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
