import { deflateRawSync } from 'node:zlib';
import { writeZip } from '../../services/import/zipBounds';

/**
 * Builds zip files (and so .docx files) at test time, hostile ones included: a member may declare a
 * size it does not have, and its data may be given already compressed (a bomb made piece by piece).
 * The bytes are laid out by hoso's own zip writer (what the import hands mammoth); the members and
 * their claims are the test's. CRCs are written as 0: neither hoso's reader nor JSZip checks them.
 */
export interface ZipMember {
  name: string;
  /** The member's content; deflated here unless `deflated` is given. */
  data?: Buffer;
  /** Raw deflate data to store as is (`size` then says what it inflates to). */
  deflated?: Buffer;
  size?: number;
  /** What the central directory claims the member inflates to (a lie, when it differs). */
  declaredSize?: number;
  stored?: boolean;
}

export function buildZip(members: readonly ZipMember[]): Buffer {
  return writeZip(
    members.map((m) => ({
      name: m.name,
      method: m.stored ? 0 : 8,
      body: m.deflated ?? (m.stored ? m.data! : deflateRawSync(m.data!, { level: 9 })),
      size: m.declaredSize ?? m.size ?? m.data?.length ?? 0,
      crc: 0,
    })),
  );
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

export const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}" xmlns:a="${A}" xmlns:pic="${PIC}"><w:body>`;
export const DOC_TAIL = '</w:body></w:document>';
export const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A paragraph holding the picture of relationship rId9 (word/media/image1.png). */
export const PICTURE_PARAGRAPH = `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Ảnh 1"/><a:graphic><a:graphicData uri="${PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`;

/** The parts every .docx has, around the given word/document.xml member (and any others). */
export function docxWith(document: Omit<ZipMember, 'name'>, others: readonly ZipMember[] = []): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'word/document.xml', ...document },
    ...others,
  ]);
}

/** A small, honest .docx: the given paragraphs, and a picture when one is given. */
export function plainDocx(paragraphs: readonly string[], picture?: Buffer): Buffer {
  const xml = DOC_HEAD + paragraphs.map(paragraph).join('') + (picture ? PICTURE_PARAGRAPH : '') + DOC_TAIL;
  return docxWith(
    { data: Buffer.from(xml) },
    picture
      ? [
          { name: 'word/_rels/document.xml.rels', data: Buffer.from(DOC_RELS) },
          { name: 'word/media/image1.png', data: picture },
        ]
      : [],
  );
}

/**
 * word/document.xml of about `bytes` bytes of paragraphs, deflated: the shape of the reported bomb (a
 * file of a few hundred KB holding tens of MB of well-formed XML that mammoth would turn into a DOM).
 */
export function documentBomb(bytes: number): Omit<ZipMember, 'name'> {
  // Many small elements, as Word writes them: the DOM costs per node far more than per byte.
  const run = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const piece =
    `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${run('Hội ')}${run('nghị ')}${run('lần thứ 25')}</w:p>`.repeat(
      500,
    );
  const count = Math.ceil((bytes - DOC_HEAD.length - DOC_TAIL.length) / Buffer.byteLength(piece));
  const xml = DOC_HEAD + piece.repeat(count) + DOC_TAIL;
  const data = Buffer.from(xml);
  return { deflated: deflateRawSync(data, { level: 9 }), size: data.length };
}
