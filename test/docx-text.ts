/**
 * A .docx read the way a person reads it: `word/document.xml` parsed (so a malformed document fails the test)
 * and its text runs joined per paragraph. Shared by the integration and browser suites.
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<{ xml: string; paragraphs: string[] }> {
  const { default: JSZip } = await import('jszip');
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser();
  const paragraphs: string[] = [];
  let current = '';
  let inText = false;
  parser.on('opentag', (t) => {
    if (t.name === 'w:t') inText = true;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'w:t') inText = false;
    if (t.name === 'w:p') {
      paragraphs.push(current);
      current = '';
    }
  });
  parser.on('text', (s) => {
    if (inText) current += s;
  });
  parser.write(xml).close();
  return { xml, paragraphs };
}
