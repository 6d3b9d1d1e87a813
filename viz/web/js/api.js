// The viewer's API on the same 127.0.0.1 server (docs/viewer.md); nothing is fetched elsewhere.
async function get(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

export async function catalogue() {
  return (await get('api/catalogue')).json();
}

export async function geometry(run) {
  return (await get(`api/geometry?run=${run}`)).json();
}

// A series as { shape, values: Float32Array } in row-major order, day first.
export async function series(run, name) {
  const response = await get(`api/series?run=${run}&name=${encodeURIComponent(name)}`);
  const shape = response.headers.get('X-Munisim-Shape').split(',').map(Number);
  return { shape, values: new Float32Array(await response.arrayBuffer()) };
}

// One day of traces: five columns of `rows` values (layout in docs/output-format.md).
export async function traces(run, day) {
  const response = await get(`api/traces?run=${run}&day=${day}`);
  const rows = Number(response.headers.get('X-Munisim-Rows'));
  const buffer = await response.arrayBuffer();
  const column = (i, Type) => new Type(buffer, i * rows * 4, rows);
  return {
    rows, vehicle: column(0, Int32Array), edge: column(1, Int32Array), enter: column(2, Float32Array),
    exit: column(3, Float32Array), load: column(4, Float32Array),
  };
}
