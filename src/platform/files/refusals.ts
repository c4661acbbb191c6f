// Why an upload was refused, worded for the person who uploaded it.
import { type FileKind, kindInfo } from "./kinds";
import type { UploadPolicy } from "./policies";
import { type ZipProblem, zipLimits } from "./zip-safety";

export type RefusalCode =
  | "too_large"
  | "type_mismatch"
  | "type_not_allowed"
  | "bad_name"
  | "zip_bomb"
  | "polyglot"
  | "empty";

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export type Problem =
  | { code: "bad_name" }
  | { code: "empty" }
  | { code: "too_large"; size: number; limit: number }
  | { code: "type_not_allowed"; extension: string; policy: UploadPolicy }
  | { code: "type_mismatch"; expected: FileKind; actual: string; isDamaged: boolean }
  | { code: "zip_bomb"; zip: ZipProblem }
  | { code: "polyglot" };

const REFUSED = "已拒绝上传。";

/** The refusal for a problem found in the file called `safeName`. */
export function describeRefusal(problem: Problem, safeName: string): Refusal {
  const file = `文件“${safeName}”`;
  switch (problem.code) {
    case "bad_name":
      return {
        code: "bad_name",
        message: "文件名无效:去掉路径和特殊字符后没有可用的名称,请修改文件名后重新上传。",
      };
    case "empty":
      return { code: "empty", message: `${file}是空文件,${REFUSED}` };
    case "too_large":
      return {
        code: "too_large",
        message: `${file}大小为 ${formatSize(problem.size)},超过了 ${formatSize(problem.limit)} 的上限,${REFUSED}`,
      };
    case "type_not_allowed":
      return { code: "type_not_allowed", message: notAllowedMessage(file, problem) };
    case "type_mismatch":
      return { code: "type_mismatch", message: mismatchMessage(file, problem) };
    case "zip_bomb":
      return { code: "zip_bomb", message: `${file}${zipMessage(problem.zip)},${REFUSED}` };
    case "polyglot":
      return {
        code: "polyglot",
        message: `${file}中夹带了其他格式的内容(如压缩包或网页脚本),${REFUSED}`,
      };
    default: {
      const never: never = problem;
      return never;
    }
  }
}

function notAllowedMessage(file: string, p: { extension: string; policy: UploadPolicy }): string {
  const allowed = `可上传的格式:${p.policy.kinds.map((k) => kindInfo[k].label).join("、")}。`;
  if (!p.extension) return `${file}没有扩展名,无法判断格式。${allowed}`;
  const hint = ["doc", "xls", "wps", "et"].includes(p.extension)
    ? "旧版 Word/Excel 文件请另存为 DOCX/XLSX 格式后上传。"
    : "";
  return `不支持上传“.${p.extension}”格式的${file}。${allowed}${hint}`;
}

function mismatchMessage(
  file: string,
  p: { expected: FileKind; actual: string; isDamaged: boolean },
): string {
  const expected = kindInfo[p.expected].label;
  if (p.isDamaged) {
    return `${file}已损坏、已加密或不是完整的 ${expected},无法检查其内容,${REFUSED}`;
  }
  if (p.expected === "csv" && p.actual === "无法识别的格式") {
    return `${file}不是 UTF-8 编码的文本,请在 Excel 中另存为“CSV UTF-8(逗号分隔)”后重新上传。`;
  }
  return `${file}的内容不是 ${expected}(实际为 ${p.actual}),${REFUSED}`;
}

function zipMessage(z: ZipProblem): string {
  switch (z.kind) {
    case "too_many_entries":
      return `内含 ${z.count} 个部件,超过 ${zipLimits.maxEntries} 个的上限`;
    case "too_big_unpacked":
      return `解压后共 ${formatSize(z.total)},超过 ${formatSize(zipLimits.maxTotalUncompressed)} 的上限,可能是“压缩炸弹”`;
    case "ratio":
      return `中的“${shorten(z.name)}”压缩比超过 ${zipLimits.maxRatio}:1,可能是“压缩炸弹”`;
    case "unsafe_path":
      return `内含不安全的路径“${shorten(z.name)}”`;
    case "duplicate":
      return `内含重名的部件“${shorten(z.name)}”`;
    case "overlap":
      return "的压缩结构异常(部件相互重叠),可能是“压缩炸弹”";
    default:
      return "的压缩结构异常";
  }
}

/** "2.5 MB", "300 KB", "12 字节". */
export function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  const trim = (n: number) => n.toFixed(1).replace(/\.0$/, "");
  if (bytes >= MB) return `${trim(bytes / MB)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function shorten(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "");
  const chars = Array.from(clean);
  return chars.length > 60 ? `${chars.slice(0, 60).join("")}…` : clean;
}
