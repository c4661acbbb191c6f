// The baseline of every page benchmark: a bare node:http server answering every request with the
// same bytes the product served for that page, from one prebuilt Buffer. Started by bench/run.ts
// as its own process; prints its port on stdout.
//   node bench/bare-server.mjs <body-file> <content-type>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = readFileSync(process.argv[2]);
const type = process.argv[3] ?? "text/html; charset=utf-8";
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": type, "content-length": body.length });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
