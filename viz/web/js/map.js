// The map on a Canvas 2D: districts filled by the chosen KPI, streets, lines, stops, names, a
// scale bar and the moving vehicles. Streets are drawn once per view into a cached layer and the
// whole still picture into another, so a frame of animation only copies it and draws vehicles.
import { css } from './colour.js';
import { districtContains, districtRadiusM, vehicleColours } from './geometry.js';

const niceKm = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];

export class MapView {
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.layers = { districts: true, streets: true, lines: true, stops: true, names: true, vehicles: true };
    this.fill = null;  // { values: per district, scale }
    this.vehicles = [];
    this.focused = -1;
    this.stillValid = false;
    this.streetsValid = false;
  }

  setShapes(shapes) {
    this.shapes = shapes;
    this.fit();
  }

  fit() {
    const { minX, minY, maxX, maxY } = this.shapes.bounds;
    const margin = 20;
    this.scale = Math.min((this.canvas.width - 2 * margin) / (maxX - minX || 1), (this.canvas.height - 2 * margin) / (maxY - minY || 1));
    this.offsetX = (this.canvas.width - (maxX - minX) * this.scale) / 2 - minX * this.scale;
    this.offsetY = (this.canvas.height + (maxY - minY) * this.scale) / 2 + minY * this.scale;
    this.invalidate(true);
  }

  invalidate(view = false) {
    this.stillValid = false;
    if (view) this.streetsValid = false;
  }

  // Local metres to canvas pixels (north up).
  project(x, y) {
    return [this.offsetX + x * this.scale, this.offsetY - y * this.scale];
  }

  unproject(px, py) {
    return [(px - this.offsetX) / this.scale, (this.offsetY - py) / this.scale];
  }

  pan(dx, dy) {
    this.offsetX += dx;
    this.offsetY += dy;
    this.invalidate(true);
  }

  zoom(factor, px = this.canvas.width / 2, py = this.canvas.height / 2) {
    this.offsetX = px - (px - this.offsetX) * factor;
    this.offsetY = py - (py - this.offsetY) * factor;
    this.scale *= factor;
    this.invalidate(true);
  }

  districtAt(px, py) {
    if (!this.shapes) return -1;
    const [x, y] = this.unproject(px, py);
    return this.shapes.districts.findIndex((d) => districtContains(d, this.shapes.hasBoundaries, x, y));
  }

  vehicleAt(px, py) {
    let best = -1;
    let bestDistance = 8 * 8;
    for (const v of this.vehicles) {
      const [vx, vy] = this.project(v.x, v.y);
      const distance = (vx - px) ** 2 + (vy - py) ** 2;
      if (distance <= bestDistance) { bestDistance = distance; best = v.vehicle; }
    }
    return best;
  }

  tracePath(context, ring, close) {
    for (let k = 0; k < ring.length; k += 2) {
      const [px, py] = this.project(ring[k], ring[k + 1]);
      if (k === 0) context.moveTo(px, py); else context.lineTo(px, py);
    }
    if (close) context.closePath();
  }

  districtPath(context, district) {
    context.beginPath();
    if (this.shapes.hasBoundaries) {
      for (const ring of district.rings) this.tracePath(context, ring, true);
    } else if (Number.isFinite(district.cx)) {
      const [px, py] = this.project(district.cx, district.cy);
      context.arc(px, py, districtRadiusM(district) * this.scale, 0, 2 * Math.PI);
    }
  }

  streetsLayer() {
    if (this.streetsValid) return this.streetCanvas;
    this.streetCanvas ??= new OffscreenCanvas(this.canvas.width, this.canvas.height);
    const context = this.streetCanvas.getContext('2d');
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const { nx, ny, edgeFrom, edgeTo, edgeIsTwin } = this.shapes;
    context.strokeStyle = 'rgba(128,128,128,0.85)';  // visible on both ends of the ramp
    context.lineWidth = 0.8;
    context.beginPath();
    for (let e = 0; e < edgeFrom.length; ++e) {
      const a = edgeFrom[e];
      const b = edgeTo[e];
      if (edgeIsTwin[e]) continue;  // its reverse edge draws the street
      context.moveTo(this.offsetX + nx[a] * this.scale, this.offsetY - ny[a] * this.scale);
      context.lineTo(this.offsetX + nx[b] * this.scale, this.offsetY - ny[b] * this.scale);
    }
    context.stroke();
    this.streetsValid = true;
    return this.streetCanvas;
  }

  drawStill() {
    this.stillCanvas ??= new OffscreenCanvas(this.canvas.width, this.canvas.height);
    const context = this.stillCanvas.getContext('2d');
    context.fillStyle = '#f4f4f4';
    context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.shapes) return;
    const { districts } = this.shapes;
    districts.forEach((district, i) => {
      this.districtPath(context, district);
      const value = this.fill?.values[i];
      context.fillStyle = this.layers.districts && this.fill && Number.isFinite(value) ? css(this.fill.scale.colour(value)) : '#e2e2e2';
      context.fill('evenodd');
      context.strokeStyle = '#ffffff';
      context.lineWidth = 1.5;
      context.stroke();
    });
    if (this.layers.streets) context.drawImage(this.streetsLayer(), 0, 0);
    if (this.layers.lines) {
      context.strokeStyle = '#111111';
      context.lineWidth = 3;
      for (const line of this.shapes.lines) { context.beginPath(); this.tracePath(context, line, false); context.stroke(); }
    }
    if (this.layers.stops) {
      context.fillStyle = '#ffffff';
      context.strokeStyle = '#111111';
      context.lineWidth = 1.5;
      for (const stop of this.shapes.stops) {
        const [px, py] = this.project(stop.x, stop.y);
        context.beginPath(); context.rect(px - 3.5, py - 3.5, 7, 7); context.fill(); context.stroke();
      }
    }
    if (this.focused >= 0 && districts[this.focused]) {
      this.districtPath(context, districts[this.focused]);
      context.strokeStyle = '#c2410c';
      context.lineWidth = 3;
      context.stroke();
    }
    if (this.layers.names) {
      context.font = '600 12px system-ui, sans-serif';
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.lineWidth = 3;
      context.strokeStyle = '#ffffff';
      context.fillStyle = '#111111';
      for (const district of districts) {
        if (!Number.isFinite(district.cx)) continue;
        const [px, py] = this.project(district.cx, district.cy);
        context.strokeText(district.name, px, py);
        context.fillText(district.name, px, py);
      }
    }
    this.drawScaleBar(context);
    this.stillValid = true;
  }

  drawScaleBar(context) {
    const target = this.canvas.width / 5 / this.scale / 1000;
    const km = niceKm.reduce((best, k) => (Math.abs(k - target) < Math.abs(best - target) ? k : best), niceKm[0]);
    const length = km * 1000 * this.scale;
    const x = 12;
    const y = this.canvas.height - 14;
    context.fillStyle = 'rgba(255,255,255,0.85)';
    context.fillRect(x - 6, y - 20, length + 60, 28);
    context.fillStyle = '#111111';
    context.fillRect(x, y - 3, length, 4);
    context.font = '12px system-ui, sans-serif';
    context.textAlign = 'left';
    context.textBaseline = 'alphabetic';
    context.fillText(`${km} km`, x + length + 6, y + 2);
    this.scaleBarKm = km;
  }

  draw() {
    if (!this.stillValid) this.drawStill();
    const context = this.context;
    context.drawImage(this.stillCanvas, 0, 0);
    if (!this.layers.vehicles) return;
    // One path per vehicle type: a few thousand vehicles cost a few fills, not thousands.
    const byKind = new Map();
    for (const v of this.vehicles) {
      if (!byKind.has(v.kind)) byKind.set(v.kind, new Path2D());
      const [px, py] = this.project(v.x, v.y);
      const path = byKind.get(v.kind);
      path.moveTo(px + 4, py);
      path.arc(px, py, 4, 0, 2 * Math.PI);
    }
    context.strokeStyle = '#ffffff';
    context.lineWidth = 1;
    for (const [kind, path] of byKind) {
      context.fillStyle = vehicleColours[kind] ?? '#000000';
      context.fill(path);
      context.stroke(path);
    }
  }
}
