// Runs in the benchmark's reader page: `window.benchRead(reader, url)` fetches the file (not
// timed), then times one reader parsing its bytes and resolves to { ms, cells }.

async function loadScript(src) {
  await new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

// Each reader parses the bytes (timed) and returns how to count the cells it read (not timed).
const READERS = {
  async sheetjs(bytes) {
    const wb = window.XLSX.read(bytes, { type: 'array' });
    return () => wb.SheetNames.reduce(
      (n, name) => n + Object.keys(wb.Sheets[name]).filter((k) => !k.startsWith('!')).length, 0);
  },
  async exceljs(bytes) {
    const wb = new window.ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    return () => {
      let cells = 0;
      wb.eachSheet((ws) => ws.eachRow((row) => { cells += row.actualCellCount; }));
      return cells;
    };
  },
  async calamine(bytes) {
    const cells = window.calamineReadCells(bytes);
    return () => cells;
  },
};

const SCRIPTS = {
  sheetjs: async () => loadScript('./lib/xlsx.full.min.js'),
  exceljs: async () => loadScript('./lib/exceljs.min.js'),
  calamine: async () => {
    const mod = await import('./calamine/uppfolj_bench_calamine_wasm.js');
    await mod.default();
    window.calamineReadCells = mod.read_cells;
  },
};

window.benchRead = async (reader, url) => {
  await SCRIPTS[reader]();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const start = performance.now();
  const count = await READERS[reader](bytes);
  const ms = performance.now() - start;
  return { ms, cells: count() };
};
window.benchReady = true;
