import { verifyAuditChain } from "../platform/audit";
import { type CliCommand, print, printError, withDatabase } from "./command";

export const auditCommand: CliCommand = {
  name: "audit",
  usage: "audit verify",
  summary: "校验审计日志的哈希链,发现第一条被篡改的记录",
  async run(args, loadConfig) {
    if (args[0] !== "verify") {
      printError("用法: gongkai audit verify");
      return 2;
    }
    const result = await withDatabase(loadConfig(), (d) => verifyAuditChain(d.db));
    if (result.ok) {
      print(`审计日志校验通过,共 ${result.entries} 条。`);
      return 0;
    }
    const why =
      result.reason === "content_changed"
        ? "内容与哈希不符(记录被修改)"
        : "与前一条记录的链接断开(记录被删除或插入)";
    printError(
      `审计日志校验失败:第 ${result.brokenId} 条记录${why}。此前 ${result.entries} 条正常。`,
    );
    return 1;
  },
};
