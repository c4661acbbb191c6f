/** The file formats the product knows how to recognise, check and store. */
export type FileKind =
  | "pdf"
  | "ofd"
  | "docx"
  | "xlsx"
  | "png"
  | "jpeg"
  | "gif"
  | "webp"
  | "csv"
  | "text";

export interface KindInfo {
  mediaType: string;
  /** Lower-case extensions without the dot; the first is the usual one. */
  extensions: readonly string[];
  /** How the format is named to people. */
  label: string;
  isImage: boolean;
}

export const kindInfo: Record<FileKind, KindInfo> = {
  pdf: { mediaType: "application/pdf", extensions: ["pdf"], label: "PDF", isImage: false },
  // GB/T 33190-2016 版式文档; "application/ofd" is the type Chinese readers and browsers use.
  ofd: { mediaType: "application/ofd", extensions: ["ofd"], label: "OFD", isImage: false },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    label: "Word 文档(DOCX)",
    isImage: false,
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    label: "Excel 表格(XLSX)",
    isImage: false,
  },
  png: { mediaType: "image/png", extensions: ["png"], label: "PNG 图片", isImage: true },
  jpeg: { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG 图片", isImage: true },
  gif: { mediaType: "image/gif", extensions: ["gif"], label: "GIF 图片", isImage: true },
  webp: { mediaType: "image/webp", extensions: ["webp"], label: "WebP 图片", isImage: true },
  csv: {
    mediaType: "text/csv; charset=utf-8",
    extensions: ["csv"],
    label: "CSV 表格",
    isImage: false,
  },
  text: {
    mediaType: "text/plain; charset=utf-8",
    extensions: ["txt"],
    label: "纯文本",
    isImage: false,
  },
};

/** The kinds whose content is ZIP-packaged XML. */
export const zipKinds: readonly FileKind[] = ["docx", "xlsx", "ofd"];

/** The kinds recognised by being valid UTF-8 text rather than by a signature. */
export const textKinds: readonly FileKind[] = ["csv", "text"];

/** The kind an extension names, among the given kinds; null when none does. */
export function kindOfExtension(extension: string, among: readonly FileKind[]): FileKind | null {
  const ext = extension.toLowerCase();
  return among.find((k) => kindInfo[k].extensions.includes(ext)) ?? null;
}

/** The kind a stored media type names (for rows read back from `files`). */
export function kindOfMediaType(mediaType: string): FileKind | null {
  const base = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  const found = (Object.keys(kindInfo) as FileKind[]).find(
    (k) => kindInfo[k].mediaType.split(";")[0] === base,
  );
  return found ?? null;
}
