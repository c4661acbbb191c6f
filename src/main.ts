import { ConfigError, loadConfig } from "./config";
import { startServer } from "./server";

try {
  const config = loadConfig();
  const server = await startServer(config);
  process.stdout.write(`Gongkai 已启动:${server.url}  (后台:${server.url}admin)\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`启动失败:${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
