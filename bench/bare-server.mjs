// The baseline of every page benchmark: a bare node:http server answering every request with the
// same response the product sent for that page (its headers and body), from prebuilt values.
// Started by bench/run.ts as its own process; prints its port on stdout.
//   node bench/bare-server.mjs <body-file> <headers-json-file>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = readFileSync(process.argv[2]);
const headers = JSON.parse(readFileSync(process.argv[3], "utf8"));
headers["content-length"] = String(body.length);
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
