// English and Spanish labels of the page; `t(key, ...args)` fills {0}, {1}, ... in order.
const labels = {
  en: {
    kpi: 'Indicator', mode: 'Show', language: 'Language', save: 'Save picture', map: 'Map', layers: 'Layers',
    districts: 'Districts', streets: 'Streets', lines: 'Lines', stops: 'Stops', names: 'Names', vehicles: 'Vehicles',
    mapHelp: 'Drag or arrow keys to pan, wheel or + and − to zoom, [ and ] to step through districts.',
    time: 'Time', day: 'Day', play: 'Play', pause: 'Pause', speed: 'Speed', plot: 'Over the run', split: 'Split by',
    table: 'Values of the day', runs: 'Runs', district: 'District', value: 'Value', city: 'city total',
    none: 'none', scenario: 'Scenario', seed: 'Seed', version: 'Version', file: 'File', cityName: 'City',
    vehiclesOnStreet: '{0} vehicles on the street', noTracesDay: 'no traces this day',
    vehicleInfo: 'Vehicle {0}: {1}, load {2} {3}',
    kind_waste_truck: 'waste truck', kind_bus: 'bus', kind_combi: 'combi', kind_electric_bus: 'electric bus',
    kind_brt: 'BRT bus', vehicleTypes: 'Vehicles by type:',
    legend: '{0}, colours over the run: {1} to {2} {3}', legendDiff: 'B − A, {0}: {1} to {2} {3} (white: no difference)',
    noGeometry: 'This output has no /geometry, so there is no map. Every run of a current munisim writes it: run the scenario again with this version (munisim run SCENARIO.yaml).',
    noEvents: 'This output has no vehicle traces (/events), so no vehicles move on the map. Add output.traces.days: [1] to the scenario (the days to record) and run it again.',
    noUnit: 'The series {0} has no unit in the file, so its values are shown without one. Outputs of a current munisim give every series a unit: run the scenario again to get it.',
    noDistrictSeries: 'No series of this output has a district dimension, so the map cannot be coloured; the plot still shows the run.',
    noBoundaries: 'This output has no district boundaries (a synthetic city): districts are drawn as circles of their area around their centres.',
    loadFailed: 'The viewer could not read {0} from the server: {1}.',
    title: '{0}: {1}, {2}', compareTitle: '{0} vs {1}: {2}, {3}', km: 'km',
  },
  es: {
    kpi: 'Indicador', mode: 'Mostrar', language: 'Idioma', save: 'Guardar imagen', map: 'Mapa', layers: 'Capas',
    districts: 'Distritos', streets: 'Calles', lines: 'Líneas', stops: 'Paraderos', names: 'Nombres', vehicles: 'Vehículos',
    mapHelp: 'Arrastre o flechas para mover, rueda o + y − para acercar, [ y ] para recorrer los distritos.',
    time: 'Tiempo', day: 'Día', play: 'Reproducir', pause: 'Pausa', speed: 'Velocidad', plot: 'A lo largo de la corrida',
    split: 'Desagregar por', table: 'Valores del día', runs: 'Corridas', district: 'Distrito', value: 'Valor',
    city: 'total de la ciudad', none: 'ninguno', scenario: 'Escenario', seed: 'Semilla', version: 'Versión', file: 'Archivo',
    cityName: 'Ciudad', vehiclesOnStreet: '{0} vehículos en la calle', noTracesDay: 'sin trayectorias este día',
    vehicleInfo: 'Vehículo {0}: {1}, carga {2} {3}',
    kind_waste_truck: 'camión recolector', kind_bus: 'bus', kind_combi: 'combi', kind_electric_bus: 'bus eléctrico',
    kind_brt: 'bus BRT', vehicleTypes: 'Vehículos por tipo:',
    legend: '{0}, colores de toda la corrida: de {1} a {2} {3}', legendDiff: 'B − A, {0}: de {1} a {2} {3} (blanco: sin diferencia)',
    noGeometry: 'Esta salida no tiene /geometry, por eso no hay mapa. Toda corrida de un munisim actual la escribe: vuelva a correr el escenario con esta versión (munisim run ESCENARIO.yaml).',
    noEvents: 'Esta salida no tiene trayectorias de vehículos (/events), por eso ningún vehículo se mueve en el mapa. Agregue output.traces.days: [1] al escenario (los días a registrar) y córralo de nuevo.',
    noUnit: 'La serie {0} no tiene unidad en el archivo, por eso sus valores se muestran sin ella. Las salidas de un munisim actual dan unidad a cada serie: vuelva a correr el escenario.',
    noDistrictSeries: 'Ninguna serie de esta salida tiene dimensión distrito, por eso el mapa no se colorea; el gráfico sí muestra la corrida.',
    noBoundaries: 'Esta salida no tiene límites de distritos (ciudad sintética): los distritos se dibujan como círculos de su área alrededor de su centro.',
    loadFailed: 'El visor no pudo leer {0} del servidor: {1}.',
    title: '{0}: {1}, {2}', compareTitle: '{0} frente a {1}: {2}, {3}', km: 'km',
  },
};

let language = 'en';

export function setLanguage(code) {
  language = labels[code] ? code : 'en';
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
}

export function t(key, ...args) {
  const text = labels[language][key] ?? labels.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

export function formatNumber(value) {
  if (!Number.isFinite(value)) return '–';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 3;
  return value.toLocaleString(language === 'es' ? 'es-PE' : 'en-GB', { maximumFractionDigits: digits });
}
