// Sends the bench's query traffic one request at a time, for per-statement timing from the server log.
import http from "node:http";
import { loadVocabulary, zipfSearches, zipfPrefixes } from "./search-queries";
const [url, port, kind, n] = process.argv.slice(2);
const vocabulary = await loadVocabulary(url!);
const inputs = kind === "suggest" ? zipfPrefixes(vocabulary, 20_000) : zipfSearches(vocabulary, 20_000);
const proc = kind === "suggest" ? "search.suggest" : "search.query";
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const times: number[] = [];
for (const input of inputs.slice(0, Number(n))) {
  const t = performance.now();
  await new Promise<void>((resolve) => http.get(`http://127.0.0.1:${port}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { agent }, (r) => { r.resume(); r.on("end", () => resolve()); }));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`${kind}: n=${times.length} mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} p50 ${times[times.length >> 1]!.toFixed(1)} p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)}`);
agent.destroy();
