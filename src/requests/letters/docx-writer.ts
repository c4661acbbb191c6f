// A letter as a Word document laid out as a 公文 (GB/T 9704 in spirit): A4, title in 宋体 二号
// centred, reference line and body in 仿宋 三号 with a fixed 28-point line pitch, body paragraphs
// indented two characters, the bureau and the date at the bottom right. `docx` is loaded on
// first use so starting the server stays fast.
import { attachmentLines, type LetterContent } from "./compose";

const BODY_FONT = "仿宋";
const TITLE_FONT = "宋体";
/** Half-points: 二号 22pt, 三号 16pt. */
const SIZE = { erhao: 44, sanhao: 32 } as const;
/** 28 points in twentieths of a point. */
const LINE_PITCH = 560;
/** Two characters of 三号. */
const INDENT_TWO_CHARS = 640;

/** Millimetres in twips (1 mm = 56.7 twips). */
const mm = (value: number) => Math.round(value * 56.7);

/** The letter as .docx bytes. */
export async function writeLetterDocx(letter: LetterContent): Promise<Uint8Array> {
  const { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } = await import(
    "docx"
  );
  const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
  const spacing = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
  const line = (
    text: string,
    options: {
      align?: (typeof AlignmentType)[keyof typeof AlignmentType];
      indent?: boolean;
      size?: number;
      title?: boolean;
    } = {},
  ) =>
    new Paragraph({
      alignment: options.align ?? AlignmentType.JUSTIFIED,
      spacing: options.title ? { before: 0, after: 280 } : spacing,
      indent: options.indent ? { firstLine: INDENT_TWO_CHARS } : undefined,
      children: [
        new TextRun({
          text,
          font: font(options.title ? TITLE_FONT : BODY_FONT),
          size: options.size ?? SIZE.sanhao,
          bold: options.title === true,
        }),
      ],
    });
  const blank = () => line("");

  const children = [
    line(letter.title, { align: AlignmentType.CENTER, size: SIZE.erhao, title: true }),
    line(letter.reference, { align: AlignmentType.CENTER, size: SIZE.sanhao }),
    blank(),
    ...letter.paragraphs.map((p) => line(p.text, { indent: p.indent })),
    ...(letter.attachments.length > 0
      ? [blank(), ...attachmentLines(letter.attachments).map((t) => line(t, { indent: true }))]
      : []),
    blank(),
    blank(),
    line(letter.organisation, { align: AlignmentType.RIGHT }),
    line(letter.dateText, { align: AlignmentType.RIGHT }),
  ];
  const document = new Document({
    creator: letter.organisation,
    title: letter.title,
    styles: {
      default: { document: { run: { font: font(BODY_FONT), size: SIZE.sanhao } } },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 in twips (Word reads twips everywhere; not every version reads "210mm").
            size: { width: 11906, height: 16838 },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
