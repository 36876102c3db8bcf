import { createServer } from "node:http";

/** The baselines' whole HTTP layer: read a JSON body, answer the handler's result as JSON (500 with the error otherwise). */
export function serveJson<T>(port: number, handle: (input: T) => Promise<unknown>) {
  createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.stringify(await handle(JSON.parse(Buffer.concat(chunks).toString()) as T));
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  }).listen(port, () => console.log("listening"));
}
